import { QueryClient } from '@tanstack/react-query'
import { retryUnlessClientError } from '../features/families/queries'

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: retryUnlessClientError, staleTime: 30_000 },
      mutations: { retry: false },
    },
  })
}
