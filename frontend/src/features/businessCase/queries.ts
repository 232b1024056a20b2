import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import { unwrap } from '../../api/errors'
import {} from '../families/queries'
import type { CostEventCreate, ModelEdit, ReportQuery } from './types'

export const businessCaseKeys = {
  report: (query: ReportQuery) => ['business-case', query] as const,
  model: (version?: number) => ['business-case-model', version ?? 'latest'] as const,
  versions: ['business-case-model', 'versions'] as const,
  costEvents: (familyId: string) => ['cost-events', familyId] as const,
}

export function useBusinessCase(query: ReportQuery) {
  return useQuery({
    queryKey: businessCaseKeys.report(query),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/business-case', { params: { query }, signal })),
  })
}

export function useModel(version?: number) {
  return useQuery({
    queryKey: businessCaseKeys.model(version),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/business-case/model', { params: { query: version ? { version } : {} }, signal })),
  })
}

export function useModelVersions() {
  return useQuery({
    queryKey: businessCaseKeys.versions,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/business-case/model/versions', { signal })),
  })
}

/** Saving makes a new version; every report and the version list change with it. */
export function useEditModel() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: ModelEdit) => unwrap(api.PUT('/api/v1/business-case/model', { body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['business-case-model'] })
      void queryClient.invalidateQueries({ queryKey: ['business-case'] })
    },
  })
}

const family = (familyId: string) => ({ params: { path: { family_id: familyId } } })

export function useCostEvents(familyId: string) {
  return useQuery({
    queryKey: businessCaseKeys.costEvents(familyId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/families/{family_id}/cost-events', {
          params: { path: { family_id: familyId }, query: { limit: 100 } },
          signal,
        }),
      ),
  })
}

export function useRecordCostEvent(familyId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: CostEventCreate) =>
      unwrap(api.POST('/api/v1/families/{family_id}/cost-events', { ...family(familyId), body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: businessCaseKeys.costEvents(familyId) }),
  })
}

export function useDeleteCostEvent(familyId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (costEventId: string) =>
      unwrap(
        api.DELETE('/api/v1/families/{family_id}/cost-events/{cost_event_id}', {
          params: { path: { family_id: familyId, cost_event_id: costEventId } },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: businessCaseKeys.costEvents(familyId) }),
  })
}
