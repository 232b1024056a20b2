import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { json } from '../test/utils'
import { CheckinPage } from './CheckinPage'
import { pending } from './queue'

type Handler = (request: Request) => Response | Promise<Response>

function mockApi(handler: Handler) {
  const calls: Request[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn((request: Request) => {
      // The member's questionnaires are asked beside the check-in (none here; see features/checkins/phone).
      if (request.url.endsWith('/api/v1/checkin/questionnaires')) return Promise.resolve(json({ items: [] }))
      calls.push(request.clone())
      return Promise.resolve(handler(request))
    }),
  )
  return calls
}

const opened = {
  session_token: 'session-1',
  token_type: 'bearer',
  expires_in: 7200,
  member_first_name: 'Sara',
  supporter_first_name: 'Fatima',
  last_checkin_at: null,
}

async function enterCode(code = '123456') {
  const input = screen.getByLabelText(/Je code \(6 cijfers\)/)
  await userEvent.clear(input)
  await userEvent.type(input, code)
  await userEvent.click(screen.getByRole('button', { name: 'Verder' }))
}

async function fillAndSend() {
  await userEvent.click(
    screen.getByRole('group', { name: 'Hoe gaat het met je?' }).querySelector('input[value="6"]') as HTMLElement,
  )
  await userEvent.click(
    screen.getByRole('group', { name: 'Hoe zwaar is de zorg nu?' }).querySelector('input[value="8"]') as HTMLElement,
  )
  await userEvent.click(screen.getByRole('checkbox', { name: 'Bel me' }))
  await userEvent.type(screen.getByLabelText(/Bericht voor Fatima/), 'Zwaar weekje')
  await userEvent.click(screen.getByRole('button', { name: 'Versturen' }))
}

describe('check-in page', () => {
  beforeEach(() => {
    localStorage.clear()
    sessionStorage.clear()
    history.replaceState(null, '', '/c#link-token-abc')
  })
  afterEach(() => vi.unstubAllGlobals())

  it('takes the token from the fragment, clears the address bar and sends it only in a header', async () => {
    const calls = mockApi(() => json(opened))
    render(<CheckinPage />)
    expect(location.hash).toBe('')
    expect(sessionStorage.getItem('bondgenoot.checkin.link')).toBe('link-token-abc')
    await enterCode('123 456')
    await screen.findByRole('heading', { level: 1, name: 'Hoi Sara!' })
    const request = calls[0]
    expect(request?.url).not.toContain('link-token-abc')
    expect(request?.headers.get('Authorization')).toBe('CheckinLink link-token-abc')
    expect(await request?.json()).toEqual({ code: '123456' })
  })

  it('says how many tries are left after a wrong code, and when the link is locked', async () => {
    let tries = 0
    mockApi(() => {
      tries += 1
      return tries === 1
        ? json(
            { type: 'about:blank', title: 'Unauthorized', status: 401, reason: 'wrong_code', attempts_left: 2 },
            { status: 401 },
          )
        : json({ type: 'about:blank', title: 'Locked', status: 423, reason: 'locked' }, { status: 423 })
    })
    render(<CheckinPage />)
    await enterCode()
    expect(await screen.findByText('Deze code klopt niet. Je kunt het nog 2 keer proberen.')).toBeVisible()
    await enterCode()
    expect(await screen.findByText(/Deze link is nu op slot/)).toBeVisible()
  })

  it('explains a link that stopped working and a rate limit with its wait', async () => {
    let first = true
    mockApi(() => {
      const answer = first
        ? json(
            { type: 'about:blank', title: 'Too Many Requests', status: 429, reason: 'rate_limited' },
            { status: 429, headers: { 'Retry-After': '150' } },
          )
        : json({ type: 'about:blank', title: 'Not Found', status: 404, reason: 'link_unusable' }, { status: 404 })
      first = false
      return answer
    })
    render(<CheckinPage />)
    await enterCode()
    expect(await screen.findByText('Even rustig aan. Probeer het over 3 minuten opnieuw.')).toBeVisible()
    await enterCode()
    expect(await screen.findByText(/Deze link werkt niet meer/)).toBeVisible()
  })

  it('asks for both numbers before sending', async () => {
    mockApi(() => json(opened))
    render(<CheckinPage />)
    await enterCode()
    await screen.findByRole('heading', { level: 1, name: 'Hoi Sara!' })
    await userEvent.click(screen.getByRole('button', { name: 'Versturen' }))
    expect(screen.getByText('Je bent nog iets vergeten:')).toBeVisible()
    expect(screen.getAllByText('Kies een cijfer.')).toHaveLength(2)
  })

  it('sends the check-in with an Idempotency-Key and shows the trend', async () => {
    const calls = mockApi((request) => {
      const path = new URL(request.url).pathname
      if (path.endsWith('/session')) return json(opened)
      if (request.method === 'POST')
        return json(
          { id: 'c1', checked_in_at: '2026-11-24T21:00:00Z', received_at: '2026-11-24T21:00:00Z' },
          { status: 201 },
        )
      return json({
        items: [
          { checked_in_at: '2026-11-10T20:00:00Z', wellbeing: 7, care_burden: 5 },
          { checked_in_at: '2026-11-24T21:00:00Z', wellbeing: 6, care_burden: 8 },
        ],
      })
    })
    render(<CheckinPage />)
    await enterCode()
    await screen.findByRole('heading', { level: 1, name: 'Hoi Sara!' })
    await fillAndSend()
    await screen.findByRole('heading', { level: 1, name: 'Dank je wel!' })
    expect(await screen.findByRole('table')).toBeVisible()
    expect(screen.getAllByRole('row')).toHaveLength(3)
    const post = calls.find((c) => c.method === 'POST' && c.url.endsWith('/checkin/checkins'))
    expect(post?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/)
    expect(post?.headers.get('Authorization')).toBe('Bearer session-1')
    expect(await post?.json()).toMatchObject({
      wellbeing: 6,
      care_burden: 8,
      needs: ['call_me'],
      message: 'Zwaar weekje',
    })
    expect(pending()).toEqual([])
  })

  it('keeps the check-in on the phone without a connection, and sends it with the same key when it returns', async () => {
    let online = false
    const calls = mockApi((request) => {
      const path = new URL(request.url).pathname
      if (path.endsWith('/session')) return json(opened)
      if (!online) throw new TypeError('Failed to fetch')
      if (request.method === 'POST')
        return json(
          { id: 'c1', checked_in_at: '2026-11-24T21:00:00Z', received_at: '2026-11-24T21:00:00Z' },
          { status: 201 },
        )
      return json({ items: [] })
    })
    render(<CheckinPage />)
    await enterCode()
    await screen.findByRole('heading', { level: 1, name: 'Hoi Sara!' })
    await fillAndSend()
    expect(await screen.findByText('Bewaard op je telefoon, wordt verstuurd zodra er weer internet is.')).toBeVisible()
    const [kept] = pending()
    expect(kept?.key).toMatch(/^[0-9a-f-]{36}$/)

    online = true
    window.dispatchEvent(new Event('online'))
    await screen.findByRole('heading', { level: 1, name: 'Dank je wel!' })
    const posts = calls.filter((c) => c.method === 'POST' && c.url.endsWith('/checkin/checkins'))
    expect(posts.map((p) => p.headers.get('Idempotency-Key'))).toEqual([kept?.key, kept?.key])
    await waitFor(() => expect(pending()).toEqual([]))
  })
})
