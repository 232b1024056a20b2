import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import type { paths } from '../../api/schema'
import { type Answer, unwrap, unwrapWithResponse } from '../../api/errors'
import { saveFile } from '../../components/saveFile'
import { etagFor } from '../families/queries'
import { planKeys } from '../plans/queries'
import type {
  AgendaItem,
  Attendance,
  DecisionCreate,
  MeetingCreate,
  MeetingDetail,
  MeetingUpdate,
  ParticipantCreate,
  ParticipantUpdate,
} from './types'

export const meetingKeys = {
  all: ['meetings'] as const,
  family: (familyId: string) => ['meetings', 'family', familyId] as const,
  detail: (id: string) => ['meetings', 'detail', id] as const,
  summary: (id: string) => ['meetings', 'summary', id] as const,
  overview: (query: OverviewQuery) => ['meetings', 'overview', query] as const,
  timeline: (familyId: string) => ['meetings', 'timeline', familyId] as const,
}

export type OverviewQuery = NonNullable<paths['/api/v1/meetings']['get']['parameters']['query']>

export interface LoadedMeeting {
  meeting: MeetingDetail
  etag: string
}

const meetingPath = (meetingId: string) => ({ params: { path: { meeting_id: meetingId } } })

export function useFamilyMeetings(familyId: string) {
  return useInfiniteQuery({
    queryKey: meetingKeys.family(familyId),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/families/{family_id}/meetings', {
          params: { path: { family_id: familyId }, query: { limit: 50, ...(pageParam ? { cursor: pageParam } : {}) } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
  })
}

export function useMeeting(meetingId: string) {
  return useQuery({
    queryKey: meetingKeys.detail(meetingId),
    queryFn: async ({ signal }): Promise<LoadedMeeting> => {
      const { data, response } = await unwrapWithResponse(
        api.GET('/api/v1/meetings/{meeting_id}', { ...meetingPath(meetingId), signal }),
      )
      return { meeting: data, etag: response.headers.get('ETag') ?? etagFor(data.version) }
    },
  })
}

export function useMeetingSummary(meetingId: string) {
  return useQuery({
    queryKey: meetingKeys.summary(meetingId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/meetings/{meeting_id}/summary', { ...meetingPath(meetingId), signal })),
  })
}

export function useOverview(query: OverviewQuery) {
  return useQuery({
    queryKey: meetingKeys.overview(query),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/meetings', { params: { query }, signal })),
  })
}

export function useTimeline(familyId: string) {
  return useInfiniteQuery({
    queryKey: meetingKeys.timeline(familyId),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/families/{family_id}/timeline', {
          params: { path: { family_id: familyId }, query: { limit: 10, ...(pageParam ? { cursor: pageParam } : {}) } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
  })
}

export function useCreateMeeting(familyId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: MeetingCreate; idempotencyKey: string }) =>
      unwrap(
        api.POST('/api/v1/families/{family_id}/meetings', {
          params: { path: { family_id: familyId } },
          headers: { 'Idempotency-Key': idempotencyKey },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meetingKeys.all }),
  })
}

/** A change to a meeting: the request, then the meeting (flags and counts come from the server) and its lists again. */
function useMeetingChange<Vars = void, Data = unknown>(send: (vars: Vars) => Answer<Data>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (vars: Vars) => unwrap(send(vars)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meetingKeys.all }),
  })
}

export function useUpdateMeeting(meetingId: string) {
  return useMeetingChange(({ body, etag }: { body: MeetingUpdate; etag: string }) =>
    api.PATCH('/api/v1/meetings/{meeting_id}', { ...meetingPath(meetingId), headers: { 'If-Match': etag }, body }),
  )
}

export function useCancelMeeting(meetingId: string) {
  return useMeetingChange((reason: string | null) =>
    api.POST('/api/v1/meetings/{meeting_id}/cancel', { ...meetingPath(meetingId), body: reason ? { reason } : {} }),
  )
}

