import { ApiError } from './errors'
import type { Problem, TokenResponse } from './types'

/**
 * The session lives in memory only. The refresh token is an httpOnly cookie the server set on /api/v1/auth,
 * so a page reload can get a new access token without anything readable by scripts being stored.
 */
const TOKEN_URL = '/api/v1/auth/token'
const LOGOUT_URL = '/api/v1/auth/logout'
const REFRESH_MARGIN_MS = 60_000

export type SessionStatus = 'unknown' | 'authenticated' | 'anonymous' | 'expired'

let accessToken: string | null = null
let expiresAt = 0
let status: SessionStatus = 'unknown'
let refreshTimer: ReturnType<typeof setTimeout> | undefined
let inFlight: Promise<boolean> | null = null
const listeners = new Set<(status: SessionStatus) => void>()

// Logging out in one tab logs out the others at once (their access tokens would otherwise live on for minutes).
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('bondgenoot-session')
if (channel) {
  channel.onmessage = (event: MessageEvent) => {
    if (event.data === 'logout') forget('anonymous')
  }
}

function setStatus(next: SessionStatus): void {
  if (status === next) return
  status = next
  for (const listener of listeners) listener(next)
}

export function getSessionStatus(): SessionStatus {
  return status
}

export function subscribeSession(listener: (status: SessionStatus) => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

function url(path: string): string {
  return new URL(path, globalThis.location.origin).toString()
}

function accept(token: TokenResponse): void {
  accessToken = token.access_token
  expiresAt = Date.now() + token.expires_in * 1000
  clearTimeout(refreshTimer)
  // Refresh a minute before expiry so a user who is reading never meets a 401.
  const delay = Math.max(token.expires_in * 1000 - REFRESH_MARGIN_MS, 5_000)
  refreshTimer = setTimeout(() => void refreshSession(), delay)
  setStatus('authenticated')
}

/** Take over the tokens of a new session (after changing your own password, which ended the others). */
export function adoptSession(token: TokenResponse): void {
  accept(token)
}

function forget(next: SessionStatus): void {
  accessToken = null
  expiresAt = 0
  clearTimeout(refreshTimer)
  setStatus(next)
}

async function problemOf(response: Response): Promise<Problem | null> {
  try {
    return (await response.json()) as Problem
  } catch {
    return null
  }
}

async function postToken(body: URLSearchParams): Promise<Response> {
  return fetch(url(TOKEN_URL), {
    method: 'POST',
    body,
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
  })
}

export async function login(email: string, password: string): Promise<void> {
  const response = await postToken(new URLSearchParams({ grant_type: 'password', username: email, password }))
  if (!response.ok) {
    const retryAfter = Number(response.headers.get('Retry-After'))
    throw new ApiError(
      response.status,
      await problemOf(response),
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
    )
  }
  accept((await response.json()) as TokenResponse)
}

async function doRefresh(): Promise<boolean> {
  try {
    const response = await postToken(new URLSearchParams({ grant_type: 'refresh_token' }))
    if (!response.ok) return false
    accept((await response.json()) as TokenResponse)
    return true
  } catch {
    return false
  }
}

/**
 * Gets a new access token with the refresh cookie. Concurrent callers share one request, and tabs take turns
 * (the server refuses a refresh token that was already used).
 */
export function refreshSession(): Promise<boolean> {
  inFlight ??= (async () => {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined
    const ok = locks ? await locks.request('bondgenoot-refresh', doRefresh) : await doRefresh()
    if (!ok) forget(status === 'authenticated' ? 'expired' : 'anonymous')
    return ok
  })().finally(() => {
    inFlight = null
  })
  return inFlight
}

export async function logout(): Promise<void> {
  try {
    await fetch(url(LOGOUT_URL), {
      method: 'POST',
      credentials: 'same-origin',
      headers: accessToken ? { Authorization: `Bearer ${accessToken}` } : {},
    })
  } finally {
    forget('anonymous')
    channel?.postMessage('logout')
  }
}

function withToken(request: Request): Request {
  const authorised = new Request(request)
  if (accessToken) authorised.headers.set('Authorization', `Bearer ${accessToken}`)
  return authorised
}

/** fetch for the typed client: adds the token, refreshes it when due, and retries once after a 401. */
export async function authFetch(input: Request): Promise<Response> {
  if (accessToken && Date.now() > expiresAt - 5_000) await refreshSession()
  const retry = input.clone()
  const response = await fetch(withToken(input))
  if (response.status !== 401 || status !== 'authenticated') return response
  if (!(await refreshSession())) return response
  return fetch(withToken(retry))
}

/** For tests only: forget everything between cases. */
export function resetSessionForTests(): void {
  forget('unknown')
  inFlight = null
  listeners.clear()
}
