import { type SyntheticEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../api/errors'
import type { FamilyStatus } from '../../api/types'
import { ConflictMessage } from '../../components/ConflictMessage'
import { Alert, errorText } from '../../components/States'
import { type LoadedFamily, useUpdateFamily } from './queries'
import { NEXT_STATUSES } from './StatusBadge'

export function StatusChange({ loaded, onReload }: { loaded: LoadedFamily; onReload: () => void }) {
  const { t } = useTranslation()
  const { family, etag } = loaded
  const options = NEXT_STATUSES[family.status]
  const [next, setNext] = useState<FamilyStatus | ''>('')
  const update = useUpdateFamily(family.id)
  const [done, setDone] = useState<FamilyStatus | null>(null)

  if (family.archived_at) return null

  function submit(event: SyntheticEvent) {
    event.preventDefault()
    if (!next) return
    update.mutate(
      { body: { status: next }, etag },
      {
        onSuccess: () => {
          setDone(next)
          setNext('')
        },
      },
    )
  }

  return (
    <section className="card" aria-labelledby="status-heading">
      <h2 id="status-heading">{t('statusChange.title')}</h2>
      {isApiError(update.error, 412) ? (
        <ConflictMessage
          onReload={() => {
            update.reset()
            onReload()
          }}
        />
      ) : update.error ? (
        <Alert kind="error">
          <p>{errorText(update.error, t)}</p>
        </Alert>
      ) : done ? (
        <Alert kind="success">
          <p>{t('statusChange.done', { status: t(`status.${done}`) })}</p>
        </Alert>
      ) : null}
      {options.length === 0 ? (
        <p className="muted">{t('statusChange.final')}</p>
      ) : (
        <form className="inline-form" onSubmit={submit}>
          <div className="field">
            <label htmlFor="status-next">{t('statusChange.label')}</label>
            <select
              id="status-next"
              value={next}
              onChange={(e) => {
                setNext(e.target.value as FamilyStatus | '')
                setDone(null)
              }}
            >
              <option value="">{t('statusChange.choose')}</option>
              {options.map((status) => (
                <option key={status} value={status}>
                  {t(`status.${status}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button" disabled={!next || update.isPending}>
            {update.isPending ? t('common.saving') : t('statusChange.submit')}
          </button>
        </form>
      )}
    </section>
  )
}
