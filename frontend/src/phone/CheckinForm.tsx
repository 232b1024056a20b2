import { type SyntheticEvent, useRef, useState } from 'react'
import { useValues } from '../components/formValues'
import { usePhoneTranslation } from './i18n'
import { type CheckinCreate, type CheckinNeed, NEEDS } from './api'
import { Pictogram, type PictogramName } from './Pictogram'
import { Scale } from './Scale'

const NEED_ICONS: Record<CheckinNeed, PictogramName> = {
  talk: 'talk',
  practical_help: 'home',
  respite: 'rest',
  money_paperwork: 'document',
  school_work: 'schoolbag',
  call_me: 'phone',
}

interface Values {
  wellbeing: number | null
  burden: number | null
  needs: CheckinNeed[]
  needsText: string
  message: string
}

interface Props {
  supporter: string | null
  busy: boolean
  onSubmit: (body: CheckinCreate) => void
}

/** The check-in itself: two numbers, what is needed, a message. Only the two numbers are required. */
export function CheckinForm({ supporter, busy, onSubmit }: Props) {
  const { t } = usePhoneTranslation()
  // The staff forms' value logic without their draft store, which would grow the phone's bundle.
  const form = useValues<Values>(() => ({ wellbeing: null, burden: null, needs: [], needsText: '', message: '' }))
  const { wellbeing, burden, needs, needsText, message } = form.values
  const [tried, setTried] = useState(false)
  const summary = useRef<HTMLDivElement>(null)

  function toggle(need: CheckinNeed) {
    form.set('needs', needs.includes(need) ? needs.filter((n) => n !== need) : [...needs, need])
  }

  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault()
    if (busy) return
    if (wellbeing === null || burden === null) {
      setTried(true)
      requestAnimationFrame(() => summary.current?.focus())
      return
    }
    onSubmit({
      wellbeing,
      care_burden: burden,
      needs,
      needs_text: needsText.trim() || null,
      message: message.trim() || null,
    })
  }

  const wellbeingError = tried && wellbeing === null ? t('checkin.pickNumber') : null
  const burdenError = tried && burden === null ? t('checkin.pickNumber') : null
  return (
    <form onSubmit={submit} noValidate className="ci-form">
      {(wellbeingError ?? burdenError) && (
        <div className="ci-summary" role="alert" tabIndex={-1} ref={summary}>
          <p>{t('checkin.errorSummary')}</p>
          <ul>
            {wellbeingError && (
              <li>
                <a href="#ci-wellbeing">{t('checkin.wellbeing')}</a>
              </li>
            )}
            {burdenError && (
              <li>
                <a href="#ci-care_burden">{t('checkin.burden')}</a>
              </li>
            )}
          </ul>
        </div>
      )}
      <Scale
        name="wellbeing"
        legend={t('checkin.wellbeing')}
        low={t('checkin.wellbeingLow')}
        high={t('checkin.wellbeingHigh')}
        lowIcon={<Pictogram name="sad" />}
        highIcon={<Pictogram name="happy" />}
        value={wellbeing}
        error={wellbeingError}
        onChange={(value) => form.set('wellbeing', value)}
      />
      <Scale
        name="care_burden"
        legend={t('checkin.burden')}
        low={t('checkin.burdenLow')}
        high={t('checkin.burdenHigh')}
        lowIcon={<Pictogram name="light" />}
        highIcon={<Pictogram name="heavy" />}
        value={burden}
        error={burdenError}
        onChange={(value) => form.set('burden', value)}
      />
      <fieldset className="ci-card">
        <legend className="ci-legend">{t('checkin.needs')}</legend>
        <p className="ci-hint">{t('checkin.needsHint')}</p>
        <div className="ci-needs">
          {NEEDS.map((need) => (
            <label key={need} className="ci-need">
              <input type="checkbox" checked={needs.includes(need)} onChange={() => toggle(need)} />
              <Pictogram name={NEED_ICONS[need]} className="ci-need-icon" />
              <span>{t(`checkin.need.${need}`)}</span>
            </label>
          ))}
        </div>
        <label className="ci-label" htmlFor="ci-needs-text">
          {t('checkin.needsText')} <span className="ci-optional">{t('checkin.optional')}</span>
        </label>
        <textarea
          id="ci-needs-text"
          rows={2}
          maxLength={500}
          value={needsText}
          onChange={(e) => form.set('needsText', e.target.value)}
        />
      </fieldset>
      <div className="ci-card">
        <label className="ci-label" htmlFor="ci-message">
          <Pictogram name="mail" />
          {supporter ? t('checkin.message', { name: supporter }) : t('checkin.messageAnonymous')}{' '}
          <span className="ci-optional">{t('checkin.optional')}</span>
        </label>
        <textarea
          id="ci-message"
          rows={4}
          maxLength={1000}
          value={message}
          onChange={(e) => form.set('message', e.target.value)}
        />
      </div>
      <button type="submit" className="ci-button ci-send" aria-disabled={busy || undefined}>
        {busy ? t('checkin.sending') : t('checkin.send')}
      </button>
    </form>
  )
}
