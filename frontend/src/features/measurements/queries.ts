import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import { unwrap } from '../../api/errors'
import { etagFor } from '../families/queries'
import type { CohortQuery, Definition, FactorCreate, FactorUpdate, FamilyFactorCreate, MeasurementStart } from './types'

export const measurementKeys = {
  family: (familyId: string) => ['measurements', familyId] as const,
  plan: (familyId: string) => ['measurements', familyId, 'plan'] as const,
  outcomes: (familyId: string) => ['measurements', familyId, 'outcomes'] as const,
  familyFactors: (familyId: string) => ['measurements', familyId, 'factors'] as const,
  debt: (familyId: string) => ['measurements', familyId, 'debt'] as const,
  measurement: (familyId: string, id: string) => ['measurements', familyId, 'one', id] as const,
  instruments: ['instruments'] as const,
  instrument: (code: string) => ['instruments', code] as const,
  factors: (all: boolean) => ['factors', all] as const,
  cohort: (query: CohortQuery) => ['outcomes-cohort', query] as const,
  myEngagement: ['work-engagement', 'mine'] as const,
  engagementSummary: ['work-engagement', 'summary'] as const,
}

const family = (familyId: string) => ({ params: { path: { family_id: familyId } } })
const one = (familyId: string, measurementId: string) => ({
  params: { path: { family_id: familyId, measurement_id: measurementId } },
})

export function useMeasurementPlan(familyId: string) {
  return useQuery({
    queryKey: measurementKeys.plan(familyId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/families/{family_id}/measurement-plan', { ...family(familyId), signal })),
  })
}

/** The family's evaluation debt; the page shows its due and overdue questionnaires. */
export function useMeasurementDebt(familyId: string) {
  return useQuery({
    queryKey: measurementKeys.debt(familyId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/evaluation-debt', { params: { query: { family_id: familyId } }, signal })),
  })
}

export function useOutcomes(familyId: string) {
  return useQuery({
    queryKey: measurementKeys.outcomes(familyId),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/families/{family_id}/outcomes', { ...family(familyId), signal })),
  })
}

export function useMeasurement(familyId: string, measurementId: string) {
  return useQuery({
    queryKey: measurementKeys.measurement(familyId, measurementId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/families/{family_id}/measurements/{measurement_id}', {
          ...one(familyId, measurementId),
          signal,
        }),
      ),
  })
}

/** Starting, answering or completing changes the plan and the outcomes too. */
function useRefreshFamily(familyId: string) {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: measurementKeys.family(familyId) })
}

export function useStartMeasurement(familyId: string) {
  const refresh = useRefreshFamily(familyId)
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: MeasurementStart; idempotencyKey: string }) =>
      unwrap(
        api.POST('/api/v1/families/{family_id}/measurements', {
          ...family(familyId),
          headers: { 'Idempotency-Key': idempotencyKey },
          body,
        }),
      ),
    onSuccess: refresh,
  })
}

export function useSaveAnswers(familyId: string, measurementId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (answers: Record<string, number | null>) =>
      unwrap(
        api.PUT('/api/v1/families/{family_id}/measurements/{measurement_id}/answers', {
          ...one(familyId, measurementId),
          body: { answers },
        }),
      ),
    onSuccess: (data) => queryClient.setQueryData(measurementKeys.measurement(familyId, measurementId), data),
  })
}

export function useCompleteMeasurement(familyId: string, measurementId: string) {
  const refresh = useRefreshFamily(familyId)
  return useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/families/{family_id}/measurements/{measurement_id}/complete', one(familyId, measurementId)),
      ),
    onSuccess: refresh,
  })
}

export function useFamilyFactors(familyId: string) {
  return useQuery({
    queryKey: measurementKeys.familyFactors(familyId),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/families/{family_id}/factors', { ...family(familyId), signal })),
  })
}

export function useRecordFactor(familyId: string) {
  const refresh = useRefreshFamily(familyId)
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: FamilyFactorCreate; idempotencyKey: string }) =>
      unwrap(
        api.POST('/api/v1/families/{family_id}/factors', {
          ...family(familyId),
          headers: { 'Idempotency-Key': idempotencyKey },
          body,
        }),
      ),
    onSuccess: refresh,
  })
}

export function useFactors(includeInactive = false) {
  return useQuery({
    queryKey: measurementKeys.factors(includeInactive),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/factors', { params: { query: { include_inactive: includeInactive } }, signal })),
    staleTime: 5 * 60_000,
  })
}

function useRefreshFactors() {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: ['factors'] })
}

export function useCreateFactor() {
  const refresh = useRefreshFactors()
  return useMutation({
    mutationFn: (body: FactorCreate) => unwrap(api.POST('/api/v1/factors', { body })),
    onSuccess: refresh,
  })
}

export function useUpdateFactor() {
  const refresh = useRefreshFactors()
  return useMutation({
    mutationFn: ({ id, version, body }: { id: string; version: number; body: FactorUpdate }) =>
      unwrap(
        api.PATCH('/api/v1/factors/{factor_id}', {
          params: { path: { factor_id: id } },
          headers: { 'If-Match': etagFor(version) },
          body,
        }),
      ),
    onSettled: refresh,
  })
}

export function useInstruments() {
  return useQuery({
    queryKey: measurementKeys.instruments,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/instruments', { signal })),
    staleTime: 5 * 60_000,
  })
}

export function useInstrument(code: string) {
  return useQuery({
    queryKey: measurementKeys.instrument(code),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/instruments/{code}', { params: { path: { code } }, signal })),
  })
}

export function useEditInstrument(code: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: Definition) =>
      unwrap(api.PUT('/api/v1/instruments/{code}', { params: { path: { code } }, body })),
    onSuccess: (data) => {
      queryClient.setQueryData(measurementKeys.instrument(code), data)
      return queryClient.invalidateQueries({ queryKey: measurementKeys.instruments })
    },
  })
}

export function useCohort(query: CohortQuery) {
  return useQuery({
    queryKey: measurementKeys.cohort(query),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/outcomes/cohort', { params: { query }, signal })),
    placeholderData: (previous) => previous,
  })
}

export function useMyWorkEngagement() {
  return useQuery({
    queryKey: measurementKeys.myEngagement,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/me/work-engagement', { signal })),
  })
}

export function useAnswerWorkEngagement() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (answers: Record<string, number | null>) =>
      unwrap(api.POST('/api/v1/me/work-engagement', { body: { answers } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: measurementKeys.myEngagement }),
  })
}

export function useWorkEngagementSummary(enabled: boolean) {
  return useQuery({
    queryKey: measurementKeys.engagementSummary,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/work-engagement/summary', { signal })),
    enabled,
  })
}
