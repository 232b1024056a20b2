import { act, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { claimDrafts, clearDrafts } from '../features/auth/drafts'
import { changedFields, useFormValues } from './useFormValues'

const start = () => ({ name: 'Gezin Bakker', groups: ['lvb'], started_on: '' })

describe('useFormValues', () => {
  beforeEach(() => {
    clearDrafts()
    claimDrafts('user-a')
  })
  afterEach(() => sessionStorage.clear())

  it('sets fields and names the ones that differ from the initial values', () => {
    const { result } = renderHook(() => useFormValues(start))
    expect(result.current.changed).toEqual([])
    act(() => result.current.set('name', 'Gezin de Vries'))
    act(() => result.current.update({ groups: ['lvb', 'nah'] }))
    expect(result.current.values).toEqual({ name: 'Gezin de Vries', groups: ['lvb', 'nah'], started_on: '' })
    expect(result.current.changed).toEqual(['name', 'groups'])
    act(() => result.current.set('name', 'Gezin Bakker'))
    expect(result.current.changed).toEqual(['groups'])
    expect(result.current.initial).toEqual(start())
  })

  it('reads the initial values once, so a later render with fresh data does not replace what is typed', () => {
    let name = 'Gezin Bakker'
    const { result, rerender } = renderHook(() => useFormValues(() => ({ name })))
    act(() => result.current.set('name', 'typed'))
    name = 'fetched again'
    rerender()
    expect(result.current.values.name).toBe('typed')
    expect(result.current.initial.name).toBe('Gezin Bakker')
  })

  it('keeps a named draft, brings it back as restored, and drops it on reset', () => {
    const first = renderHook(() => useFormValues(start, { draft: 'family.new', persist: true }))
    act(() => first.result.current.set('name', 'half typed'))
    first.unmount()

    const second = renderHook(() => useFormValues(start, { draft: 'family.new', persist: true }))
    expect(second.result.current.restored).toBe(true)
    expect(second.result.current.values.name).toBe('half typed')
    expect(second.result.current.changed).toEqual(['name'])
    act(() => second.result.current.reset())
    expect(second.result.current.values).toEqual(start())
    second.unmount()

    const third = renderHook(() => useFormValues(start, { draft: 'family.new', persist: true }))
    expect(third.result.current.restored).toBe(false)
    expect(third.result.current.values).toEqual(start())
  })

  it('keeps no draft without a name', () => {
    const first = renderHook(() => useFormValues(start))
    act(() => first.result.current.set('name', 'typed'))
    first.unmount()
    const second = renderHook(() => useFormValues(start))
    expect(second.result.current.values.name).toBe('Gezin Bakker')
    expect(second.result.current.restored).toBe(false)
  })
})

describe('changedFields', () => {
  it('keeps only what differs, and sends a field that is gone as null', () => {
    const before = { display_name: 'A', region_id: 'r1', target_groups: ['lvb'], municipality: 'Zwolle' }
    const after = { display_name: 'A', target_groups: ['lvb', 'nah'], municipality: 'Kampen' }
    expect(changedFields<Record<string, unknown>>(before, after)).toEqual({
      region_id: null,
      target_groups: ['lvb', 'nah'],
      municipality: 'Kampen',
    })
    expect(changedFields(after, { ...after })).toEqual({})
  })

  it('treats a missing field and null as the same', () => {
    expect(changedFields<{ a?: string | null }>({ a: null }, {})).toEqual({})
  })
})
