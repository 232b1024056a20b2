import type { Problem } from './types'

/** A failed API call, carrying the problem+json body when the server sent one. */
export class ApiError extends Error {
  readonly status: number
  readonly problem: Problem | null
  /** Seconds to wait, from Retry-After on a 429. */
  readonly retryAfter: number | null

  constructor(status: number, problem: Problem | null, retryAfter: number | null = null) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`)
    this.name = 'ApiError'
    this.status = status
    this.problem = problem
    this.retryAfter = retryAfter
  }
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'status' in value && 'title' in value
}

/** Turns an openapi-fetch result into its data, or throws an ApiError. */
/** What an openapi-fetch call gives back: the parsed body or error, and the response. */
export type Answer<T> = Promise<{ data?: T; error?: unknown; response: Response }>

export async function unwrap<T>(result: Answer<T>): Promise<T> {
  const { data, error, response } = await result
  if (!response.ok) throw new ApiError(response.status, isProblem(error) ? error : null)
  return data as T
}

/** Like unwrap, but also returns the response so callers can read headers such as ETag. */
export async function unwrapWithResponse<T>(result: Answer<T>): Promise<{ data: T; response: Response }> {
  const { data, error, response } = await result
  if (!response.ok) throw new ApiError(response.status, isProblem(error) ? error : null)
  return { data: data as T, response }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status)
}

/**
 * The API's field errors by form field name, with pydantic's error type kept so the UI can say it in plain Dutch.
 * "body.members.0.email" and "members.0.email" both become "members.0.email".
 */
export function fieldErrors(error: unknown): Record<string, { message: string; type: string }> {
  if (!(error instanceof ApiError) || !error.problem?.errors) return {}
  const out: Record<string, { message: string; type: string }> = {}
  for (const { field, message, type } of error.problem.errors) {
    const name = field.replace(/^body\./, '')
    out[name] ??= { message, type }
  }
  return out
}

/**
 * The API writes details as "Nederlandse zin / English sentence." Show the half in the user's language.
 */
export function localDetail(detail: string, language: string): string {
  const parts = detail.split(' / ')
  if (parts.length !== 2) return detail
  const [dutch = detail, english = detail] = parts
  if (language.startsWith('en')) return english.charAt(0).toUpperCase() + english.slice(1)
  return /[.!?]$/.test(dutch) ? dutch : `${dutch}.`
}
