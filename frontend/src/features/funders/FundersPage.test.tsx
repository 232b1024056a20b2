import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeApi, json, renderPage, supporter } from '../../test/utils'
import { FundersPage } from './FundersPage'
import type { Delivery, FunderClient } from './types'

const admin = { ...supporter, role: 'admin' as const, full_name: 'Anna Admin' }
const REGION = { id: '22222222-2222-4222-8222-222222222222', name: 'Tilburg', funder_name: 'CZ' }
const client: FunderClient = {
  id: '33333333-3333-4333-8333-333333333333',
  client_id: 'bgc_abc123',
  name: 'CZ datawarehouse',
  funder_name: 'CZ',
  region_ids: [REGION.id],
  scopes: ['outcomes:read'],
  secret_rotated_at: '2026-11-01T10:00:00Z',
  revoked_at: null,
  last_used_at: null,
  created_at: '2026-11-01T10:00:00Z',
}
const delivery: Delivery = {
  id: '44444444-4444-4444-8444-444444444444',
  webhook_id: 'msg_44',
  client_id: client.client_id,
  endpoint_url: 'https://hooks.cz.example/bondgenoot',
  event_type: 'plan.adopted',
  status: 'pending',
  attempts: 2,
  next_attempt_at: '2026-11-24T10:05:00Z',
  delivered_at: null,
  last_status_code: 503,
  last_error: null,
  created_at: '2026-11-24T10:00:00Z',
}

function api(clients: FunderClient[] = []) {
  return fakeApi({
    'GET /api/v1/funder/clients': () => json({ items: clients, next_cursor: null }),
    'GET /api/v1/regions': () => json({ items: [REGION], next_cursor: null }),
    'GET /api/v1/funder/deliveries': () => json({ items: clients.length ? [delivery] : [], next_cursor: null }),
    'POST /api/v1/funder/clients': () => json({ ...client, client_secret: 'first-secret' }, { status: 201 }),
    [`POST /api/v1/funder/clients/${client.id}/rotate-secret`]: () =>
      json({ ...client, client_secret: 'second-secret' }),
    [`GET /api/v1/funder/clients/${client.id}/webhooks`]: () =>
      json({
        items: [
          {
            id: 'h1',
            url: delivery.endpoint_url,
            event_types: ['plan.adopted'],
            description: null,
            disabled_at: null,
            created_at: client.created_at,
          },
        ],
        next_cursor: null,
      }),
  })
}

describe('FundersPage', { timeout: 20_000 }, () => {
  afterEach(() => vi.unstubAllGlobals())

  it('registers a client and shows its secret once, with a warning and a copy button', async () => {
    const { requests } = api()
    const writeText = vi.fn(() => Promise.resolve())
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    renderPage(<FundersPage />, { me: admin })
    await userEvent.click(await screen.findByRole('button', { name: 'Koppeling aanmaken' }))
    expect(screen.getByRole('alert')).toHaveTextContent('Kies minstens één regio.')
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0)

    await userEvent.type(screen.getByLabelText(/Naam van de koppeling/), 'CZ datawarehouse')
    await userEvent.click(screen.getByLabelText(/Tilburg/))
    expect(screen.getByLabelText(/^Financier/)).toHaveValue('CZ') // suggested by the region
    await userEvent.click(screen.getByLabelText(/Trajecten zonder namen/))
    await userEvent.click(screen.getByRole('button', { name: 'Koppeling aanmaken' }))

    const shown = await screen.findByRole('region', { name: /Koppeling aangemaakt/ })
    expect(shown).toHaveTextContent('Je ziet het maar één keer')
    expect(within(shown).getByLabelText('Geheim (client_secret)')).toHaveValue('first-secret')
    const post = requests.find((r) => r.method === 'POST')
    expect(await post?.json()).toEqual({
      name: 'CZ datawarehouse',
      funder_name: 'CZ',
      region_ids: [REGION.id],
      scopes: ['outcomes:read', 'trajectories:read'],
    })
    await userEvent.click(within(shown).getByRole('button', { name: /Kopieer.*Geheim/ }))
    expect(writeText).toHaveBeenCalledWith('first-secret')
    expect(within(shown).getByText('Gekopieerd')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Ik heb het geheim veilig bewaard' }))
    expect(screen.queryByDisplayValue('first-secret')).not.toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'Koppelingen' })).toHaveFocus()
  })

  it('rotates after a confirmation and shows the new secret; lists webhooks and deliveries', async () => {
    api([client])
    renderPage(<FundersPage />, { me: admin })
    const card = await screen.findByRole('listitem', { name: /CZ datawarehouse/ })
    expect(card).toHaveTextContent('Nog nooit')
    await userEvent.click(within(card).getByRole('button', { name: /Nieuw geheim/ }))
    expect(card).toHaveTextContent('Het oude geheim werkt daarna direct niet meer')
    await userEvent.click(within(card).getByRole('button', { name: 'Ja, maak een nieuw geheim' }))
    const shown = await screen.findByRole('region', { name: /Nieuw geheim gemaakt/ })
    expect(within(shown).getByLabelText('Geheim (client_secret)')).toHaveValue('second-secret')

    await userEvent.click(within(card).getByRole('button', { name: /Webhooks tonen/ }))
    expect(await within(card).findByText(delivery.endpoint_url)).toBeInTheDocument()
    expect(card).toHaveTextContent('Plan vastgesteld')

    const table = screen.getByRole('table', { name: /Verstuurde webhooks/ })
    const row = within(table).getAllByRole('row')[1] as HTMLElement
    expect(row).toHaveTextContent('Wacht')
    expect(row).toHaveTextContent('HTTP 503')
    expect(row).toHaveTextContent('CZ datawarehouse')
  })
})
