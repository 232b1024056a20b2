import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import { type Answer, isApiError, unwrap, unwrapWithResponse } from '../../api/errors'
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

/** A member or contact to add (no id) or to change (its id and the version it was read at). */
export interface PersonSave<Body> {
  id?: string
  version?: number
  body: Body
}

/**
 * Members and contacts are kept alike: a POST with an Idempotency-Key adds one, a PATCH with If-Match changes one, a
 * DELETE removes one; after any of them the family (and its ETag) is fetched again.
 */
function usePeople<Body, Saved>(
  familyId: string,
  routes: {
    add: (body: Body, headers: { 'Idempotency-Key': string }) => Answer<Saved>
    change: (id: string, body: Body, headers: { 'If-Match': string }) => Answer<Saved>
    remove: (id: string) => Answer<unknown>
  },
) {
  const queryClient = useQueryClient()
  const refresh = () => queryClient.invalidateQueries({ queryKey: familyKeys.detail(familyId) })
  const save = useMutation({
    mutationFn: ({ id, body, version }: PersonSave<Body>) =>
      unwrap(
        id === undefined || version === undefined
          ? routes.add(body, { 'Idempotency-Key': crypto.randomUUID() })
          : routes.change(id, body, { 'If-Match': etagFor(version) }),
      ),
    onSuccess: refresh,
  })
  const remove = useMutation({ mutationFn: (id: string) => unwrap(routes.remove(id)), onSuccess: refresh })
  return { save, remove }
}

export function useMembers(familyId: string) {
  const family = { family_id: familyId }
  const member = (member_id: string) => ({ path: { ...family, member_id } })
  return usePeople(familyId, {
    add: (body: MemberCreate, headers) =>
      api.POST('/api/v1/families/{family_id}/members', { params: { path: family }, headers, body }),
    change: (id, body, headers) =>
      api.PATCH('/api/v1/families/{family_id}/members/{member_id}', { params: member(id), headers, body }),
    remove: (id) => api.DELETE('/api/v1/families/{family_id}/members/{member_id}', { params: member(id) }),
  })
}

export function useContacts(familyId: string) {
  const family = { family_id: familyId }
  const contact = (contact_id: string) => ({ path: { ...family, contact_id } })
  return usePeople(familyId, {
    add: (body: ContactCreate, headers) =>
      api.POST('/api/v1/families/{family_id}/contacts', { params: { path: family }, headers, body }),
    change: (id, body, headers) =>
      api.PATCH('/api/v1/families/{family_id}/contacts/{contact_id}', { params: contact(id), headers, body }),
    remove: (id) => api.DELETE('/api/v1/families/{family_id}/contacts/{contact_id}', { params: contact(id) }),
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
