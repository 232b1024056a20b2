import { useCallback, useState } from 'react'

/**
 * Form drafts kept in memory (never in storage: they hold personal data). They survive a trip to the login page
 * when a session expires, and are dropped on logout.
 */
const drafts = new Map<string, unknown>()

let owner: string | null = null

export function clearDrafts(): void {
  drafts.clear()
}

/** Drafts belong to one user: when someone else signs in after an expired session, they start empty. */
export function claimDrafts(userId: string): void {
  if (owner !== null && owner !== userId) drafts.clear()
  owner = userId
}

/** [value, set, clear, restored]: `restored` says the form came back with earlier, unsaved input. */
export function useDraft<T>(key: string, initial: () => T): [T, (next: T) => void, () => void, boolean] {
  const [restored] = useState(() => drafts.has(key))
  const [value, setValue] = useState<T>(() => (drafts.has(key) ? (drafts.get(key) as T) : initial()))
  const update = useCallback(
    (next: T) => {
      drafts.set(key, next)
      setValue(next)
    },
    [key],
  )
  const clear = useCallback(() => {
    drafts.delete(key)
  }, [key])
  return [value, update, clear, restored]
}
