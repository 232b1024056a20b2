import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeApi, json, renderPage } from '../../test/utils'
import { ConsentCard } from './ConsentCard'
import type { Consent } from './types'

const FAMILY = '11111111-1111-4111-8111-111111111111'
const URL = `/api/v1/families/${FAMILY}/consent`
const none: Consent = {
  family_id: FAMILY,
  funder_data: false,
  research: false,
  aggregates_only: false,
  recorded_by: null,
  recorded_at: null,
  version: 0,
}
const recorded: Consent = {
  ...none,
  aggregates_only: true,
  recorded_by: 'u1',
  recorded_at: '2026-11-20T10:00:00Z',
  version: 2,
}

describe('ConsentCard', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('explains in plain words and records a first consent without If-Match', async () => {
    const { requests } = fakeApi({
      [`GET ${URL}`]: () => json(none, { headers: { ETag: '"0"' } }),
      [`PUT ${URL}`]: () => json({ ...recorded, funder_data: true, version: 1 }, { headers: { ETag: '"1"' } }),
    })
    renderPage(<ConsentCard familyId={FAMILY} />)
    expect(await screen.findByText(/Nog niet vastgelegd/)).toBeInTheDocument()
    expect(screen.getByText(/We delen nooit namen/)).toBeInTheDocument()
    const funder = screen.getByLabelText(/het zorgkantoor het verloop van de hulp ziet/)
    expect(funder).not.toBeChecked()
    expect(funder).toHaveAccessibleDescription(/Onder een code/)
    await userEvent.click(funder)
    await userEvent.click(screen.getByRole('button', { name: 'Toestemming opslaan' }))
    expect(await screen.findByText('De toestemming is opgeslagen.')).toBeInTheDocument()
    const put = requests.find((r) => r.method === 'PUT')
    expect(put?.headers.get('If-Match')).toBeNull()
    expect(await put?.json()).toEqual({ funder_data: true, research: false, aggregates_only: false })
  })

  it('sends the ETag it read when changing, and offers a reload after a conflict', async () => {
    const { requests } = fakeApi({
      [`GET ${URL}`]: () => json(recorded, { headers: { ETag: '"2"' } }),
      [`PUT ${URL}`]: () =>
        json({ type: 'about:blank', title: 'Precondition Failed', status: 412, detail: 'changed' }, { status: 412 }),
    })
    renderPage(<ConsentCard familyId={FAMILY} />)
    expect(await screen.findByLabelText(/meetelt in de totalen/)).toBeChecked()
    expect(screen.getByText(/Vastgelegd op 20-11-2026/)).toBeInTheDocument()
    await userEvent.click(screen.getByLabelText(/onderzoekers/))
    await userEvent.click(screen.getByRole('button', { name: 'Toestemming opslaan' }))
    expect(await screen.findByRole('button', { name: /opnieuw|laden|reload/i })).toBeInTheDocument()
    expect(requests.find((r) => r.method === 'PUT')?.headers.get('If-Match')).toBe('"2"')
  })

  it('is read-only for an archived family', async () => {
    fakeApi({ [`GET ${URL}`]: () => json(recorded) })
    renderPage(<ConsentCard familyId={FAMILY} readOnly />)
    expect(await screen.findByLabelText(/meetelt in de totalen/)).toBeDisabled()
    expect(screen.queryByRole('button', { name: 'Toestemming opslaan' })).not.toBeInTheDocument()
  })
})
