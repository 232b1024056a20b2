import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { vi } from 'vitest'
import { fakeApi, json, renderPage } from '../../test/utils'
import { FamilyNewPage } from './FamilyNewPage'

describe('new family form', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('asks for the name before sending anything', async () => {
    const { requests } = fakeApi({ 'GET /api/v1/regions': () => json({ items: [], next_cursor: null }) })
    renderPage(<FamilyNewPage />, { path: '/families/new', route: '/families/new' })
    await userEvent.click(screen.getByRole('button', { name: 'Gezin toevoegen' }))
    expect(screen.getByLabelText(/Naam van het gezin/)).toHaveAccessibleDescription(/Vul dit in\./)
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0)
  })

  it("shows the API's validation errors at the right field, in plain Dutch", async () => {
    const { requests } = fakeApi({
      'GET /api/v1/regions': () => json({ items: [], next_cursor: null }),
      'POST /api/v1/families': () =>
        json(
          {
            type: 'about:blank',
            title: 'Unprocessable Content',
            status: 422,
            detail: 'Validation failed',
            errors: [
              {
                field: 'reference',
                message: "String should match pattern '^[A-Za-z0-9]'",
                type: 'string_pattern_mismatch',
              },
            ],
          },
          { status: 422 },
        ),
    })
    renderPage(<FamilyNewPage />, { path: '/families/new', route: '/families/new' })
    await userEvent.type(screen.getByLabelText(/Naam van het gezin/), 'Gezin de Vries')
    await userEvent.type(screen.getByLabelText(/Referentie/), '??')
    await userEvent.click(screen.getByRole('button', { name: 'Gezin toevoegen' }))

    const reference = screen.getByLabelText(/Referentie/)
    await waitFor(() => expect(reference).toHaveAttribute('aria-invalid', 'true'))
    expect(reference).toHaveAccessibleDescription(/Gebruik 2 tot 40 letters/)
    expect(screen.getByLabelText(/Naam van het gezin/)).not.toHaveAttribute('aria-invalid')
    expect(screen.getByRole('alert')).toHaveTextContent('Controleer wat je hebt ingevuld')

    const post = requests.find((r) => r.method === 'POST')
    expect(post?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/)
    expect(await post?.json()).toMatchObject({ display_name: 'Gezin de Vries', reference: '??' })
  })

  it('sends the same idempotency key when the same data is sent twice', async () => {
    const { requests } = fakeApi({
      'GET /api/v1/regions': () => json({ items: [], next_cursor: null }),
      'POST /api/v1/families': () =>
        json({ type: 'about:blank', title: 'Error', status: 500, detail: 'boom' }, { status: 500 }),
    })
    renderPage(<FamilyNewPage />, { path: '/families/new', route: '/families/new' })
    await userEvent.type(screen.getByLabelText(/Naam van het gezin/), 'Gezin de Vries')
    await userEvent.click(screen.getByRole('button', { name: 'Gezin toevoegen' }))
    await screen.findByText(/Er ging iets mis op de server/)
    await userEvent.click(screen.getByRole('button', { name: 'Gezin toevoegen' }))
    await waitFor(() => expect(requests.filter((r) => r.method === 'POST')).toHaveLength(2))
    const [first, second] = requests.filter((r) => r.method === 'POST')
    expect(first?.headers.get('Idempotency-Key')).toBe(second?.headers.get('Idempotency-Key'))
  })
})
