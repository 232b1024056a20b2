import { render, screen } from '@testing-library/react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { isChunkError, page, reloadOnceForChunk, RouteError } from './RouteError'

const chunkError = new TypeError('Failed to fetch dynamically imported module: /assets/PlanPage-abc123.js')

function setOnline(online: boolean) {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(online)
}

function renderFailingRoute(error: unknown) {
  const router = createMemoryRouter([
    {
      path: '/',
      errorElement: <RouteError standalone />,
      loader: () => {
        throw error
      },
      element: <p>never</p>,
    },
  ])
  return render(<RouterProvider router={router} />)
}

describe('RouteError', () => {
  let reload: ReturnType<typeof vi.spyOn>
  beforeEach(() => {
    sessionStorage.clear()
    reload = vi.spyOn(page, 'reload').mockImplementation(() => undefined)
  })
  afterEach(() => vi.restoreAllMocks())

  it('knows a missing chunk from other errors', () => {
    expect(isChunkError(chunkError)).toBe(true)
    expect(isChunkError(new Error('Importing a module script failed.'))).toBe(true)
    expect(isChunkError(new Error('Cannot read properties of undefined'))).toBe(false)
  })

  it('reloads once for a chunk that is gone after a deploy, not again within a minute', () => {
    setOnline(true)
    expect(reloadOnceForChunk(chunkError)).toBe(true)
    expect(reloadOnceForChunk(chunkError)).toBe(false)
    expect(reload).toHaveBeenCalledTimes(1)
    expect(reloadOnceForChunk(new Error('other'))).toBe(false)
  })

  it('shows a Dutch page with "opnieuw laden" for any other error', async () => {
    setOnline(true)
    renderFailingRoute(new Error('boom'))
    expect(await screen.findByRole('heading', { name: 'Deze pagina lukte niet' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Opnieuw laden' })).toBeInTheDocument()
    expect(reload).not.toHaveBeenCalled()
  })

  it('offline: says so in Dutch instead of reloading into the browser’s offline page, and reloads when the network is back', async () => {
    setOnline(false)
    renderFailingRoute(chunkError)
    expect(await screen.findByRole('heading', { name: 'Geen verbinding' })).toBeInTheDocument()
    expect(screen.getByText(/Zodra de verbinding terug is, laden we de pagina vanzelf opnieuw/)).toBeInTheDocument()
    expect(reload).not.toHaveBeenCalled()

    setOnline(true)
    window.dispatchEvent(new Event('online'))
    expect(reload).toHaveBeenCalledTimes(1)
  })
})
