import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeApi, familyFixture, json, renderPage } from '../../test/utils'
import { ExportButton } from './ExportButton'

const FAMILY = '11111111-1111-4111-8111-111111111111'
const URL_PATH = `/api/v1/families/${FAMILY}/export`

describe('ExportButton', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })

  it('fetches the export and offers it as a file named by reference and date', async () => {
    const { requests } = fakeApi({
      [`GET ${URL_PATH}`]: () => json({ family: familyFixture(), exported_at: '2026-11-24T05:00:00Z', meetings: [] }),
    })
    const createObjectURL = vi.fn<(blob: Blob) => string>(() => 'blob:export')
    // jsdom has no object URLs: a URL class of our own, restored by unstubAllGlobals
    class FakeURL extends URL {
      static override createObjectURL = createObjectURL
      static override revokeObjectURL = vi.fn()
    }
    vi.stubGlobal('URL', FakeURL)
    const names: string[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download)
    })
    renderPage(<ExportButton familyId={FAMILY} reference="GZ-0001" />)
    expect(screen.getByText(/wat er over hen is opgeslagen/)).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Alle gegevens downloaden' }))
    expect(await screen.findByText('Het bestand is gedownload.')).toBeInTheDocument()
    expect(names).toEqual(['bondgenoot-GZ-0001-2026-11-24.json'])
    expect(requests).toHaveLength(1)
    expect(requests[0]?.url).not.toContain('token')
    const blob = createObjectURL.mock.calls[0]?.[0]
    expect(blob?.type).toBe('application/json')
    expect(blob?.size).toBeGreaterThan(0)
  })

  it('shows an error when the export fails', async () => {
    fakeApi({
      [`GET ${URL_PATH}`]: () =>
        json({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'not found' }, { status: 404 }),
    })
    renderPage(<ExportButton familyId={FAMILY} reference="GZ-0001" />)
    await userEvent.click(screen.getByRole('button', { name: 'Alle gegevens downloaden' }))
    expect(await screen.findByRole('alert')).toBeInTheDocument()
    expect(screen.queryByText('Het bestand is gedownload.')).not.toBeInTheDocument()
  })
})
