import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import { isApiError, unwrap, unwrapWithResponse } from '../../api/errors'
import type {
  ContactCreate,
  FamilyCreate,
  FamilyDetail,
  FamilyListQuery,
  FamilyUpdate,
  MemberCreate,
} from '../../api/types'

export type FamilyFilters = Omit<FamilyListQuery, 'cursor' | 'limit'>
const PAGE_SIZE = 25

export const familyKeys = {
  all: ['families'] as const,
  list: (filters: FamilyFilters) => ['families', 'list', filters] as const,
  detail: (id: string) => ['families', 'detail', id] as const,
  accessLog: (id: string) => ['families', 'access-log', id] as const,
}

/** The server's ETag for a family or member/contact at a given version (used when a list gave no header). */
export function etagFor(version: number): string {
  return `"${version}"`
}

/** Not-found and forbidden answers are final; only network trouble and server errors are retried. */
export function retryUnlessClientError(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status < 500) return false
  return failureCount < 2
}

export function useFamilies(filters: FamilyFilters) {
  return useInfiniteQuery({
    queryKey: familyKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/families', {
          params: { query: { ...filters, limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
    placeholderData: keepPreviousData,
  })
}

export interface LoadedFamily {
  family: FamilyDetail
  etag: string
}

export function useFamily(id: string) {
  return useQuery({
    queryKey: familyKeys.detail(id),
    queryFn: async ({ signal }): Promise<LoadedFamily> => {
      const { data, response } = await unwrapWithResponse(
        api.GET('/api/v1/families/{family_id}', { params: { path: { family_id: id } }, signal }),
      )
      return { family: data, etag: response.headers.get('ETag') ?? etagFor(data.version) }
    },
  })
}

export function useCreateFamily() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: FamilyCreate; idempotencyKey: string }) =>
      unwrap(api.POST('/api/v1/families', { body, headers: { 'Idempotency-Key': idempotencyKey } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['families', 'list'] }),
  })
}

export function useUpdateFamily(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async ({ body, etag }: { body: FamilyUpdate; etag: string }): Promise<LoadedFamily> => {
      const { data, response } = await unwrapWithResponse(
        api.PATCH('/api/v1/families/{family_id}', {
          params: { path: { family_id: id } },
          headers: { 'If-Match': etag },
          body,
        }),
      )
      return { family: data, etag: response.headers.get('ETag') ?? etagFor(data.version) }
    },
    onSuccess: (loaded) => {
      queryClient.setQueryData(familyKeys.detail(id), loaded)
      void queryClient.invalidateQueries({ queryKey: ['families', 'list'] })
      void queryClient.invalidateQueries({ queryKey: familyKeys.accessLog(id) })
    },
  })
}

export function useArchiveFamily(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/families/{family_id}/archive', { params: { path: { family_id: id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: familyKeys.all }),
  })
}

/** After any change to members or contacts the family (and its ETag) is fetched again. */
function useRefreshFamily(id: string) {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: familyKeys.detail(id) })
}

export function useSaveMember(familyId: string) {
  const refresh = useRefreshFamily(familyId)
  return useMutation({
    mutationFn: ({ memberId, body, version }: { memberId?: string; body: MemberCreate; version?: number }) =>
      memberId === undefined || version === undefined
        ? unwrap(
            api.POST('/api/v1/families/{family_id}/members', {
              params: { path: { family_id: familyId } },
              headers: { 'Idempotency-Key': crypto.randomUUID() },
              body,
            }),
          )
        : unwrap(
            api.PATCH('/api/v1/families/{family_id}/members/{member_id}', {
              params: { path: { family_id: familyId, member_id: memberId } },
              headers: { 'If-Match': etagFor(version) },
              body,
            }),
          ),
    onSuccess: refresh,
  })
}

export function useDeleteMember(familyId: string) {
  const refresh = useRefreshFamily(familyId)
  return useMutation({
    mutationFn: (memberId: string) =>
      unwrap(
        api.DELETE('/api/v1/families/{family_id}/members/{member_id}', {
          params: { path: { family_id: familyId, member_id: memberId } },
        }),
      ),
    onSuccess: refresh,
  })
}

export function useSaveContact(familyId: string) {
  const refresh = useRefreshFamily(familyId)
  return useMutation({
    mutationFn: ({ contactId, body, version }: { contactId?: string; body: ContactCreate; version?: number }) =>
      contactId === undefined || version === undefined
        ? unwrap(
            api.POST('/api/v1/families/{family_id}/contacts', {
              params: { path: { family_id: familyId } },
              headers: { 'Idempotency-Key': crypto.randomUUID() },
              body,
            }),
          )
        : unwrap(
            api.PATCH('/api/v1/families/{family_id}/contacts/{contact_id}', {
              params: { path: { family_id: familyId, contact_id: contactId } },
              headers: { 'If-Match': etagFor(version) },
              body,
            }),
          ),
    onSuccess: refresh,
  })
}

export function useDeleteContact(familyId: string) {
  const refresh = useRefreshFamily(familyId)
  return useMutation({
    mutationFn: (contactId: string) =>
      unwrap(
        api.DELETE('/api/v1/families/{family_id}/contacts/{contact_id}', {
          params: { path: { family_id: familyId, contact_id: contactId } },
        }),
      ),
    onSuccess: refresh,
  })
}

export function useAccessLog(id: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: familyKeys.accessLog(id),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/families/{family_id}/access-log', {
          params: { path: { family_id: id }, query: { limit: 20, ...(pageParam ? { cursor: pageParam } : {}) } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
    enabled,
  })
}
