import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import { unwrap } from '../../api/errors'
import type { RegionCreate, Role, UserCreate } from '../../api/types'

export const adminKeys = {
  regions: ['regions'] as const,
  users: (role: Role | null) => ['users', role] as const,
}

/** Regions are few; the API answers them in one page. */
export function useRegions() {
  return useQuery({
    queryKey: adminKeys.regions,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/regions', { signal })),
    staleTime: 5 * 60_000,
  })
}

export function useUsers(role: Role | null, enabled = true) {
  return useInfiniteQuery({
    queryKey: adminKeys.users(role),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/users', {
          params: { query: { limit: 50, ...(role ? { role } : {}), ...(pageParam ? { cursor: pageParam } : {}) } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
    enabled,
    staleTime: 60_000,
  })
}

export function useCreateUser() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: UserCreate) => unwrap(api.POST('/api/v1/users', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  })
}

export function useSaveRegion() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, version, body }: { id?: string; version?: number; body: RegionCreate }) =>
      id
        ? unwrap(
            api.PATCH('/api/v1/regions/{region_id}', {
              params: { path: { region_id: id }, header: { 'If-Match': `"${String(version)}"` } },
              body,
            }),
          )
        : unwrap(api.POST('/api/v1/regions', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.regions }),
  })
}