/** Closing changes the plan too: its goals, actions and versions are fetched again. */
export function useCloseMeeting(meetingId: string, familyId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (minutes: string | null) =>
      unwrap(
        api.POST('/api/v1/meetings/{meeting_id}/close', {
          ...meetingPath(meetingId),
          body: minutes === null ? {} : { minutes },
        }),
      ),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: meetingKeys.all })
      void queryClient.invalidateQueries({ queryKey: planKeys.all(familyId) })
    },
  })
}

export function useAddParticipant(meetingId: string) {
  return useMeetingChange(({ body, idempotencyKey }: { body: ParticipantCreate; idempotencyKey: string }) =>
    api.POST('/api/v1/meetings/{meeting_id}/participants', {
      ...meetingPath(meetingId),
      headers: { 'Idempotency-Key': idempotencyKey },
      body,
    }),
  )
}

export function useUpdateParticipant(meetingId: string) {
  return useMeetingChange(({ participantId, body }: { participantId: string; body: ParticipantUpdate }) =>
    api.PATCH('/api/v1/meetings/{meeting_id}/participants/{participant_id}', {
      params: { path: { meeting_id: meetingId, participant_id: participantId } },
      body,
    }),
  )
}

export function useRemoveParticipant(meetingId: string) {
  return useMeetingChange((participantId: string) =>
    api.DELETE('/api/v1/meetings/{meeting_id}/participants/{participant_id}', {
      params: { path: { meeting_id: meetingId, participant_id: participantId } },
    }),
  )
}

export function useRecordAttendance(meetingId: string) {
  return useMeetingChange((items: { participant_id: string; attendance: Attendance }[]) =>
    api.PUT('/api/v1/meetings/{meeting_id}/attendance', { ...meetingPath(meetingId), body: { items } }),
  )
}

export function useAgenda(meetingId: string) {
  const itemPath = (itemId: string) => ({ params: { path: { meeting_id: meetingId, item_id: itemId } } })
  const add = useMeetingChange(({ title, idempotencyKey }: { title: string; idempotencyKey: string }) =>
    api.POST('/api/v1/meetings/{meeting_id}/agenda-items', {
      ...meetingPath(meetingId),
      headers: { 'Idempotency-Key': idempotencyKey },
      body: { title },
    }),
  )
  const fromPlan = useMeetingChange(() =>
    api.POST('/api/v1/meetings/{meeting_id}/agenda-items/from-plan', meetingPath(meetingId)),
  )
  const update = useMeetingChange(
    ({ item, body }: { item: AgendaItem; body: { note?: string | null; position?: number } }) =>
      api.PATCH('/api/v1/meetings/{meeting_id}/agenda-items/{item_id}', { ...itemPath(item.id), body }),
  )
  const remove = useMeetingChange((itemId: string) =>
    api.DELETE('/api/v1/meetings/{meeting_id}/agenda-items/{item_id}', itemPath(itemId)),
  )
  return { add, fromPlan, update, remove }
}

export function useAddDecision(meetingId: string) {
  return useMeetingChange(({ body, idempotencyKey }: { body: DecisionCreate; idempotencyKey: string }) =>
    api.POST('/api/v1/meetings/{meeting_id}/decisions', {
      ...meetingPath(meetingId),
      headers: { 'Idempotency-Key': idempotencyKey },
      body,
    }),
  )
}

export function useRemoveDecision(meetingId: string) {
  return useMeetingChange((decisionId: string) =>
    api.DELETE('/api/v1/meetings/{meeting_id}/decisions/{decision_id}', {
      params: { path: { meeting_id: meetingId, decision_id: decisionId } },
    }),
  )
}

/** The invitation as a file: fetched with the session's token (never in a URL), then saved by the browser. */
export async function downloadInvitation(meetingId: string): Promise<void> {
  const { data, response } = await unwrapWithResponse(
    api.GET('/api/v1/meetings/{meeting_id}/invite.ics', { ...meetingPath(meetingId), parseAs: 'blob' }),
  )
  const disposition = response.headers.get('Content-Disposition') ?? ''
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'rondetafeloverleg.ics'
  saveFile(data, name)
}
