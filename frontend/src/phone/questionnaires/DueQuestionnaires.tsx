import './questionnaire.css'
import { useEffect, useState } from 'react'
import { usePhoneTranslation } from '../i18n'
import { CheckinError } from '../api'
import { Pictogram } from '../Pictogram'
import { type DueQuestionnaire, listQuestionnaires } from './api'
import { localized } from '../../features/measurements/text'

interface Props {
  token: string
  onOpen: (due: DueQuestionnaire) => void
  /** The session ended or the link stopped: the page asks the code again or explains. */
  onProblem: (error: CheckinError) => void
}

/** "Vragenlijsten" on the phone page, only when the member has any due or started. */
export function DueQuestionnaires({ token, onOpen, onProblem }: Props) {
  const { t, i18n } = usePhoneTranslation()
  const [items, setItems] = useState<DueQuestionnaire[] | 'error' | null>(null)
  useEffect(() => {
    let live = true
    listQuestionnaires(token).then(
      (list) => live && setItems(list),
      (error: unknown) => {
        if (!live) return
        if (error instanceof CheckinError && ['session_expired', 'locked', 'unusable', 'no_token'].includes(error.kind))
          onProblem(error)
        else setItems('error')
      },
    )
    return () => {
      live = false
    }
  }, [token, onProblem])
  if (items === null || (Array.isArray(items) && items.length === 0)) return null
  return (
    <section className="ci-card ck-q-list" aria-labelledby="ck-q-list-title">
      <h2 id="ck-q-list-title">
        <Pictogram name="clipboard" />
        {t('checkins.q.listTitle')}
      </h2>
      {items === 'error' ? (
        <p>{t('checkins.q.listError')}</p>
      ) : (
        <>
          <p className="ci-hint">{t('checkins.q.listIntro')}</p>
          <ul className="ck-q-items">
            {items.map((due) => (
              <li key={`${due.instrument_code}-${due.wave}`}>
                <button type="button" className="ci-button ci-secondary ck-q-open" onClick={() => onOpen(due)}>
                  <span className="ck-q-name">{localized(due.instrument_name, i18n.language)}</span>
                  <span className="ck-q-state">
                    {due.n_answered > 0
                      ? `${t('checkins.q.resume')} · ${t('checkins.q.progressDone', { done: due.n_answered, total: due.n_items })}`
                      : t('checkins.q.start')}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
