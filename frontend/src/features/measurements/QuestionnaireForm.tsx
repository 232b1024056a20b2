import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/States'
import { isAllowed, itemText, localized, optionSetOf } from './text'
import type { Definition } from './types'

interface Props {
  definition: Definition
  answers: Readonly<Record<string, number>>
  onAnswer: (item: number, value: number | null) => void
  disabled?: boolean
  /** Items to point out (for example: not answered yet when completing). */
  flagged?: readonly number[]
}

/**
 * The questions, one per row, each a group of large radio buttons (also comfortable on a 360 px phone).
 * Only the instrument's own answer values can be chosen; "clear" takes an answer back.
 */
export function QuestionnaireForm({ definition, answers, onAnswer, disabled = false, flagged = [] }: Props) {
  const { t, i18n } = useTranslation()
  const withoutText = definition.items.some((item) => itemText(item, i18n.language) === null)
  return (
    <>
      {withoutText && !disabled ? (
        <Alert kind="info">
          <p>{t('measurements.form.paperNote')}</p>
        </Alert>
      ) : null}
      <ol className="questionnaire">
        {definition.items.map((item) => {
          const options = optionSetOf(definition, item)?.options ?? []
          const wording = itemText(item, i18n.language)
          const chosen = answers[String(item.number)]
          const isFlagged = flagged.includes(item.number)
          return (
            <li
              key={item.number}
              id={`item-${item.number}`}
              className={isFlagged ? 'question question-flagged' : 'question'}
            >
              <fieldset disabled={disabled}>
                <legend>
                  {wording ? (
                    <>
                      <span className="question-number">{item.number}.</span>{' '}
                      <span lang={wording.language === i18n.language.slice(0, 2) ? undefined : wording.language}>
                        {wording.text}
                      </span>
                    </>
                  ) : (
                    t('measurements.form.licensedItem', { number: item.number })
                  )}
                  {isFlagged ? <span className="question-flag">{t('measurements.form.notAnswered')}</span> : null}
                </legend>
                <div className={options.length > 5 ? 'answer-options answer-options-many' : 'answer-options'}>
                  {options.map((option) => (
                    <label key={option.value} className="answer-option">
                      <input
                        type="radio"
                        name={`item-${item.number}`}
                        value={option.value}
                        checked={chosen === option.value}
                        onChange={() => {
                          if (isAllowed(definition, item, option.value)) onAnswer(item.number, option.value)
                        }}
                      />
                      <span>{localized(option.label, i18n.language)}</span>
                    </label>
                  ))}
                </div>
                {chosen === undefined || disabled ? null : (
                  <button
                    type="button"
                    className="link-button answer-clear"
                    onClick={() => onAnswer(item.number, null)}
                  >
                    {t('measurements.form.clear')}
                    <span className="visually-hidden">
                      {' '}
                      ({t('measurements.form.question', { number: item.number })})
                    </span>
                  </button>
                )}
              </fieldset>
            </li>
          )
        })}
      </ol>
    </>
  )
}

/** Which questions are still open, above the button that sends the answers (focused by `id` when it is pressed). */
export function OpenQuestions({ id, flagged, body }: { id: string; flagged: readonly number[]; body: string }) {
  const { t } = useTranslation()
  if (flagged.length === 0) return null
  return (
    <div className="alert alert-warning" role="alert" tabIndex={-1} id={id}>
      <p className="alert-title">{t('measurements.form.openTitle', { count: flagged.length })}</p>
      <p>{body}</p>
    </div>
  )
}
