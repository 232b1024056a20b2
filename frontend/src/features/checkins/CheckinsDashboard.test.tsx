import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeApi, json, renderPage } from '../../test/utils'
import { CheckinsDashboard } from './CheckinsDashboard'

const alert = {
  id: 'alert-1',
  family_id: 'fam-1',
  family_name: 'Gezin De Vries',
  family_reference: 'DEMO-001',
  member_id: 'm-1',
  member_name: 'Sandra',
  checkin_id: 'c-1',
  reasons: ['asked_for_call'],
  wellbeing: 4,
  care_burden: 6,
  previous_wellbeing: null,
  checked_in_at: '2026-11-20T10:00:00Z',
  raised_at: '2026-11-20T10:00:00Z',
  acknowledged_at: null,
  acknowledged_by_id: null,
  acknowledged_by_name: null,
}

describe('check-in dashboard', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('keeps open alerts until acknowledged and lists each family latest check-in', async () => {
    let open = [alert]
    const { requests } = fakeApi({
      'GET /api/v1/checkin-alerts': () => json({ items: open, next_cursor: null }),
      'POST /api/v1/checkin-alerts/alert-1/acknowledge': () => {
        open = []
        return json({ ...alert, acknowledged_at: '2026-11-21T09:00:00Z' })
      },
      'GET /api/v1/checkin-summary': () =>
        json({
          open_alerts: open.length,
          families: [
            {
              family_id: 'fam-1',
              family_name: 'Gezin De Vries',
              family_reference: 'DEMO-001',
              last_checkin_at: '2026-11-20T10:00:00Z',
              last_wellbeing: 4,
              last_care_burden: 6,
              checkins_last_28_days: 3,
              open_alerts: open.length,
            },
          ],
        }),
      'GET /api/v1/checkin-alerts/count': () => json({ open_alerts: open.length }),
    })
    renderPage(<CheckinsDashboard />)
    expect(await screen.findByText('Vraagt om te bellen')).toBeInTheDocument()
    expect(screen.getAllByRole('link', { name: /Gezin De Vries/ })[0]).toHaveAttribute('href', '/families/fam-1')
    expect(await screen.findByRole('cell', { name: '3' })).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Gezien en opgepakt' }))
    expect(await screen.findByText('De melding van Sandra is afgehandeld.')).toBeInTheDocument()
    await waitFor(() => expect(screen.getByText('Geen open meldingen.')).toBeInTheDocument())
    expect(requests.filter((r) => new URL(r.url).pathname === '/api/v1/checkin-alerts').length).toBe(2)
  })
})
