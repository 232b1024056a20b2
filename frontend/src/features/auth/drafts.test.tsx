import { act, renderHook } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { claimDrafts, clearDrafts, useDraft } from './drafts'

describe('useDraft', () => {
  it('keeps what was typed when the form unmounts (for example on a trip to the login page)', () => {
    const first = renderHook(() => useDraft('family.new', () => ({ name: '' })))
    act(() => first.result.current[1]({ name: 'Gezin Bakker' }))
    first.unmount()

    const second = renderHook(() => useDraft('family.new', () => ({ name: '' })))
    expect(second.result.current[0]).toEqual({ name: 'Gezin Bakker' })
    expect(second.result.current[3]).toBe(true)
  })

  it('starts fresh after the draft is cleared or the user logs out', () => {
    const first = renderHook(() => useDraft('a', () => 'start'))
    act(() => first.result.current[1]('typed'))
    act(() => first.result.current[2]())
    expect(renderHook(() => useDraft('a', () => 'start')).result.current[0]).toBe('start')

    const other = renderHook(() => useDraft('b', () => 'start'))
    act(() => other.result.current[1]('typed'))
    clearDrafts()
    expect(renderHook(() => useDraft('b', () => 'start')).result.current[0]).toBe('start')
  })

  it('does not hand a draft to the next user who signs in', () => {
    claimDrafts('user-a')
    const first = renderHook(() => useDraft('d', () => ''))
    act(() => first.result.current[1]('private note'))
    claimDrafts('user-a')
    expect(renderHook(() => useDraft('d', () => '')).result.current[0]).toBe('private note')
    claimDrafts('user-b')
    expect(renderHook(() => useDraft('d', () => '')).result.current[0]).toBe('')
  })

  it('never writes drafts to web storage (they hold personal data)', () => {
    const hook = renderHook(() => useDraft('c', () => ''))
    act(() => hook.result.current[1]('Noor, 06 12345678'))
    expect(localStorage.length + sessionStorage.length).toBe(0)
  })
})
