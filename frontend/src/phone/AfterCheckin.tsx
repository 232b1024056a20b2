import { Suspense } from 'react'
import { usePhoneTranslation } from './i18n'
import type { CheckinError, TrendPoint } from './api'
import { DueQuestionnaires, Trend } from './lazyViews'
import { Pictogram } from './Pictogram'
import type { DueQuestionnaire } from './questionnaires/api'

/** The check-in is sent: thanks, the member's trend, and any questionnaire that is due. */
export function ThanksScreen({
  supporter,
  trend,
  token,
  onOpen,
  onProblem,
  onAnother,
}: {
  supporter: string | null
  trend: TrendPoint[] | 'loading' | 'error'
  token: string
  onOpen: (due: DueQuestionnaire) => void
  onProblem: (error: CheckinError) => void
  onAnother: () => void
}) {
  const { t } = usePhoneTranslation()
  return (
    <>
      <div className="ci-card ci-thanks" role="status">
        <p>
          <Pictogram name="heart" className="ci-heart" />
          {supporter ? t('checkin.thanksText', { name: supporter }) : t('checkin.thanksTextAnonymous')}
        </p>
        <p className="ci-hint">{t('checkin.urgent')}</p>
      </div>
      <section className="ci-card" aria-labelledby="ci-trend-title">
        <h2 id="ci-trend-title">{t('checkin.trendTitle')}</h2>
        {trend === 'loading' && <p>{t('checkin.trendLoading')}</p>}
        {trend === 'error' && <p>{t('checkin.trendError')}</p>}
        {Array.isArray(trend) && (
          <Suspense fallback={null}>
            <Trend items={trend} />
          </Suspense>
        )}
      </section>
      <Suspense fallback={null}>
        <DueQuestionnaires token={token} onOpen={onOpen} onProblem={onProblem} />
      </Suspense>
      <button type="button" className="ci-button ci-secondary" onClick={onAnother}>
        {t('checkin.another')}
      </button>
    </>
  )
}

/** The check-in could not be sent yet: it waits on the phone, with a button to try again. */
export function KeptScreen({ note, busy, onSend }: { note: string | null; busy: boolean; onSend: () => void }) {
  const { t } = usePhoneTranslation()
  return (
    <div className="ci-card ci-kept" role="status">
      <p>
        <Pictogram name="mobile" />
        {note ? t('checkin.keptRateLimited') : t('checkin.keptText')}
      </p>
      {note && <p>{note}</p>}
      <button type="button" className="ci-button" aria-disabled={busy || undefined} onClick={onSend}>
        {busy ? t('checkin.sending') : t('checkin.sendNow')}
      </button>
    </div>
  )
}
