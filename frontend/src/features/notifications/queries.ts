import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import { unwrap } from '../../api/errors'
import type { Language, MessageStatus, NotificationSettingsUpdate, TemplateUpdate } from './types'

export const notificationKeys = {
  settings: ['notifications', 'settings'] as const,
  templates: ['notifications', 'templates'] as const,
  messages: (status: MessageStatus | null) => ['notifications', 'messages', status] as const,
  family: (familyId: string) => ['notifications', 'family', familyId] as const,
}

const PAGE_SIZE = 25

export function useNotificationSettings() {
  return useQuery({
    queryKey: notificationKeys.settings,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/notifications/settings', { signal })),
  })
}

export function useSaveNotificationSettings() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: NotificationSettingsUpdate) => unwrap(api.PATCH('/api/v1/notifications/settings', { body })),
    onSuccess: (data) => client.setQueryData(notificationKeys.settings, data),
  })
}

export function useTemplates() {
  return useQuery({
    queryKey: notificationKeys.templates,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/notifications/templates', { signal })),
  })
}

const template = (kind: string, language: Language) => ({ path: { kind, language } })

export function useSaveTemplate(kind: string, language: Language) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: TemplateUpdate) =>
      unwrap(api.PUT('/api/v1/notifications/templates/{kind}/{language}', { params: template(kind, language), body })),
    onSuccess: (data) => client.setQueryData(notificationKeys.templates, data),
  })
}

export function useResetTemplate(kind: string, language: Language) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: () =>
      unwrap(api.DELETE('/api/v1/notifications/templates/{kind}/{language}', { params: template(kind, language) })),
    onSuccess: (data) => client.setQueryData(notificationKeys.templates, data),
  })
}

export function usePreview(kind: string) {
  return useMutation({
    mutationFn: (body: TemplateUpdate & { language: Language }) =>
      unwrap(api.POST('/api/v1/notifications/templates/{kind}/preview', { params: { path: { kind } }, body })),
  })
}

export function useDeliveryLog(status: MessageStatus | null) {
  return useInfiniteQuery({
    queryKey: notificationKeys.messages(status),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/notifications/messages', {
          params: {
            query: { limit: PAGE_SIZE, ...(status ? { status } : {}), ...(pageParam ? { cursor: pageParam } : {}) },
          },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
  })
}

export function useFamilyMessages(familyId: string) {
  return useInfiniteQuery({
    queryKey: notificationKeys.family(familyId),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/families/{family_id}/notifications', {
          params: { path: { family_id: familyId }, query: { limit: 10, ...(pageParam ? { cursor: pageParam } : {}) } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
  })
}

export function useUnsubscribe() {
  return useMutation({
    mutationFn: (token: string) =>
      unwrap(api.POST('/api/v1/notifications/unsubscribe/{token}', { params: { path: { token } } })),
  })
}
