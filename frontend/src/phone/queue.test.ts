import { beforeEach, describe, expect, it, vi } from 'vitest'
import { CheckinError } from './api'
import { flush, keep, pending, type QueuedCheckin } from './queue'

const item = (key: string, wellbeing = 5): QueuedCheckin => ({
  key,
  body: { wellbeing, care_burden: 6, needs: ['talk'], checked_in_at: '2026-11-24T22:30:00.000Z' },
})

describe('offline queue', () => {
  beforeEach(() => localStorage.clear())

  it('stores a check-in with its Idempotency-Key, once per key', () => {
    keep(item('key-1'))
    keep(item('key-1'))
    keep(item('key-2', 3))
    expect(pending().map((i) => i.key)).toEqual(['key-1', 'key-2'])
    expect(JSON.parse(localStorage.getItem('bondgenoot.checkin.queue') ?? '[]')).toHaveLength(2)
  })

  it('sends each one once with its own key and clears after success', async () => {
    keep(item('key-1'))
    keep(item('key-2', 3))
    const send = vi.fn().mockResolvedValue({})
    await expect(flush(send)).resolves.toBe(2)
    expect(send.mock.calls.map((call: unknown[]) => (call[0] as QueuedCheckin).key)).toEqual(['key-1', 'key-2'])
    expect(pending()).toEqual([])
    expect(localStorage.getItem('bondgenoot.checkin.queue')).toBeNull()
    await flush(send)
    expect(send).toHaveBeenCalledTimes(2)
  })

  it('keeps the check-in (same key) when there is no connection, and sends it later', async () => {
    keep(item('key-1'))
    const offline = vi.fn().mockRejectedValue(new CheckinError('offline'))
    await expect(flush(offline)).rejects.toMatchObject({ kind: 'offline' })
    expect(pending().map((i) => i.key)).toEqual(['key-1'])
    const online = vi.fn().mockResolvedValue({})
    await flush(online)
    expect(online).toHaveBeenCalledWith(item('key-1'))
    expect(pending()).toEqual([])
  })

  it('keeps it when the session ended or the server asks to wait', async () => {
    keep(item('key-1'))
    await expect(flush(vi.fn().mockRejectedValue(new CheckinError('session_expired')))).rejects.toBeInstanceOf(
      CheckinError,
    )
    await expect(flush(vi.fn().mockRejectedValue(new CheckinError('rate_limited', null, 60)))).rejects.toBeInstanceOf(
      CheckinError,
    )
    expect(pending()).toHaveLength(1)
  })

  it('sends only once when an online event and a page load flush at the same time', async () => {
    keep(item('key-1'))
    let release: (value: unknown) => void = () => undefined
    const send = vi.fn(() => new Promise((resolve) => (release = resolve)))
    const first = flush(send)
    const second = flush(send)
    release({})
    await Promise.all([first, second])
    expect(send).toHaveBeenCalledTimes(1)
  })

  it('drops one the server refuses for good (invalid) and goes on', async () => {
    keep(item('old'))
    keep(item('new'))
    const send = vi.fn((i: QueuedCheckin) =>
      i.key === 'old' ? Promise.reject(new CheckinError('invalid')) : Promise.resolve({}),
    )
    await expect(flush(send)).resolves.toBe(1)
    expect(pending()).toEqual([])
  })
})
