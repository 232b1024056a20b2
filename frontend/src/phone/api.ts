import createClient from 'openapi-fetch'
import type { components, paths } from '../api/schema'

// The phone page's own tiny client: no staff token, no refresh, no cookies. The link token goes in a header
// (`CheckinLink <token>`) once; after that a short session token (`Bearer …`).
export type CheckinCreate = components['schemas']['CheckinCreate']
export type CheckinNeed = components['schemas']['CheckinNeed']
export type SessionResponse = components['schemas']['SessionResponse']
export type TrendPoint = components['schemas']['TrendPoint']

export const NEEDS: readonly CheckinNeed[] = [
  'talk',
  'practical_help',
  'respite',
  'money_paperwork',
  'school_work',
  'call_me',
]

export type CheckinErrorKind =
  | 'offline'
  | 'wrong_code'
  | 'locked'
  | 'unusable'
  | 'no_token'
  | 'session_expired'
  | 'rate_limited'
  | 'invalid'
  | 'server'

/** A refusal the page can explain in plain words. */
export class CheckinError extends Error {
  constructor(
    readonly kind: CheckinErrorKind,
    readonly attemptsLeft: number | null = null,
    readonly retryAfter: number | null = null,
  ) {
    super(kind)
    this.name = 'CheckinError'
  }
}

export const client = createClient<paths>({
  baseUrl: globalThis.location.origin,
  credentials: 'omit',
  fetch: (request: Request) => globalThis.fetch(request),
})

interface Problem {
  reason?: string | null
  attempts_left?: number | null
}

function refusal(response: Response, problem: unknown): CheckinError {
  const body = (typeof problem === 'object' && problem !== null ? problem : {}) as Problem
  const reason = body.reason ?? ''
  if (response.status === 429 || reason === 'rate_limited') {
    const seconds = Number(response.headers.get('Retry-After'))
    return new CheckinError('rate_limited', null, Number.isFinite(seconds) && seconds > 0 ? seconds : null)
  }
  if (response.status === 423 || reason === 'locked') return new CheckinError('locked')
  if (reason === 'wrong_code') return new CheckinError('wrong_code', body.attempts_left ?? null)
  if (reason === 'session_expired') return new CheckinError('session_expired')
  if (reason === 'no_token') return new CheckinError('no_token')
  if (response.status === 404 || reason === 'link_unusable') return new CheckinError('unusable')
  if (response.status === 401) return new CheckinError('session_expired')
  if (response.status === 422) return new CheckinError('invalid')
  return new CheckinError('server')
}

/** Runs a request; a network failure (no connection) becomes CheckinError('offline'). */
export async function call<T>(run: () => Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response }
  try {
    result = await run()
  } catch {
    throw new CheckinError('offline')
  }
  if (result.response.ok && result.data !== undefined) return result.data
  throw refusal(result.response, result.error)
}

export function openSession(linkToken: string, code: string): Promise<SessionResponse> {
  return call(() =>
    client.POST('/api/v1/checkin/session', {
      body: { code },
      headers: { Authorization: `CheckinLink ${linkToken}` },
    }),
  )
}

export function submitCheckin(sessionToken: string, key: string, body: CheckinCreate): Promise<unknown> {
  return call(() =>
    client.POST('/api/v1/checkin/checkins', {
      body,
      params: { header: { 'Idempotency-Key': key } },
      headers: { Authorization: `Bearer ${sessionToken}` },
    }),
  )
}

export async function readTrend(sessionToken: string): Promise<TrendPoint[]> {
  const trend = await call(() =>
    client.GET('/api/v1/checkin/checkins', {
      params: { query: { limit: 12 } },
      headers: { Authorization: `Bearer ${sessionToken}` },
    }),
  )
  return trend.items
}
