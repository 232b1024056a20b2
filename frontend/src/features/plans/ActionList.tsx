import { useTranslation } from 'react-i18next'
import { isApiError } from '../../api/errors'
import type { FamilyDetail } from '../../api/types'
import { ConflictMessage } from '../../components/ConflictMessage'
import { ErrorState } from '../../components/States'
import { formatDate } from '../../i18n/format'
import { useDraft } from '../auth/drafts'
import { ActionForm } from './ActionForm'
import { useSaveAction } from './queries'
import type { Action } from './types'

/** The steps for one goal: who does what by when, overdue ones marked, with add, change and done. */
export function ActionList({
  familyId,
  goalId,
  actions,
  family,
  readOnly,
  onReload,
}: {
  familyId: string
  goalId: string
  actions: readonly Action[]
  family: FamilyDetail
  readOnly: boolean
  onReload: () => void
}) {
  const { t } = useTranslation()
  // Which form is open survives a reload, like the draft inside it.
  const [editing, setEditing] = useDraft<string | null>(`actions.open.${goalId}`, () => null, { persist: true })
  const complete = useSaveAction(familyId, goalId)
  return (
    <div className="plan-actions">
      <h4>{t('plan.action.title')}</h4>
      {complete.error ? (
        isApiError(complete.error, 412) ? (
          <ConflictMessage onReload={onReload} />
        ) : (
          <ErrorState error={complete.error} />
        )
      ) : null}
      {actions.length === 0 ? <p className="muted">{t('plan.action.none')}</p> : null}
      <ul className="action-list">
        {actions.map((action) =>
          editing === action.id ? (
            <li key={action.id}>
              <ActionForm
                familyId={familyId}
                goalId={goalId}
                family={family}
                action={action}
                onClose={() => setEditing(null)}
                onReload={onReload}
              />
            </li>
          ) : (
            <li key={action.id} className={action.is_overdue ? 'action action-overdue' : 'action'}>
              <p className="action-description">{action.description}</p>
              <p className="action-meta">
                <span>{t('plan.action.who', { name: action.owner_name ?? '—' })}</span>
                <span>{t('plan.action.due', { date: formatDate(action.due_on) })}</span>
                <span className={`badge badge-action-${action.status}`}>{t(`plan.actionStatus.${action.status}`)}</span>
                {action.is_overdue ? <span className="badge badge-overdue">{t('plan.action.overdue')}</span> : null}
                {action.agreed_at_table ? null : (
                  <span className="badge badge-unagreed">{t('plan.action.notAgreed')}</span>
                )}
              </p>
              {readOnly || editing !== null ? null : (
                <div className="entity-actions">
                  {action.status === 'open' ? (
                    <button
                      type="button"
                      className="link-button"
                      disabled={complete.isPending}
                      aria-label={`${t('plan.action.complete')}: ${action.description}`}
                      onClick={() =>
                        complete.mutate({
                          kind: 'update',
                          actionId: action.id,
                          version: action.version,
                          body: { status: 'done' },
                        })
                      }
                    >
                      {t('plan.action.complete')}
                    </button>
                  ) : null}
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`${t('common.edit')}: ${action.description}`}
                    onClick={() => {
                      complete.reset()
                      setEditing(action.id)
                    }}
                  >
                    {t('common.edit')}
                  </button>
                </div>
              )}
            </li>
          ),
        )}
      </ul>
      {readOnly ? null : editing === 'new' ? (
        <ActionForm
          familyId={familyId}
          goalId={goalId}
          family={family}
          onClose={() => setEditing(null)}
          onReload={onReload}
        />
      ) : editing === null ? (
        <button type="button" className="button button-secondary button-small" onClick={() => setEditing('new')}>
          {t('plan.action.add')}
        </button>
      ) : null}
    </div>
  )
}
