import { createContext, useContext } from 'react'
import type { SessionStatus } from '../../api/auth'
import type { Me } from '../../api/types'

export interface AuthValue {
  status: SessionStatus
  me: Me | undefined
  signIn: (email: string, password: string) => Promise<void>
  signOut: () => Promise<void>
}

export const AuthContext = createContext<AuthValue | null>(null)

export function useAuth(): AuthValue {
  const value = useContext(AuthContext)
  if (!value) throw new Error('useAuth outside AuthProvider')
  return value
}

/** The signed-in user; only for pages behind RequireAuth. */
export function useMe(): Me {
  const { me } = useAuth()
  if (!me) throw new Error('useMe before the user is known')
  return me
}
