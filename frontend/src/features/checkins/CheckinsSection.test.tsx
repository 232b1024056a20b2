import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { familyFixture, fakeApi, json, renderPage } from '../../test/utils'
import { CheckinsSection } from './CheckinsSection'
import type { Checkin, CheckinAlert, CheckinLink } from './types'

const FAMILY = '11111111-1111-4111-8111-111111111111'
const MEMBER = '22222222-2222-4222-8222-222222222222'
const family = familyFixture({
  members: [
    {
      id: MEMBER,
      family_id: FAMILY,
      display_name: 'Sara',
      role: 'parent',
      birth_year: 1984,
      is_client: false,
      phone: null,
      email: null,
      version: 1,
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
    },
  ] as never,
})

const checkin = (id: string, day: number, wellbeing: number, burden: number): Checkin => ({
  id,
  family_id: FAMILY,
  member_id: MEMBER,
  member_name: 'Sara',
  wellbeing,
  care_burden: burden,
  needs: ['call_me'],
  needs_text: null,
  message: day === 20 ? 'Het is te veel.' : null,
  checked_in_at: `2026-11-${day}T10:00:00Z`,
  received_at: `2026-11-${day}T10:00:00Z`,
  alert_id: null,
})

const alert: CheckinAlert = {
  id: 'alert-1',
  family_id: FAMILY,
  family_name: 'Gezin Jansen',
  family_reference: 'GZ-0001',
  member_id: MEMBER,
  member_name: 'Sara',
  checkin_id: 'c3',
  reasons: ['high_care_burden', 'wellbeing_drop'],
  wellbeing: 3,
  care_burden: 9,
  previous_wellbeing: 7,
  checked_in_at: '2026-11-20T10:00:00Z',
  raised_at: '2026-11-20T10:00:00Z',
  acknowledged_at: null,
  acknowledged_by_id: null,
  acknowledged_by_name: null,
}

const link: CheckinLink = {
  id: 'link-1',
  family_id: FAMILY,
  member_id: MEMBER,
  member_name: 'Sara',
  status: 'active',
  expires_at: '2027-02-20T10:00:00Z',
  locked_at: null,
  revoked_at: null,
  last_used_at: null,
  created_at: '2026-11-20T10:00:00Z',
}

function api(options: { links?: CheckinLink[]; alerts?: CheckinAlert[] } = {}) {
  let alerts = options.alerts ?? [alert]
  return fakeApi({
    [`GET /api/v1/families/${FAMILY}/checkins`]: () =>
      json({ items: [checkin('c3', 20, 3, 9), checkin('c2', 13, 7, 5), checkin('c1', 6, 6, 4)], next_cursor: null }),
    'GET /api/v1/checkin-alerts': () => json({ items: alerts, next_cursor: null }),
    [`POST /api/v1/checkin-alerts/${alert.id}/acknowledge`]: () => {
      alerts = []
      return json({ ...alert, acknowledged_at: '2026-11-21T10:00:00Z' })
    },
    [`GET /api/v1/families/${FAMILY}/checkin-links`]: () => json({ items: options.links ?? [], next_cursor: null }),
    [`POST /api/v1/families/${FAMILY}/members/${MEMBER}/checkin-links`]: () =>
      json({ ...link, token: 'secret-token', code: '482913', path: '/c#secret-token' }, { status: 201 }),
    [`POST /api/v1/families/${FAMILY}/checkin-links/${link.id}/revoke`]: () => json({ ...link, status: 'revoked' }),
    'GET /api/v1/checkin-alerts/count': () => json({ open_alerts: alerts.length }),
  })
}

describe('check-ins on the family page', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('shows each member trend with the latest needs and message, and the open alert', async () => {
    const { requests } = api()
    renderPage(<CheckinsSection family={family} />)
    expect(await screen.findByRole('heading', { level: 3, name: 'Sara' })).toBeInTheDocument()
    expect(
      screen.getByRole('img', { name: /Sara: 3 check-ins\. Laatste: hoe gaat het 3, zorg zwaar 9\./ }),
    ).toBeInTheDocument()
    expect(screen.getAllByText('Het is te veel.')).toHaveLength(2) // the latest, and in the table of all
    expect(screen.getAllByText('Wil gebeld worden').length).toBeGreaterThan(0)
    expect(await screen.findByText('Zorg zwaar: 9/10')).toBeInTheDocument()
    expect(screen.getByText('Gaat minder: van 7 naar 3')).toBeInTheDocument()
    const alertsRequest = requests.find((r) => r.url.includes('/checkin-alerts?'))
    expect(new URL(alertsRequest?.url ?? '').searchParams.get('family_id')).toBe(FAMILY)
  })

  it('acknowledges an alert, which then leaves the list', async () => {
    const { requests } = api()
    renderPage(<CheckinsSection family={family} />)
    await userEvent.click(await screen.findByRole('button', { name: 'Gezien en opgepakt' }))
    expect(await screen.findByText('De melding van Sara is afgehandeld.')).toBeInTheDocument()
    await waitFor(() => expect(screen.queryByText('Zorg zwaar: 9/10')).not.toBeInTheDocument())
    expect(requests.some((r) => r.method === 'POST' && r.url.endsWith('/acknowledge'))).toBe(true)
  })

  it('shows a new link and its code once, with copy buttons and what to tell the member', async () => {
    api()
    const writeText = vi.fn(() => Promise.resolve())
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    renderPage(<CheckinsSection family={family} />)
    await userEvent.click(await screen.findByRole('button', { name: 'Maak een link' }))
    expect(await screen.findByRole('heading', { name: 'De link voor Sara is klaar' })).toBeInTheDocument()
    expect(screen.getByLabelText('Link')).toHaveValue(`${location.origin}/c#secret-token`)
    expect(screen.getByLabelText('Code')).toHaveValue('482913')
    expect(screen.getByText(/Geef de link en de code apart/)).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Kopieer code' }))
    expect(writeText).toHaveBeenCalledWith('482913')
    expect(await screen.findByText('Gekopieerd')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Klaar, verberg de code' }))
    expect(screen.queryByLabelText('Code')).not.toBeInTheDocument()
    expect(screen.queryByText('482913')).not.toBeInTheDocument()
  })

  it('lists links with their status and stops one after a confirmation', async () => {
    const { requests } = api({ links: [link, { ...link, id: 'link-0', status: 'locked' }] })
    renderPage(<CheckinsSection family={family} />)
    const table = await screen.findByRole('table', { name: '' })
    expect(within(table).getByText('Actief')).toBeInTheDocument()
    expect(within(table).getByText('Op slot')).toBeInTheDocument()
    expect(within(table).getAllByText('Nog niet')).toHaveLength(2)
    await userEvent.click(within(table).getAllByRole('button', { name: 'Stop de link van Sara' })[0] as HTMLElement)
    await userEvent.click(screen.getByRole('button', { name: 'Ja, stop de link' }))
    expect(await screen.findByText('De link van Sara is gestopt.')).toBeInTheDocument()
    expect(requests.some((r) => r.url.endsWith(`/checkin-links/${link.id}/revoke`))).toBe(true)
  })
})
