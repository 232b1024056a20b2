import { act, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { claimDrafts, clearDrafts, DRAFT_MAX_AGE_MS, useDraft } from './drafts'

/** A reload: the module's memory starts empty, the tab's sessionStorage stays. */
async function reloaded() {
  vi.resetModules()
  return import('./drafts')
}

describe('useDraft', () => {
  beforeEach(() => {
    clearDrafts()
    claimDrafts('user-a')
  })
  afterEach(() => {
    vi.useRealTimers()
    sessionStorage.clear()
  })

  it('keeps what was typed when the form unmounts (for example on a trip to the login page)', () => {
    const first = renderHook(() => useDraft('family.new', () => ({ name: '' })))
    act(() => first.result.current[1]({ name: 'Gezin Bakker' }))
    first.unmount()

    const second = renderHook(() => useDraft('family.new', () => ({ name: '' })))
    expect(second.result.current[0]).toEqual({ name: 'Gezin Bakker' })
    expect(second.result.current[3]).toBe(true)
  })

  it('starts fresh after the draft is cleared or the user logs out', () => {
    const first = renderHook(() => useDraft('a', () => 'start', { persist: true }))
    act(() => first.result.current[1]('typed'))
    act(() => first.result.current[2]())
    expect(renderHook(() => useDraft('a', () => 'start', { persist: true })).result.current[0]).toBe('start')
    expect(sessionStorage.length).toBe(1) // only the owner mark

    const other = renderHook(() => useDraft('b', () => 'start', { persist: true }))
    act(() => other.result.current[1]('typed'))
    clearDrafts()
    expect(renderHook(() => useDraft('b', () => 'start', { persist: true })).result.current[0]).toBe('start')
    expect(sessionStorage.length).toBe(0)
  })

  it('does not hand a draft to the next user who signs in', () => {
    const first = renderHook(() => useDraft('d', () => '', { persist: true }))
    act(() => first.result.current[1]('private note'))
    claimDrafts('user-a')
    expect(renderHook(() => useDraft('d', () => '')).result.current[0]).toBe('private note')
    claimDrafts('user-b')
    expect(renderHook(() => useDraft('d', () => '', { persist: true })).result.current[0]).toBe('')
    expect(sessionStorage.length).toBe(0)
  })

  it('keeps forms that do not opt in out of web storage', () => {
    const hook = renderHook(() => useDraft('caseload.search', () => ''))
    act(() => hook.result.current[1]('Noor, 06 12345678'))
    expect(localStorage.length + sessionStorage.length).toBe(0)
  })

  it('brings an opted-in draft back after a reload of the tab, for the same user only, never in localStorage', async () => {
    const hook = renderHook(() => useDraft('goal.new.f1', () => ({ text: '' }), { persist: true }))
    act(() => hook.result.current[1]({ text: 'Daan gaat weer naar school' }))
    expect(localStorage.length).toBe(0)

    const fresh = await reloaded()
    fresh.claimDrafts('user-a')
    const back = renderHook(() => fresh.useDraft('goal.new.f1', () => ({ text: '' }), { persist: true }))
    expect(back.result.current[0]).toEqual({ text: 'Daan gaat weer naar school' })
    expect(back.result.current[3]).toBe(true)

    const other = await reloaded()
    other.claimDrafts('user-b') // the refresh cookie now belongs to someone else
    expect(
      renderHook(() => other.useDraft('goal.new.f1', () => ({ text: '' }), { persist: true })).result.current[0],
    ).toEqual({ text: '' })
    expect(sessionStorage.length).toBe(0)
  })

  it('lets a stored draft expire after 8 hours', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const hook = renderHook(() => useDraft('action.new.g1', () => '', { persist: true }))
    act(() => hook.result.current[1]('Oma Riet belt school'))
    vi.setSystemTime(Date.now() + DRAFT_MAX_AGE_MS + 1000)

    const fresh = await reloaded()
    fresh.claimDrafts('user-a')
    const back = renderHook(() => fresh.useDraft('action.new.g1', () => '', { persist: true }))
    expect(back.result.current[0]).toBe('')
    expect(back.result.current[3]).toBe(false)
  })
})
