import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert, errorText } from '../../components/States'
import { useUsers } from '../admin/queries'
import { useReassign } from './queries'
import { useFormValues } from '../../components/useFormValues'

/** Give a family to another supporter, with a short note for the timeline. */
export function ReassignForm({
  familyId,
  familyName,
  currentSupporterId,
}: {
  familyId: string
  familyName: string
  currentSupporterId: string
}) {
  const { t } = useTranslation()
  const supporters = useUsers('supporter', true)
  const reassign = useReassign()
  const form = useFormValues(() => ({ target: '', note: '' }))
  const { target, note } = form.values
  const id = useId()
  const options = (supporters.data?.pages.flatMap((page) => page.items) ?? []).filter(
    (u) => u.id !== currentSupporterId && u.is_active,
  )
  return (
    <form
      className="wd-reassign"
      onSubmit={(event) => {
        event.preventDefault()
        if (target) reassign.mutate({ familyId, supporterId: target, note })
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-to`}>
          {t('workday.reassign.to')}
          <span className="visually-hidden"> ({familyName})</span>
        </label>
        <select id={`${id}-to`} value={target} onChange={(event) => form.set('target', event.target.value)}>
          <option value="">{t('workday.reassign.choose')}</option>
          {options.map((user) => (
            <option key={user.id} value={user.id}>
              {user.full_name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>
          {t('workday.reassign.note')}
          <span className="visually-hidden"> ({familyName})</span>
        </label>
        <input
          id={`${id}-note`}
          maxLength={1000}
          value={note}
          onChange={(event) => form.set('note', event.target.value)}
        />
      </div>
      <button type="submit" className="button button-secondary button-small" disabled={!target || reassign.isPending}>
        {t('workday.reassign.submit')}
        <span className="visually-hidden"> {familyName}</span>
      </button>
      {reassign.error ? (
        <Alert kind="error">
          <p>{errorText(reassign.error, t)}</p>
        </Alert>
      ) : null}
    </form>
  )
}
