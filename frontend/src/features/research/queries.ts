import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { authFetch } from '../../api/auth'
import { api } from '../../api/client'
import { ApiError, unwrap } from '../../api/errors'
import type { Problem } from '../../api/types'

export const researchKeys = {
  projects: ['research', 'projects'] as const,
  project: (id: string) => ['research', 'projects', id] as const,
  response: (id: string) => ['research', 'response', id] as const,
}

export function useResearchProjects() {
  return useQuery({
    queryKey: researchKeys.projects,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/research/projects', { signal })),
  })
}

export function useResearchProject(id: string) {
  return useQuery({
    queryKey: researchKeys.project(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/research/projects/{project_id}', { params: { path: { project_id: id } }, signal })),
  })
}

export function useResponseTracking(id: string) {
  return useQuery({
    queryKey: researchKeys.response(id),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/research/projects/{project_id}/response', { params: { path: { project_id: id } }, signal }),
      ),
  })
}

export function useJoinProject() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/research/projects/{project_id}/join', { params: { path: { project_id: id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['research'] }),
  })
}

export function useGrantAccess(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (userId: string) =>
      unwrap(
        api.POST('/api/v1/research/projects/{project_id}/researchers', {
          params: { path: { project_id: id } },
          body: { user_id: userId },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: researchKeys.project(id) }),
  })
}

/** Read the streamed ZIP chunk by chunk, reporting the bytes received; answers the whole file as a Blob. */
export async function downloadDataset(
  id: string,
  onProgress: (bytes: number) => void,
  signal?: AbortSignal,
): Promise<Blob> {
  const request = new Request(new URL(`/api/v1/research/projects/${id}/dataset`, globalThis.location.origin), {
    signal,
  })
  const response = await authFetch(request)
  if (!response.ok || !response.body) {
    const problem = (await response.json().catch(() => null)) as Problem | null
    throw new ApiError(response.status, problem)
  }
  const reader = response.body.getReader()
  const chunks: BlobPart[] = []
  let received = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    chunks.push(value)
    received += value.byteLength
    onProgress(received)
  }
  return new Blob(chunks, { type: 'application/zip' })
}
