import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ConflictMessage } from '../../components/ConflictMessage'
import { familyFixture, fakeApi, json, renderPage } from '../../test/utils'
import { FamilyEditPage } from './FamilyEditPage'

describe('conflict message', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('explains the conflict and offers a reload', async () => {
    const onReload = vi.fn()
    renderPage(<ConflictMessage onReload={onReload} />)
    expect(screen.getByRole('alert')).toHaveTextContent('Iemand anders heeft dit intussen gewijzigd')
    await userEvent.click(screen.getByRole('button', { name: 'Nieuwste gegevens laden' }))
    expect(onReload).toHaveBeenCalledOnce()
  })

  it('shows the conflict on a stale save and reloads fresh data, keeping nothing stale', async () => {
    let version = 1
    const { requests } = fakeApi({
      'GET /api/v1/regions': () => json({ items: [], next_cursor: null }),
      'GET /api/v1/families/11111111-1111-4111-8111-111111111111': () =>
        json(familyFixture({ version, display_name: version === 1 ? 'Gezin Jansen' : 'Gezin Jansen-Bakker' }), {
          headers: { ETag: `"${version}"` },
        }),
      'PATCH /api/v1/families/11111111-1111-4111-8111-111111111111': () => {
        version = 2
        return json(
          { type: 'about:blank', title: 'Precondition failed', status: 412, detail: 'stale' },
          { status: 412 },
        )
      },
    })
    const route = '/families/11111111-1111-4111-8111-111111111111/edit'
    renderPage(<FamilyEditPage />, { path: '/families/:familyId/edit', route })

    const name = await screen.findByLabelText(/Naam van het gezin/)
    await userEvent.clear(name)
    await userEvent.type(name, 'Gezin Pietersen')
    await userEvent.click(screen.getByRole('button', { name: 'Opslaan' }))

    expect(await screen.findByText('Iemand anders heeft dit intussen gewijzigd')).toBeInTheDocument()
    const patch = requests.find((r) => r.method === 'PATCH')
    expect(patch?.headers.get('If-Match')).toBe('"1"')
    expect(await patch?.json()).toEqual({ display_name: 'Gezin Pietersen' })

    await userEvent.click(screen.getByRole('button', { name: 'Nieuwste gegevens laden' }))
    await waitFor(() => expect(screen.getByLabelText(/Naam van het gezin/)).toHaveValue('Gezin Jansen-Bakker'))
    expect(screen.queryByText('Iemand anders heeft dit intussen gewijzigd')).not.toBeInTheDocument()
  })
})
