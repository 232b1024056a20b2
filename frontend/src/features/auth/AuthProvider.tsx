import { useQuery, useQueryClient } from '@tanstack/react-query'
import { type ReactNode, useCallback, useEffect, useMemo, useSyncExternalStore } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { getSessionStatus, login, logout, refreshSession, subscribeSession } from '../../api/auth'
import { api } from '../../api/client'
import { unwrap } from '../../api/errors'
import { AuthContext, type AuthValue } from './AuthContext'
import { claimDrafts, clearDrafts } from './drafts'

export const meQueryKey = ['me'] as const

export function AuthProvider({ children }: { children: ReactNode }) {
  const status = useSyncExternalStore(subscribeSession, getSessionStatus)
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const location = useLocation()

  // A reload keeps the user signed in through the refresh cookie.
  useEffect(() => {
    if (getSessionStatus() === 'unknown') void refreshSession()
  }, [])

  // Signed out (here or in another tab): nothing of the last user stays in memory.
  useEffect(() => {
    if (status === 'anonymous') {
      clearDrafts()
      queryClient.clear()
    }
  }, [status, queryClient])

  // An expired session goes to the login page and comes back here afterwards; drafts stay in memory.
  useEffect(() => {
    if (status === 'expired' && location.pathname !== '/login') {
      void navigate('/login', { state: { from: location.pathname + location.search, expired: true } })
    }
  }, [status, location, navigate])

  const me = useQuery({
    queryKey: meQueryKey,
    queryFn: () => unwrap(api.GET('/api/v1/users/me')),
    enabled: status === 'authenticated',
    staleTime: 5 * 60_000,
  })

  const signIn = useCallback(
    async (email: string, password: string) => {
      await login(email, password)
      const user = await queryClient.query({ queryKey: meQueryKey, queryFn: () => unwrap(api.GET('/api/v1/users/me')) })
      claimDrafts(user.id)
    },
    [queryClient],
  )

  const signOut = useCallback(async () => {
    await logout()
    clearDrafts()
    queryClient.clear()
    void navigate('/login', { replace: true })
  }, [navigate, queryClient])

  const value = useMemo<AuthValue>(
    () => ({ status, me: status === 'authenticated' ? me.data : undefined, signIn, signOut }),
    [status, me.data, signIn, signOut],
  )
  return <AuthContext value={value}>{children}</AuthContext>
}
