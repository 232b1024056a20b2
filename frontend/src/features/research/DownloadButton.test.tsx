import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeApi, renderPage, supporter } from '../../test/utils'
import { DownloadButton } from './DownloadButton'

const PROJECT = '22222222-2222-4222-8222-222222222222'
const researcher = { ...supporter, role: 'researcher' as const }

/** A ZIP answer that arrives in two chunks, the second only when the test lets it go. */
function streamed(release: Promise<void>): Response {
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(new Uint8Array(3 * 1024))
      await release
      controller.enqueue(new Uint8Array(2 * 1024))
      controller.close()
    },
  })
  return new Response(body, { headers: { 'Content-Type': 'application/zip' } })
}

describe('DownloadButton', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('shows the bytes received while the dataset streams, then saves the file', async () => {
    let release = () => {}
    const gate = new Promise<void>((resolve) => (release = resolve))
    fakeApi({ [`GET /api/v1/research/projects/${PROJECT}/dataset`]: () => streamed(gate) })
    const createObjectURL = vi.fn(() => 'blob:dataset')
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }))
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    renderPage(<DownloadButton projectId={PROJECT} />, { me: researcher })

    await userEvent.click(screen.getByRole('button', { name: 'Dataset downloaden' }))
    expect(await screen.findByText('Bezig: 3 kB ontvangen…')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Dataset downloaden' })).toBeDisabled()
    release()
    expect(await screen.findByText('Klaar: 5 kB opgeslagen.')).toBeInTheDocument()
    expect(click).toHaveBeenCalledOnce()
    expect(createObjectURL).toHaveBeenCalledOnce()
  })

  it('explains a refused download in words', async () => {
    fakeApi({
      [`GET /api/v1/research/projects/${PROJECT}/dataset`]: () =>
        new Response(
          JSON.stringify({
            type: 'about:blank',
            title: 'Not found',
            status: 404,
            code: 'research_project_not_found',
            detail: 'x',
          }),
          { status: 404, headers: { 'Content-Type': 'application/problem+json' } },
        ),
    })
    renderPage(<DownloadButton projectId={PROJECT} />, { me: researcher })
    await userEvent.click(screen.getByRole('button', { name: 'Dataset downloaden' }))
    expect(await screen.findByText(/Dit onderzoeksproject bestaat niet/)).toBeInTheDocument()
  })
})
