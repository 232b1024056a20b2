import { type SyntheticEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert, errorText } from '../../components/States'
import { useUsers } from '../admin/queries'
import { useGrantAccess } from './queries'

/** Give a researcher account of your organisation access to the project (the project's own administrator). */
export function GrantAccessForm({ projectId, granted }: { projectId: string; granted: string[] }) {
  const { t } = useTranslation()
  const selectId = useId()
  const users = useUsers('researcher')
  const grant = useGrantAccess(projectId)
  const [userId, setUserId] = useState('')
  const candidates = (users.data?.pages.flatMap((page) => page.items) ?? []).filter((u) => !granted.includes(u.id))
  if (users.isPending) return null
  if (candidates.length === 0)
    return granted.length > 0 ? null : <p className="muted">{t('research.access.noCandidates')}</p>

  function submit(event: SyntheticEvent) {
    event.preventDefault()
    if (userId) grant.mutate(userId, { onSuccess: () => setUserId('') })
  }

  return (
    <form className="research-grant" onSubmit={submit}>
      <div className="field">
        <label htmlFor={selectId}>{t('research.access.choose')}</label>
        <select id={selectId} value={userId} onChange={(event) => setUserId(event.target.value)}>
          <option value="">{t('research.access.pick')}</option>
          {candidates.map((u) => (
            <option key={u.id} value={u.id}>{`${u.full_name} (${u.email})`}</option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button-secondary" disabled={!userId || grant.isPending}>
        {t('research.access.grant')}
      </button>
      {grant.isError ? <Alert kind="error">{errorText(grant.error, t)}</Alert> : null}
    </form>
  )
}
