import { useMutation, useQueryClient } from '@tanstack/react-query'
import { adoptSession } from '../../api/auth'
import { api } from '../../api/client'
import { unwrap } from '../../api/errors'
import type { PasswordChange, UserUpdate } from '../../api/types'

export function useUpdateUser() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UserUpdate }) =>
      unwrap(api.PATCH('/api/v1/users/{user_id}', { params: { path: { user_id: id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  })
}

export function useResetPassword() {
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) =>
      unwrap(
        api.POST('/api/v1/users/{user_id}/reset-password', {
          params: { path: { user_id: id } },
          body: { new_password: password },
        }),
      ),
  })
}

/** Change your own password; the answer is a new session (the other sessions have ended). */
export function useChangePassword() {
  return useMutation({
    mutationFn: async (body: PasswordChange) => {
      const token = await unwrap(api.POST('/api/v1/users/me/password', { body }))
      adoptSession(token)
      return token
    },
  })
}
