import { useMe } from '../auth/AuthContext'
import { CaseloadPage } from '../families/CaseloadPage'
import { WorklistPage } from './WorklistPage'

/** A supporter starts the day with the worklist; staff with the organisation's families (the team page is a tab). */
export function StartPage() {
  const me = useMe()
  return me.role === 'supporter' ? <WorklistPage /> : <CaseloadPage />
}
