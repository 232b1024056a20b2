import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import { unwrap, unwrapWithResponse } from '../../api/errors'
import { etagFor, familyKeys } from '../families/queries'
import type { Consent, ConsentUpdate, FunderClientCreate } from './types'

export const funderKeys = {
  clients: ['funder', 'clients'] as const,
  webhooks: (clientId: string) => ['funder', 'webhooks', clientId] as const,
  deliveries: ['funder', 'deliveries'] as const,
  consent: (familyId: string) => ['families', 'consent', familyId] as const,
}

const PAGE_SIZE = 50

export function useFunderClients() {
  return useInfiniteQuery({
    queryKey: funderKeys.clients,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/funder/clients', {
          params: { query: { limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
  })
}

export function useCreateFunderClient() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: FunderClientCreate) => unwrap(api.POST('/api/v1/funder/clients', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: funderKeys.clients }),
  })
}

/** Rotate or revoke: both answer the client; rotate also carries the new secret, this once. */
export function useRotateSecret() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(
        api.POST('/api/v1/funder/clients/{api_client_id}/rotate-secret', { params: { path: { api_client_id: id } } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: funderKeys.clients }),
  })
}

export function useRevokeClient() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/funder/clients/{api_client_id}/revoke', { params: { path: { api_client_id: id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: funderKeys.clients }),
  })
}

export function useClientWebhooks(clientId: string, enabled: boolean) {
  return useQuery({
    queryKey: funderKeys.webhooks(clientId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/funder/clients/{api_client_id}/webhooks', {
          params: { path: { api_client_id: clientId }, query: { limit: 100 } },
          signal,
        }),
      ),
    enabled,
  })
}

export function useDeliveries() {
  return useInfiniteQuery({
    queryKey: funderKeys.deliveries,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/funder/deliveries', {
          params: { query: { limit: 25, ...(pageParam ? { cursor: pageParam } : {}) } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
  })
}

export interface LoadedConsent {
  consent: Consent
  etag: string
}

export function useConsent(familyId: string) {
  return useQuery({
    queryKey: funderKeys.consent(familyId),
    queryFn: async ({ signal }): Promise<LoadedConsent> => {
      const { data, response } = await unwrapWithResponse(
        api.GET('/api/v1/families/{family_id}/consent', { params: { path: { family_id: familyId } }, signal }),
      )
      return { consent: data, etag: response.headers.get('ETag') ?? etagFor(data.version) }
    },
  })
}

/** The first consent is recorded without If-Match; every change after that sends the ETag that was read. */
export function useSaveConsent(familyId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async ({ body, loaded }: { body: ConsentUpdate; loaded: LoadedConsent }): Promise<LoadedConsent> => {
      const { data, response } = await unwrapWithResponse(
        api.PUT('/api/v1/families/{family_id}/consent', {
          params: { path: { family_id: familyId } },
          ...(loaded.consent.version > 0 ? { headers: { 'If-Match': loaded.etag } } : {}),
          body,
        }),
      )
      return { consent: data, etag: response.headers.get('ETag') ?? etagFor(data.version) }
    },
    onSuccess: (loaded) => {
      queryClient.setQueryData(funderKeys.consent(familyId), loaded)
      void queryClient.invalidateQueries({ queryKey: familyKeys.accessLog(familyId) })
    },
  })
}
