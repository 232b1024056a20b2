import { type SyntheticEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorSummary, Field } from '../../components/Field'
import { formErrors, newIdempotencyKey } from '../../components/forms'
import { useFocusFirstField } from './focus'
import { useRecordScore } from './queries'
import { type Goal, LEVELS, ladderText, levelLabel } from './types'
import { useFormValues } from '../../components/useFormValues'

function today(): string {
  const now = new Date()
  return `${String(now.getFullYear())}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`
}

/** Where does the goal stand today? Each level is shown with the family's own words for it. */
export function ScoreForm({
  familyId,
  goal,
  onDone,
  onCancel,
}: {
  familyId: string
  goal: Goal
  onDone: () => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const formRef = useFocusFirstField<HTMLFormElement>()
  const form = useFormValues(() => ({
    scoredOn: today(),
    level: goal.gas_level === null ? '' : String(goal.gas_level),
    note: '',
  }))
  const { scoredOn, level, note } = form.values
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey)
  const record = useRecordScore(familyId, goal.id)
  const shown = formErrors(record.error, clientErrors, ['scored_on', 'level', 'note'], t)
  const prefix = `score-${goal.id}-`
  const labels = { scored_on: t('plan.score.date'), level: t('plan.score.level'), note: t('plan.score.note') }

  function submit(event: SyntheticEvent) {
    event.preventDefault()
    const missing: Record<string, string> = {}
    if (level === '') missing.level = t('plan.score.chooseLevel')
    if (scoredOn === '') missing.scored_on = t('form.required')
    setClientErrors(missing)
    if (Object.keys(missing).length > 0) return
    record.mutate(
      { body: { scored_on: scoredOn, level: Number(level), note: note.trim() || null }, idempotencyKey },
      {
        onSuccess: () => {
          setIdempotencyKey(newIdempotencyKey())
          onDone()
        },
      },
    )
  }

  return (
    <form className="plan-form" onSubmit={submit} noValidate ref={formRef}>
      <fieldset className="fieldset">
        <legend>{t('plan.score.title')}</legend>
        <ErrorSummary errors={shown.fields} labels={labels} detail={shown.detail} fieldPrefix={prefix} />
        <Field date id={`${prefix}scored_on`} label={labels.scored_on} error={shown.fields.scored_on} required>
          {(props) => (
            <input {...props} type="date" value={scoredOn} onChange={(e) => form.set('scoredOn', e.target.value)} />
          )}
        </Field>
        <fieldset className="fieldset-plain" id={`${prefix}level`} tabIndex={-1}>
          <legend>{labels.level}</legend>
          {shown.fields.level ? <p className="field-error">{shown.fields.level}</p> : null}
          <div className="level-options">
            {LEVELS.map((option) => (
              <div className="level-option" key={option}>
                <input
                  type="radio"
                  id={`${prefix}level-${String(option)}`}
                  name={`${prefix}level`}
                  value={String(option)}
                  checked={level === String(option)}
                  onChange={() => form.set('level', String(option))}
                />
                <label htmlFor={`${prefix}level-${String(option)}`}>
                  <strong className="level-number">{levelLabel(option)}</strong> {ladderText(goal.ladder, option)}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <Field id={`${prefix}note`} label={labels.note} error={shown.fields.note}>
          {(props) => (
            <textarea
              {...props}
              rows={2}
              maxLength={1000}
              value={note}
              onChange={(e) => form.set('note', e.target.value)}
            />
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button" disabled={record.isPending}>
            {record.isPending ? t('common.saving') : t('plan.score.save')}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </fieldset>
    </form>
  )
}
