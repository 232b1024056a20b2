import { useTranslation } from 'react-i18next'
import { Field } from '../../components/Field'
import { type GoalValues, LADDER_ORDER, stepsWritten } from './goalValues'
import { LADDER_KEYS, type Ladder } from './types'

interface GoalLadderFieldsProps {
  id: (name: string) => string
  ladder: GoalValues['ladder']
  labels: Record<string, string>
  errors: Record<string, string | undefined>
  onChange: (ladder: GoalValues['ladder']) => void
}

/**
 * The GAS ladder, written before anything else: 0 (what we expect) first, then −1 and +1, then −2 and +2.
 * Each step is a multi-line field; a line under the ladder says how far it is and what that means for the goal.
 */
export function GoalLadderFields({ id, ladder, labels, errors, onChange }: GoalLadderFieldsProps) {
  const { t } = useTranslation()
  const written = stepsWritten(ladder)
  return (
    <fieldset className="fieldset-plain ladder-fields" id={id('ladder')} tabIndex={-1}>
      <legend>{t('plan.ladder.title')}</legend>
      <p className="hint">{t('plans.goalForm.ladderHint')}</p>
      {errors.ladder ? <p className="field-error">{errors.ladder}</p> : null}
      {LADDER_ORDER.map((level) => {
        const key: keyof Ladder = LADDER_KEYS[level]
        const name = `ladder.${key}`
        return (
          <Field
            key={level}
            id={id(name)}
            label={labels[name] ?? ''}
            hint={t(`plan.ladder.meaning.${key}`)}
            error={errors[name]}
            required
          >
            {(props) => (
              <textarea
                {...props}
                rows={2}
                maxLength={500}
                value={ladder[key]}
                onChange={(e) => onChange({ ...ladder, [key]: e.target.value })}
              />
            )}
          </Field>
        )
      })}
      <p className={written === 5 ? 'ladder-progress ladder-done' : 'ladder-progress'} role="status">
        {t('plans.goalForm.ladderProgress', { count: written })}{' '}
        {written === 5 ? t('plans.goalForm.ladderDone') : t('plans.goalForm.ladderDraft')}
      </p>
    </fieldset>
  )
}
