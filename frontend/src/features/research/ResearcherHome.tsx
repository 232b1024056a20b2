import type { ReactNode } from 'react'
import { Navigate } from 'react-router'
import { useMe } from '../auth/AuthContext'

/** A researcher's start page is the research page; everyone else gets the usual one. */
export function ResearcherHome({ children }: { children: ReactNode }) {
  const me = useMe()
  return me.role === 'researcher' ? <Navigate to="/research" replace /> : children
}
