import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import { unwrap } from '../../api/errors'
import { checkinKeys } from '../checkins/queries'
import { familyKeys } from '../families/queries'
import type { ClosureCreate } from './types'

export const workdayKeys = {
  all: ['workday'] as const,
  worklist: (supporterId: string | null) => ['workday', 'worklist', supporterId] as const,
  team: ['workday', 'team'] as const,
  closure: (familyId: string) => ['workday', 'closure', familyId] as const,
}

/** A caseload's worklist: one's own (no id), or a supporter's opened from the team page. */
export function useWorklist(supporterId: string | null, enabled = true) {
  return useQuery({
    queryKey: workdayKeys.worklist(supporterId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/worklist', { params: { query: supporterId ? { supporter_id: supporterId } : {} }, signal }),
      ),
    enabled,
  })
}

export function useAcknowledgeWithNote() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ alertId, note }: { alertId: string; note: string }) =>
      unwrap(
        api.POST('/api/v1/worklist/alerts/{alert_id}/acknowledge', {
          params: { path: { alert_id: alertId } },
          body: { note: note.trim() || null },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: workdayKeys.all })
      void queryClient.invalidateQueries({ queryKey: checkinKeys.all })
    },
  })
}

/** The team page, a page of supporters at a time (heaviest caseload first). */
export function useTeam() {
  return useInfiniteQuery({
    queryKey: workdayKeys.team,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/team', {
          params: { query: { limit: 10, ...(pageParam ? { cursor: pageParam } : {}) } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
  })
}

export function useReassign() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ familyId, supporterId, note }: { familyId: string; supporterId: string; note: string }) =>
      unwrap(
        api.POST('/api/v1/families/{family_id}/reassign', {
          params: { path: { family_id: familyId } },
          body: { supporter_id: supporterId, note: note.trim() || null },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: workdayKeys.all })
      void queryClient.invalidateQueries({ queryKey: familyKeys.all })
      void queryClient.invalidateQueries({ queryKey: ['meetings'] })
    },
  })
}

export function useClosure(familyId: string) {
  return useQuery({
    queryKey: workdayKeys.closure(familyId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/families/{family_id}/closure', { params: { path: { family_id: familyId } }, signal })),
  })
}

function useRefreshFamily(familyId: string) {
  const queryClient = useQueryClient()
  return () => {
    void queryClient.invalidateQueries({ queryKey: workdayKeys.all })
    void queryClient.invalidateQueries({ queryKey: familyKeys.all })
    void queryClient.invalidateQueries({ queryKey: ['plans'] })
    void queryClient.invalidateQueries({ queryKey: ['meetings'] })
    void queryClient.invalidateQueries({ queryKey: ['families', familyId] })
  }
}

export function useCloseFamily(familyId: string) {
  const refresh = useRefreshFamily(familyId)
  return useMutation({
    mutationFn: (body: ClosureCreate) =>
      unwrap(api.POST('/api/v1/families/{family_id}/closure', { params: { path: { family_id: familyId } }, body })),
    onSuccess: refresh,
  })
}

export function useReopenFamily(familyId: string) {
  const refresh = useRefreshFamily(familyId)
  return useMutation({
    mutationFn: (reason: string) =>
      unwrap(
        api.POST('/api/v1/families/{family_id}/reopen', {
          params: { path: { family_id: familyId } },
          body: { reason },
        }),
      ),
    onSuccess: refresh,
  })
}

/** One family's share of the debt and its open alerts, for the "wat vraagt aandacht" strip. */
export function useFamilyAttention(familyId: string) {
  const debt = useQuery({
    queryKey: ['workday', 'family-debt', familyId],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/evaluation-debt', { params: { query: { family_id: familyId } }, signal })),
  })
  const alerts = useQuery({
    queryKey: [...checkinKeys.alerts, 'open', familyId],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/checkin-alerts', {
          params: { query: { family_id: familyId, state: 'open', limit: 20 } },
          signal,
        }),
      ),
  })
  return { debt, alerts }
}
