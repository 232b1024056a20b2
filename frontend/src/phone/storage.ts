// Where the phone page keeps things between page loads. See README.md in this folder for why.
const LINK = 'bondgenoot.checkin.link'
const SESSION = 'bondgenoot.checkin.session'

function read(store: Storage | undefined, key: string): string | null {
  try {
    return store?.getItem(key) ?? null
  } catch {
    return null
  }
}

function write(store: Storage | undefined, key: string, value: string | null): void {
  try {
    if (value === null) store?.removeItem(key)
    else store?.setItem(key, value)
  } catch {
    // Private mode or full storage: it lasts for this page only.
  }
}

/**
 * Reads the link token from the address bar's #fragment (never sent to a server), removes it from the address bar
 * and history, and keeps it for this visit (sessionStorage) and this phone (localStorage, so the installed app and a
 * check-in kept offline still work later). The code is never stored: the token alone opens nothing.
 */
export function takeLinkToken(): string | null {
  const fragment = globalThis.location.hash.replace(/^#/, '').trim()
  if (fragment) {
    globalThis.history.replaceState(
      globalThis.history.state,
      '',
      globalThis.location.pathname + globalThis.location.search,
    )
    const previous = read(globalThis.localStorage, LINK)
    if (previous !== fragment) write(globalThis.sessionStorage, SESSION, null)
    write(globalThis.sessionStorage, LINK, fragment)
    write(globalThis.localStorage, LINK, fragment)
    return fragment
  }
  return read(globalThis.sessionStorage, LINK) ?? read(globalThis.localStorage, LINK)
}

export function forgetLinkToken(): void {
  write(globalThis.localStorage, 'bondgenoot.phone.plan', null)
  write(globalThis.sessionStorage, LINK, null)
  write(globalThis.localStorage, LINK, null)
  write(globalThis.sessionStorage, SESSION, null)
}

interface StoredSession {
  token: string
  expiresAt: number
  name: string
  supporter: string | null
  /** Whose link: a family member's (check-in and plan) or a network contact's (their part of the plan). */
  party?: 'member' | 'contact'
}

/** The short session (two hours) lasts for this visit only; after that the code is asked again. */
export function loadSession(now = Date.now()): StoredSession | null {
  const raw = read(globalThis.sessionStorage, SESSION)
  if (!raw) return null
  try {
    const value = JSON.parse(raw) as StoredSession
    return value.expiresAt > now + 30_000 ? value : null
  } catch {
    return null
  }
}

export function saveSession(session: StoredSession | null): void {
  write(globalThis.sessionStorage, SESSION, session === null ? null : JSON.stringify(session))
}

export type { StoredSession }
