import { onlineManager, QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { OfflineBanner } from './OfflineBanner'

describe('OfflineBanner', () => {
  afterEach(() => act(() => onlineManager.setOnline(true)))

  it('says in Dutch that the connection is gone, offers a retry, and says when it is back', async () => {
    const client = new QueryClient()
    const refetch = vi.spyOn(client, 'refetchQueries').mockResolvedValue(undefined)
    render(
      <QueryClientProvider client={client}>
        <OfflineBanner />
      </QueryClientProvider>,
    )
    expect(screen.queryByRole('status')).not.toBeInTheDocument()

    act(() => onlineManager.setOnline(false))
    expect(screen.getByRole('status')).toHaveTextContent('Geen verbinding')
    expect(screen.getByRole('status')).toHaveTextContent('Wat je invult blijft staan')
    await userEvent.click(screen.getByRole('button', { name: 'Opnieuw proberen' }))
    expect(refetch).toHaveBeenCalledWith({ type: 'active' })

    act(() => onlineManager.setOnline(true))
    expect(screen.getByRole('status')).toHaveTextContent('De verbinding is terug.')
  })
})
