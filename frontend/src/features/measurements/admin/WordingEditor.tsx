import { useState } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { Field } from '../../../components/Field'
import { blankToNull } from '../../../components/forms'
import type { Definition } from '../types'

/** The API's maximum lengths (api/measurements/definitions.py: ItemText and Label). */
const ITEM_TEXT_MAX = 500
const LABEL_MAX = 200

interface Pair {
  nl: string
  en: string
}

/** Item wording and answer labels as typed; numbers, values, keying and scales are not editable here. */
export interface WordingDraft {
  items: Pair[]
  options: Pair[][]
}

export function wordingDraftOf(definition: Definition): WordingDraft {
  return {
    items: definition.items.map((item) => ({ nl: item.text_nl ?? '', en: item.text_en ?? '' })),
    options: definition.option_sets.map((set) => set.options.map((option) => ({ ...option.label }))),
  }
}

/** The definition's items and option sets with the typed wording; an empty item text is sent as "no text". */
export function applyWording(definition: Definition, draft: WordingDraft): Pick<Definition, 'items' | 'option_sets'> {
  return {
    items: definition.items.map((item, i) => {
      const typed = draft.items[i]
      return typed ? { ...item, text_nl: blankToNull(typed.nl), text_en: blankToNull(typed.en) } : item
    }),
    option_sets: definition.option_sets.map((set, s) => ({
      ...set,
      options: set.options.map((option, o) => {
        const typed = draft.options[s]?.[o]
        return typed ? { ...option, label: { nl: typed.nl.trim(), en: typed.en.trim() } } : option
      }),
    })),
  }
}

const itemField = (index: number, language: 'nl' | 'en') => `items.${index}.text_${language}`
const optionField = (set: number, option: number, language: 'nl' | 'en') =>
  `option_sets.${set}.options.${option}.label.${language}`

/** The API field names this editor shows errors for, with the label the error summary uses. */
export function wordingLabels(definition: Definition, t: TFunction): Record<string, string> {
  const labels: Record<string, string> = {}
  definition.items.forEach((item, i) => {
    labels[itemField(i, 'nl')] =
      `${t('measurements.admin.wording.item', { number: item.number })} (${t('measurements.admin.wording.nl')})`
    labels[itemField(i, 'en')] =
      `${t('measurements.admin.wording.item', { number: item.number })} (${t('measurements.admin.wording.en')})`
  })
  definition.option_sets.forEach((set, s) => {
    set.options.forEach((option, o) => {
      labels[optionField(s, o, 'nl')] =
        `${t('measurements.admin.wording.option', { value: option.value })} (${t('measurements.admin.wording.nl')})`
      labels[optionField(s, o, 'en')] =
        `${t('measurements.admin.wording.option', { value: option.value })} (${t('measurements.admin.wording.en')})`
    })
  })
  return labels
}

/** The id of the control for an API field name, so the error summary can link to it. */
export const wordingFieldId = (field: string) => `wording-${field.replaceAll('.', '-')}`
const hintId = (index: number) => `wording-items-${index}-hint`

export function WordingEditor({
  definition,
  draft,
  onChange,
  errors,
}: {
  definition: Definition
  draft: WordingDraft
  onChange: (draft: WordingDraft) => void
  errors: Record<string, string>
}) {
  const { t } = useTranslation()
  const itemErrors = Object.keys(errors).some((field) => field.startsWith('items.'))
  const optionErrors = Object.keys(errors).some((field) => field.startsWith('option_sets.'))
  const [open, setOpen] = useState({ items: false, options: false })
  const setItem = (index: number, change: Partial<Pair>) =>
    onChange({ ...draft, items: draft.items.map((pair, i) => (i === index ? { ...pair, ...change } : pair)) })
  const setOption = (set: number, index: number, change: Partial<Pair>) =>
    onChange({
      ...draft,
      options: draft.options.map((pairs, s) =>
        s === set ? pairs.map((pair, o) => (o === index ? { ...pair, ...change } : pair)) : pairs,
      ),
    })
  const optionCount = definition.option_sets.reduce((sum, set) => sum + set.options.length, 0)

  return (
    <section className="wording" aria-labelledby="wording-heading">
      <h3 id="wording-heading">{t('measurements.admin.wording.title')}</h3>
      <p className="muted">{t('measurements.admin.wording.apiOnly')}</p>
      <details
        className="wording-block"
        open={open.items || itemErrors}
        onToggle={(event) => setOpen({ ...open, items: event.currentTarget.open })}
      >
        <summary>{t('measurements.admin.wording.items', { count: definition.items.length })}</summary>
        <ol className="wording-list">
          {definition.items.map((item, index) => {
            const pair = draft.items[index] ?? { nl: '', en: '' }
            const empty = !item.text_nl && !item.text_en
            return (
              <li key={item.number}>
                <fieldset className="wording-item">
                  <legend>
                    {t('measurements.admin.wording.item', { number: item.number })}
                    {item.reverse_keyed ? <span className="badge">{t('measurements.admin.reversed')}</span> : null}
                  </legend>
                  {empty ? (
                    <p className="hint" id={hintId(index)}>
                      {t('measurements.admin.wording.noText')}
                    </p>
                  ) : null}
                  <div className="wording-pair">
                    {(['nl', 'en'] as const).map((language) => (
                      <Field
                        key={language}
                        id={wordingFieldId(itemField(index, language))}
                        label={t(`measurements.admin.wording.${language}`)}
                        error={errors[itemField(index, language)]}
                      >
                        {(props) => (
                          <textarea
                            {...props}
                            aria-describedby={
                              [empty ? hintId(index) : null, props['aria-describedby']].filter(Boolean).join(' ') ||
                              undefined
                            }
                            rows={2}
                            maxLength={ITEM_TEXT_MAX}
                            value={pair[language]}
                            onChange={(event) => setItem(index, { [language]: event.target.value })}
                          />
                        )}
                      </Field>
                    ))}
                  </div>
                </fieldset>
              </li>
            )
          })}
        </ol>
      </details>
      <details
        className="wording-block"
        open={open.options || optionErrors}
        onToggle={(event) => setOpen({ ...open, options: event.currentTarget.open })}
      >
        <summary>{t('measurements.admin.wording.options', { count: optionCount })}</summary>
        {definition.option_sets.map((set, s) => (
          <fieldset key={set.code} className="wording-item">
            <legend>{t('measurements.admin.wording.optionSet', { code: set.code })}</legend>
            {set.options.map((option, o) => {
              const pair = draft.options[s]?.[o] ?? { nl: '', en: '' }
              return (
                <fieldset key={option.value} className="wording-option">
                  <legend className="wording-value">
                    {t('measurements.admin.wording.option', { value: option.value })}
                  </legend>
                  <div className="wording-pair">
                    {(['nl', 'en'] as const).map((language) => (
                      <Field
                        key={language}
                        id={wordingFieldId(optionField(s, o, language))}
                        label={t(`measurements.admin.wording.${language}`)}
                        error={errors[optionField(s, o, language)]}
                        required
                      >
                        {(props) => (
                          <input
                            {...props}
                            type="text"
                            maxLength={LABEL_MAX}
                            value={pair[language]}
                            onChange={(event) => setOption(s, o, { [language]: event.target.value })}
                          />
                        )}
                      </Field>
                    ))}
                  </div>
                </fieldset>
              )
            })}
          </fieldset>
        ))}
      </details>
    </section>
  )
}
