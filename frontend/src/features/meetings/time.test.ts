import { describe, expect, it } from 'vitest'
import { addMinutes, amsterdamInputs, isUpcoming, meetingWhen, wallTime } from './time'

describe('meeting times', () => {
  it('shows UTC instants as Amsterdam wall time, in winter and in summer', () => {
    expect(meetingWhen('2026-12-03T13:00:00Z', '2026-12-03T14:30:00Z')).toBe('do 03-12-2026, 14:00–15:30')
    expect(meetingWhen('2026-06-30T08:00:00Z', '2026-06-30T09:30:00Z')).toBe('di 30-06-2026, 10:00–11:30')
  })

  it('adds the end date when a meeting runs past midnight', () => {
    expect(meetingWhen('2026-12-03T21:00:00Z', '2026-12-03T23:30:00Z')).toBe('do 03-12-2026, 22:00–vr 04-12-2026 00:30')
  })

  it('fills the date and time inputs in Amsterdam time and sends them back without an offset', () => {
    expect(amsterdamInputs('2026-03-29T00:30:00Z')).toEqual({ date: '2026-03-29', time: '01:30' })
    expect(amsterdamInputs('2026-03-29T01:30:00Z')).toEqual({ date: '2026-03-29', time: '03:30' })
    expect(wallTime('2026-12-03', '14:00')).toBe('2026-12-03T14:00:00')
  })

  it('suggests an end 90 minutes later, never past the end of the day', () => {
    expect(addMinutes('14:00', 90)).toBe('15:30')
    expect(addMinutes('23:00', 90)).toBe('23:59')
  })

  it('counts a planned meeting as upcoming until it has ended', () => {
    const now = Date.parse('2026-12-03T14:00:00Z')
    expect(isUpcoming({ status: 'planned', ends_at: '2026-12-03T14:30:00Z' }, now)).toBe(true)
    expect(isUpcoming({ status: 'planned', ends_at: '2026-12-03T13:30:00Z' }, now)).toBe(false)
    expect(isUpcoming({ status: 'cancelled', ends_at: '2026-12-04T13:30:00Z' }, now)).toBe(false)
  })
})
