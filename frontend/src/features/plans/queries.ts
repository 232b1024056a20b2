import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import { unwrap, unwrapWithResponse } from '../../api/errors'
import { etagFor } from '../families/queries'
import type { ActionCreate, ActionUpdate, GoalCreate, GoalUpdate, Plan, ScoreCreate } from './types'

export const planKeys = {
  all: (familyId: string) => ['plans', familyId] as const,
  plan: (familyId: string) => ['plans', familyId, 'plan'] as const,
  series: (familyId: string) => ['plans', familyId, 'series'] as const,
  versions: (familyId: string) => ['plans', familyId, 'versions'] as const,
  compare: (familyId: string, from: number | null, to: string) => ['plans', familyId, 'compare', from, to] as const,
  domains: ['life-domains'] as const,
}

export interface LoadedPlan {
  plan: Plan
  etag: string
}

const path = (familyId: string) => ({ params: { path: { family_id: familyId } } })

export function usePlan(familyId: string) {
  return useQuery({
    queryKey: planKeys.plan(familyId),
    queryFn: async ({ signal }): Promise<LoadedPlan> => {
      const { data, response } = await unwrapWithResponse(
        api.GET('/api/v1/families/{family_id}/plan', { ...path(familyId), signal }),
      )
      return { plan: data, etag: response.headers.get('ETag') ?? etagFor(data.version) }
    },
  })
}

export function useGasSeries(familyId: string) {
  return useQuery({
    queryKey: planKeys.series(familyId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/families/{family_id}/plan/gas/series', { ...path(familyId), signal })),
  })
}

export function useLifeDomains() {
  return useQuery({
    queryKey: planKeys.domains,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/life-domains', { signal })),
    staleTime: 10 * 60_000,
  })
}

export function useVersions(familyId: string) {
  return useQuery({
    queryKey: planKeys.versions(familyId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/families/{family_id}/plan/versions', {
          params: { path: { family_id: familyId }, query: { limit: 100 } },
          signal,
        }),
      ),
  })
}

export function useComparison(familyId: string, from: number | null, to: string, enabled: boolean) {
  return useQuery({
    queryKey: planKeys.compare(familyId, from, to),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/families/{family_id}/plan/versions/compare', {
          params: { path: { family_id: familyId }, query: { ...(from === null ? {} : { from }), to } },
          signal,
        }),
      ),
    enabled,
  })
}

/** Every change to the plan refetches the plan, its chart data and its history. */
function useRefreshPlan(familyId: string) {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: planKeys.all(familyId) })
}

export function useSaveGoal(familyId: string) {
  const refresh = useRefreshPlan(familyId)
  return useMutation({
    mutationFn: (
      vars:
        | { kind: 'create'; body: GoalCreate; idempotencyKey: string }
        | { kind: 'update'; goalId: string; version: number; body: GoalUpdate },
    ) =>
      vars.kind === 'create'
        ? unwrap(
            api.POST('/api/v1/families/{family_id}/plan/goals', {
              ...path(familyId),
              headers: { 'Idempotency-Key': vars.idempotencyKey },
              body: vars.body,
            }),
          )
        : unwrap(
            api.PATCH('/api/v1/families/{family_id}/plan/goals/{goal_id}', {
              params: { path: { family_id: familyId, goal_id: vars.goalId } },
              headers: { 'If-Match': etagFor(vars.version) },
              body: vars.body,
            }),
          ),
    onSuccess: refresh,
  })
}

export function useRecordScore(familyId: string, goalId: string) {
  const refresh = useRefreshPlan(familyId)
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: ScoreCreate; idempotencyKey: string }) =>
      unwrap(
        api.POST('/api/v1/families/{family_id}/plan/goals/{goal_id}/scores', {
          params: { path: { family_id: familyId, goal_id: goalId } },
          headers: { 'Idempotency-Key': idempotencyKey },
          body,
        }),
      ),
    onSuccess: refresh,
  })
}

export function useSaveAction(familyId: string, goalId: string) {
  const refresh = useRefreshPlan(familyId)
  return useMutation({
    mutationFn: (
      vars:
        | { kind: 'create'; body: ActionCreate; idempotencyKey: string }
        | { kind: 'update'; actionId: string; version: number; body: ActionUpdate },
    ) =>
      vars.kind === 'create'
        ? unwrap(
            api.POST('/api/v1/families/{family_id}/plan/goals/{goal_id}/actions', {
              params: { path: { family_id: familyId, goal_id: goalId } },
              headers: { 'Idempotency-Key': vars.idempotencyKey },
              body: vars.body,
            }),
          )
        : unwrap(
            api.PATCH('/api/v1/families/{family_id}/plan/actions/{action_id}', {
              params: { path: { family_id: familyId, action_id: vars.actionId } },
              headers: { 'If-Match': etagFor(vars.version) },
              body: vars.body,
            }),
          ),
    onSuccess: refresh,
  })
}

export function useAdoptPlan(familyId: string) {
  const refresh = useRefreshPlan(familyId)
  return useMutation({
    mutationFn: ({ etag, note, idempotencyKey }: { etag: string; note: string | null; idempotencyKey: string }) =>
      unwrap(
        api.POST('/api/v1/families/{family_id}/plan/adopt', {
          ...path(familyId),
          headers: { 'If-Match': etag, 'Idempotency-Key': idempotencyKey },
          body: note ? { note } : {},
        }),
      ),
    onSuccess: refresh,
  })
}
