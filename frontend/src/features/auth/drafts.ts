import { useCallback, useState } from 'react'

/**
 * Form drafts. Every draft lives in memory: it survives a trip to the login page when a session expires.
 * A form may opt in (`persist`) to survive a reload as well: then the draft is also kept in sessionStorage,
 * which belongs to this one browser tab and is gone when the tab closes, under the signed-in user's id, for at
 * most 8 hours, and wiped on logout or when someone else signs in. Never localStorage, never cookies.
 * (README, "Privacy": why this is the trade-off.)
 */
const drafts = new Map<string, unknown>()

const PREFIX = 'bondgenoot.draft.'
const OWNER = 'bondgenoot.draft-owner'
export const DRAFT_MAX_AGE_MS = 8 * 60 * 60 * 1000

let owner: string | null = null

interface Stored {
  savedAt: number
  value: unknown
}

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage
  } catch {
    return null // storage blocked by the browser: drafts stay in memory only
  }
}

function storedKeys(store: Storage): string[] {
  return Array.from({ length: store.length }, (_, index) => store.key(index)).filter(
    (key): key is string => key?.startsWith(PREFIX) ?? false,
  )
}

function wipeStored(): void {
  const store = storage()
  if (!store) return
  for (const key of storedKeys(store)) store.removeItem(key)
  store.removeItem(OWNER)
}

function readStored(key: string): Stored | null {
  const store = storage()
  if (!store || owner === null || store.getItem(OWNER) !== owner) return null
  const raw = store.getItem(PREFIX + key)
  if (raw === null) return null
  try {
    const stored = JSON.parse(raw) as Stored
    if (Date.now() - stored.savedAt <= DRAFT_MAX_AGE_MS) return stored
  } catch {
    // a damaged entry is dropped below
  }
  store.removeItem(PREFIX + key)
  return null
}

function writeStored(key: string, value: unknown): void {
  const store = storage()
  if (!store || owner === null) return
  try {
    store.setItem(OWNER, owner)
    store.setItem(PREFIX + key, JSON.stringify({ savedAt: Date.now(), value } satisfies Stored))
  } catch {
    // storage full or blocked: the memory copy still holds the draft
  }
}

/** On logout: nothing of the last user's drafts stays, in memory or in the tab's storage. */
export function clearDrafts(): void {
  drafts.clear()
  wipeStored()
}

/** Drafts belong to one user: when someone else signs in (or after a reload, another user's session), they start empty. */
export function claimDrafts(userId: string): void {
  if (owner !== null && owner !== userId) drafts.clear()
  const store = storage()
  const storedOwner = store?.getItem(OWNER) ?? null
  if (storedOwner !== null && storedOwner !== userId) wipeStored()
  owner = userId
}

export interface DraftOptions {
  /** Keep the draft across a reload of this tab (sessionStorage, 8 hours, this user only). */
  persist?: boolean
}

/**
 * [value, set, clear, restored]: `restored` says the form came back with earlier, unsaved input.
 * A null key keeps no draft: the value lives as long as the component, as with useState.
 */
export function useDraft<T>(
  key: string | null,
  initial: () => T,
  options: DraftOptions = {},
): [T, (next: T) => void, () => void, boolean] {
  const persist = options.persist ?? false
  const [start] = useState<{ value: T; restored: boolean }>(() => {
    if (key === null) return { value: initial(), restored: false }
    if (drafts.has(key)) return { value: drafts.get(key) as T, restored: true }
    const stored = persist ? readStored(key) : null
    if (stored) {
      drafts.set(key, stored.value)
      return { value: stored.value as T, restored: true }
    }
    return { value: initial(), restored: false }
  })
  const [value, setValue] = useState<T>(start.value)
  const update = useCallback(
    (next: T) => {
      if (key !== null) drafts.set(key, next)
      if (key !== null && persist) writeStored(key, next)
      setValue(next)
    },
    [key, persist],
  )
  const clear = useCallback(() => {
    if (key === null) return
    drafts.delete(key)
    storage()?.removeItem(PREFIX + key)
  }, [key])
  return [value, update, clear, start.restored]
}
