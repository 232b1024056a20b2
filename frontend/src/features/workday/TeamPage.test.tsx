import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeApi, json, renderPage } from '../../test/utils'
import { TeamPage } from './TeamPage'
import type { Team, TeamMember } from './types'

function member(name: string | null, caseload: number, overrides: Partial<TeamMember> = {}): TeamMember {
  return {
    supporter_id: name ? `id-${name}` : null,
    supporter_name: name,
    caseload,
    over_norm: caseload > 15,
    families_with_debt: 0,
    goals_without_score: 0,
    overdue_actions: 0,
    measurements_due: 0,
    open_alerts: 0,
    flagged_meetings: 0,
    ...overrides,
  }
}

const page = (members: TeamMember[], next: string | null): Team => ({
  on: '2026-12-08',
  caseload_norm: 15,
  threshold_days: 90,
  members,
  next_cursor: next,
})

describe('team page', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('shows the first page of supporters and loads more with the cursor', async () => {
    const { requests } = fakeApi({
      'GET /api/v1/team': (request) =>
        new URL(request.url).searchParams.get('cursor') === 'c2'
          ? json(page([member('Bram', 3)], null))
          : json(page([member(null, 2), member('Anouk', 18, { goals_without_score: 4, open_alerts: 1 })], 'c2')),
    })
    renderPage(<TeamPage />)
    expect(await screen.findByRole('link', { name: 'Anouk' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Zonder bondgenoot' })).toBeInTheDocument()
    expect(screen.getByText('boven de norm')).toBeInTheDocument()
    expect(screen.getByText(/Wie de meeste gezinnen heeft, staat bovenaan/)).toBeInTheDocument()
    expect(screen.queryByRole('link', { name: 'Bram' })).not.toBeInTheDocument()

    await userEvent.click(screen.getByRole('button', { name: 'Meer bondgenoten laden' }))
    expect(await screen.findByRole('link', { name: 'Bram' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Meer bondgenoten laden' })).not.toBeInTheDocument()
    const names = screen.getAllByRole('rowheader').map((cell) => cell.textContent)
    expect(names).toEqual(['Zonder bondgenoot', 'Anouk', 'Bram'])
    expect(requests.some((r) => new URL(r.url).searchParams.get('cursor') === 'c2')).toBe(true)
  })

  it('says so when the organisation has no supporters yet', async () => {
    fakeApi({ 'GET /api/v1/team': () => json(page([], null)) })
    renderPage(<TeamPage />)
    expect(await screen.findByText('Nog geen bondgenoten')).toBeInTheDocument()
  })

  it('shows an error with a way to try again', async () => {
    let fail = true
    fakeApi({
      'GET /api/v1/team': () =>
        fail
          ? json({ type: 'about:blank', title: 'Error', status: 500, detail: 'boom' }, { status: 500 })
          : json(page([member('Anouk', 3)], null)),
    })
    renderPage(<TeamPage />)
    expect(await screen.findByText(/Er ging iets mis op de server/)).toBeInTheDocument()
    fail = false
    await userEvent.click(screen.getByRole('button', { name: 'Probeer opnieuw' }))
    expect(await screen.findByRole('link', { name: 'Anouk' })).toBeInTheDocument()
  })
})
