import { CheckinError, type CheckinCreate } from './api'

// Check-ins that could not be sent (no connection) wait on the phone, each with the Idempotency-Key it was made
// with, so sending it again and again still makes exactly one check-in on the server.
const QUEUE = 'bondgenoot.checkin.queue'

export interface QueuedCheckin {
  key: string
  body: CheckinCreate
}

export function pending(storage: Storage = globalThis.localStorage): QueuedCheckin[] {
  try {
    const raw = storage.getItem(QUEUE)
    const value: unknown = raw ? JSON.parse(raw) : []
    return Array.isArray(value) ? (value as QueuedCheckin[]) : []
  } catch {
    return []
  }
}

function save(items: QueuedCheckin[], storage: Storage): void {
  if (items.length === 0) storage.removeItem(QUEUE)
  else storage.setItem(QUEUE, JSON.stringify(items))
}

/** Keeps a check-in on the phone (once per key). */
export function keep(item: QueuedCheckin, storage: Storage = globalThis.localStorage): void {
  const items = pending(storage).filter((other) => other.key !== item.key)
  save([...items, item], storage)
}

function drop(key: string, storage: Storage): void {
  save(
    pending(storage).filter((item) => item.key !== key),
    storage,
  )
}

export type Send = (item: QueuedCheckin) => Promise<unknown>

let flushing: Promise<number> | null = null

/**
 * Sends the waiting check-ins in order. A sent one (or one the server refuses for good, e.g. too old) is removed;
 * on no connection, an ended session or a rate limit the rest stay and the error is thrown to the caller.
 * One flush at a time, so an `online` event and a page load together do not send twice.
 */
export function flush(send: Send, storage: Storage = globalThis.localStorage): Promise<number> {
  if (flushing) return flushing
  const run = (async () => {
    let sent = 0
    for (const item of pending(storage)) {
      try {
        await send(item)
      } catch (error) {
        if (error instanceof CheckinError && error.kind === 'invalid') {
          drop(item.key, storage)
          continue
        }
        throw error
      }
      drop(item.key, storage)
      sent += 1
    }
    return sent
  })()
  flushing = run
  const done = () => {
    if (flushing === run) flushing = null
  }
  run.then(done, done)
  return run
}
