import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import { unwrap } from '../../api/errors'

export const checkinKeys = {
  all: ['checkins'] as const,
  family: (familyId: string) => ['checkins', 'family', familyId] as const,
  links: (familyId: string) => ['checkins', 'links', familyId] as const,
  alerts: ['checkins', 'alerts'] as const, // a family's alerts sit under this key too
  summary: ['checkins', 'summary'] as const,
  count: ['checkins', 'count'] as const,
}

const family = (familyId: string) => ({ path: { family_id: familyId } })

/** The family's latest check-ins (newest first); enough for a few weeks' trend per member. */
export function useFamilyCheckins(familyId: string) {
  return useQuery({
    queryKey: checkinKeys.family(familyId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/families/{family_id}/checkins', {
          params: { ...family(familyId), query: { limit: 50 } },
          signal,
        }),
      ),
  })
}

export function useCheckinLinks(familyId: string) {
  return useQuery({
    queryKey: checkinKeys.links(familyId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/families/{family_id}/checkin-links', {
          params: { ...family(familyId), query: { limit: 100 } },
          signal,
        }),
      ),
  })
}

/** Open alerts in the caller's reach (a supporter's caseload; staff their organisation). */
export function useOpenAlerts() {
  return useQuery({
    queryKey: checkinKeys.alerts,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/checkin-alerts', { params: { query: { state: 'open', limit: 100 } }, signal })),
  })
}

export function useCheckinSummary() {
  return useQuery({
    queryKey: checkinKeys.summary,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/checkin-summary', { signal })),
  })
}

/** One family's open alerts (read and audited for that family only). */
export function useFamilyAlerts(familyId: string) {
  return useQuery({
    queryKey: [...checkinKeys.alerts, familyId],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/checkin-alerts', {
          params: { query: { state: 'open', family_id: familyId, limit: 100 } },
          signal,
        }),
      ),
  })
}

/** Only a number (not audited, names no family): cheap enough for the navigation badge. */
export function useOpenAlertCount() {
  return useQuery({
    queryKey: checkinKeys.count,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/checkin-alerts/count', { signal })),
    staleTime: 60_000,
    refetchInterval: 5 * 60_000,
  })
}

function useRefresh(familyId?: string) {
  const client = useQueryClient()
  return () => {
    void client.invalidateQueries({ queryKey: checkinKeys.alerts })
    void client.invalidateQueries({ queryKey: checkinKeys.summary })
    void client.invalidateQueries({ queryKey: checkinKeys.count })
    if (familyId) {
      void client.invalidateQueries({ queryKey: checkinKeys.family(familyId) })
      void client.invalidateQueries({ queryKey: checkinKeys.links(familyId) })
    }
  }
}

export function useAcknowledge(familyId?: string) {
  const refresh = useRefresh(familyId)
  return useMutation({
    mutationFn: (alertId: string) =>
      unwrap(api.POST('/api/v1/checkin-alerts/{alert_id}/acknowledge', { params: { path: { alert_id: alertId } } })),
    onSuccess: refresh,
  })
}

export function useCreateLink(familyId: string) {
  const refresh = useRefresh(familyId)
  return useMutation({
    mutationFn: (memberId: string) =>
      unwrap(
        api.POST('/api/v1/families/{family_id}/members/{member_id}/checkin-links', {
          params: { path: { family_id: familyId, member_id: memberId } },
          body: {},
        }),
      ),
    onSuccess: refresh,
  })
}

export function useRevokeLink(familyId: string) {
  const refresh = useRefresh(familyId)
  return useMutation({
    mutationFn: (linkId: string) =>
      unwrap(
        api.POST('/api/v1/families/{family_id}/checkin-links/{link_id}/revoke', {
          params: { path: { family_id: familyId, link_id: linkId } },
        }),
      ),
    onSuccess: refresh,
  })
}
