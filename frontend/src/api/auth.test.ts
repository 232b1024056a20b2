import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { authFetch, getSessionStatus, login, logout, refreshSession, resetSessionForTests } from './auth'

function token(access: string): Response {
  return new Response(JSON.stringify({ access_token: access, token_type: 'bearer', expires_in: 900 }), {
    status: 200,
    headers: { 'Content-Type': 'application/json' },
  })
}

function problem(status: number): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title: 'x', status, detail: 'nope' }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  })
}

function requestOf(call: unknown[]): Request {
  const [input, init] = call as [Request | string, RequestInit | undefined]
  return input instanceof Request ? input : new Request(new URL(input, 'http://localhost'), init)
}

describe('auth client', () => {
  const fetchMock = vi.fn<typeof fetch>()

  beforeEach(() => {
    resetSessionForTests()
    fetchMock.mockReset()
    vi.stubGlobal('fetch', fetchMock)
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    resetSessionForTests()
  })

  it('logs in with the password grant and keeps the token in memory only', async () => {
    fetchMock.mockResolvedValueOnce(token('first'))
    await login('sam@example.test', 'secret')
    const sent = requestOf(fetchMock.mock.calls[0] ?? [])
    expect(sent.method).toBe('POST')
    expect(await sent.text()).toBe('grant_type=password&username=sam%40example.test&password=secret')
    expect(getSessionStatus()).toBe('authenticated')
    expect(localStorage.length).toBe(0)
    expect(sessionStorage.length).toBe(0)
  })

  it('adds the bearer token to API calls', async () => {
    fetchMock.mockResolvedValueOnce(token('first')).mockResolvedValueOnce(new Response('{}', { status: 200 }))
    await login('sam@example.test', 'secret')
    await authFetch(new Request('http://localhost/api/v1/families'))
    expect(requestOf(fetchMock.mock.calls[1] ?? []).headers.get('Authorization')).toBe('Bearer first')
  })

  it('refreshes once after a 401 and retries the request with the new token', async () => {
    fetchMock
      .mockResolvedValueOnce(token('first'))
      .mockResolvedValueOnce(problem(401))
      .mockResolvedValueOnce(token('second'))
      .mockResolvedValueOnce(new Response('{"ok":true}', { status: 200 }))
    await login('sam@example.test', 'secret')
    const response = await authFetch(
      new Request('http://localhost/api/v1/families', { method: 'POST', body: '{"a":1}' }),
    )
    expect(response.status).toBe(200)
    const refresh = requestOf(fetchMock.mock.calls[2] ?? [])
    expect(await refresh.text()).toBe('grant_type=refresh_token')
    const retried = requestOf(fetchMock.mock.calls[3] ?? [])
    expect(retried.headers.get('Authorization')).toBe('Bearer second')
    expect(await retried.text()).toBe('{"a":1}')
  })

  it('shares one refresh between concurrent callers (refresh tokens are single use)', async () => {
    fetchMock.mockResolvedValueOnce(token('first'))
    await login('sam@example.test', 'secret')
    fetchMock.mockResolvedValue(token('second'))
    const results = await Promise.all([refreshSession(), refreshSession(), refreshSession()])
    expect(results).toEqual([true, true, true])
    expect(fetchMock).toHaveBeenCalledTimes(2)
  })

  it('marks the session expired when the refresh is refused, and does not retry again', async () => {
    fetchMock
      .mockResolvedValueOnce(token('first'))
      .mockResolvedValueOnce(problem(401))
      .mockResolvedValueOnce(problem(401))
    await login('sam@example.test', 'secret')
    const response = await authFetch(new Request('http://localhost/api/v1/families'))
    expect(response.status).toBe(401)
    expect(getSessionStatus()).toBe('expired')
    expect(fetchMock).toHaveBeenCalledTimes(3)
  })

  it('stays anonymous when there is no refresh cookie at start-up', async () => {
    fetchMock.mockResolvedValueOnce(problem(401))
    expect(await refreshSession()).toBe(false)
    expect(getSessionStatus()).toBe('anonymous')
  })

  it('logs out and forgets the token', async () => {
    fetchMock.mockResolvedValueOnce(token('first')).mockResolvedValueOnce(new Response(null, { status: 204 }))
    await login('sam@example.test', 'secret')
    await logout()
    expect(getSessionStatus()).toBe('anonymous')
    expect(requestOf(fetchMock.mock.calls[1] ?? []).url).toContain('/api/v1/auth/logout')
  })
})

describe('throttled login', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    resetSessionForTests()
  })

  it('passes Retry-After on so the login page can say how long to wait', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>().mockResolvedValue(
        new Response(JSON.stringify({ type: 'about:blank', title: 'Too many requests', status: 429, detail: 'wait' }), {
          status: 429,
          headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '120' },
        }),
      ),
    )
    await expect(login('sam@example.test', 'wrong')).rejects.toMatchObject({ status: 429, retryAfter: 120 })
    expect(getSessionStatus()).not.toBe('authenticated')
  })
})
