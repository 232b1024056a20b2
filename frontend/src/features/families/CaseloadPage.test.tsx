import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { familyFixture, fakeApi, json, renderPage } from '../../test/utils'
import { CaseloadPage } from './CaseloadPage'

const page = (names: string[], next: string | null) => ({
  items: names.map((name, index) => ({
    ...familyFixture({ display_name: name, reference: `GZ-${name}` }),
    id: `id-${name}-${index}`,
  })),
  next_cursor: next,
})

describe('caseload', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('lists families and loads more with the cursor', async () => {
    const { requests } = fakeApi({
      'GET /api/v1/regions': () => json({ items: [], next_cursor: null }),
      'GET /api/v1/families': (request) =>
        new URL(request.url).searchParams.get('cursor') === 'c2'
          ? json(page(['Bakker'], null))
          : json(page(['Jansen', 'De Vries'], 'c2')),
    })
    renderPage(<CaseloadPage />)
    expect(await screen.findByRole('link', { name: 'Jansen' })).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Meer gezinnen laden' }))
    expect(await screen.findByRole('link', { name: 'Bakker' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Meer gezinnen laden' })).not.toBeInTheDocument()
    expect(screen.getAllByText('3 gezinnen').length).toBeGreaterThan(0)
    expect(requests.some((r) => new URL(r.url).searchParams.get('cursor') === 'c2')).toBe(true)
  })

  it('says so when there are no families yet', async () => {
    fakeApi({
      'GET /api/v1/regions': () => json({ items: [], next_cursor: null }),
      'GET /api/v1/families': () => json(page([], null)),
    })
    renderPage(<CaseloadPage />)
    expect(await screen.findByText('Nog geen gezinnen')).toBeInTheDocument()
  })

  it('shows an error with a way to try again', async () => {
    let fail = true
    fakeApi({
      'GET /api/v1/regions': () => json({ items: [], next_cursor: null }),
      'GET /api/v1/families': () =>
        fail
          ? json({ type: 'about:blank', title: 'Error', status: 500, detail: 'boom' }, { status: 500 })
          : json(page(['Jansen'], null)),
    })
    renderPage(<CaseloadPage />)
    expect(await screen.findByText(/Er ging iets mis op de server/)).toBeInTheDocument()
    fail = false
    await userEvent.click(screen.getByRole('button', { name: 'Probeer opnieuw' }))
    expect(await screen.findByRole('link', { name: 'Jansen' })).toBeInTheDocument()
  })

  it('searches by name or reference', async () => {
    const { requests } = fakeApi({
      'GET /api/v1/regions': () => json({ items: [], next_cursor: null }),
      'GET /api/v1/families': () => json(page(['Jansen'], null)),
    })
    renderPage(<CaseloadPage />)
    await screen.findByRole('link', { name: 'Jansen' })
    await userEvent.type(screen.getByRole('searchbox', { name: 'Zoeken' }), 'Jans')
    await waitFor(() => expect(requests.some((r) => new URL(r.url).searchParams.get('q') === 'Jans')).toBe(true))
  })

  it('shows what asks for attention and sorts by it on the server', async () => {
    const attention = { total: 4, open_alerts: 1, goals_without_score: 1, overdue_actions: 0, questionnaires_due: 0 }
    const { requests } = fakeApi({
      'GET /api/v1/regions': () => json({ items: [], next_cursor: null }),
      'GET /api/v1/families': () =>
        json({ items: [{ ...familyFixture({ display_name: 'Jansen' }), attention }], next_cursor: null }),
    })
    renderPage(<CaseloadPage />)
    expect(await screen.findByText('4 punten van aandacht')).toBeInTheDocument()
    expect(screen.getByText('1 melding, 1 doel zonder score')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: /Aandacht/ }))
    await waitFor(() =>
      expect(requests.some((r) => new URL(r.url).searchParams.get('sort') === 'attention')).toBe(true),
    )
  })
})
