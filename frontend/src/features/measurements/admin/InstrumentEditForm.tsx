import { type SyntheticEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Field } from '../../../components/Field'
import { formErrors } from '../../../components/forms'
import { useFormValues } from '../../../components/useFormValues'
import { Alert } from '../../../components/States'
import { useEditInstrument } from '../queries'
import type { Definition } from '../types'
import { ScaleFieldset } from './ScaleFieldset'
import { applyDraft, draftOf, type ScaleDraft } from './scaleDraft'
import { applyWording, WordingEditor, wordingDraftOf, wordingFieldId, wordingLabels } from './WordingEditor'

export { parseDecimal } from './scaleDraft'

export function InstrumentEditForm({
  definition,
  answered,
  onDone,
}: {
  definition: Definition
  answered: number
  onDone: (createdNewVersion: boolean) => void
}) {
  const { t } = useTranslation()
  const edit = useEditInstrument(definition.code)
  const scales = [...definition.subscales, ...(definition.total ? [definition.total] : [])]
  const form = useFormValues(() => ({
    nameNl: definition.name.nl,
    nameEn: definition.name.en,
    descriptionNl: definition.description.nl,
    descriptionEn: definition.description.en,
    owner: definition.licence.owner,
    terms: definition.licence.terms,
    scales: scales.map(draftOf),
    wording: wordingDraftOf(definition),
  }))
  const text = form.values
  const drafts = form.values.scales
  const [problems, setProblems] = useState<string[]>([])
  const labels = wordingLabels(definition, t)
  const errors = formErrors(edit.error, {}, Object.keys(labels), t)

  const setDraft = (index: number, change: Partial<ScaleDraft>) =>
    form.set(
      'scales',
      drafts.map((draft, i) => (i === index ? { ...draft, ...change } : draft)),
    )

  const submit = (event: SyntheticEvent) => {
    event.preventDefault()
    const found: string[] = []
    const edited = scales.map((scale, index) => applyDraft(scale, drafts[index] ?? draftOf(scale), found, t))
    setProblems(found)
    if (found.length > 0) return
    const subscales = edited.slice(0, definition.subscales.length)
    const body: Definition = {
      ...definition,
      name: { nl: text.nameNl, en: text.nameEn },
      description: { nl: text.descriptionNl, en: text.descriptionEn },
      licence: { ...definition.licence, owner: text.owner, terms: text.terms },
      ...applyWording(definition, text.wording),
      subscales,
      total: definition.total ? (edited.at(-1) ?? null) : null,
    }
    edit.mutate(body, { onSuccess: (result) => onDone(Boolean(result.created_new_version)) })
  }

  const textField = (
    name: 'nameNl' | 'nameEn' | 'descriptionNl' | 'descriptionEn' | 'owner' | 'terms',
    label: string,
    long = false,
  ) => (
    <Field label={label} required>
      {(props) =>
        long ? (
          <textarea {...props} rows={3} value={text[name]} onChange={(event) => form.set(name, event.target.value)} />
        ) : (
          <input
            {...props}
            type="text"
            value={text[name]}
            maxLength={200}
            onChange={(event) => form.set(name, event.target.value)}
          />
        )
      }
    </Field>
  )

  return (
    <form
      className="card form instrument-form measurement-form"
      onSubmit={submit}
      noValidate
      aria-labelledby="edit-heading"
    >
      <h2 id="edit-heading">{t('measurements.admin.editTitle')}</h2>
      <Alert kind="info">
        <p>
          {answered > 0
            ? t('measurements.admin.newVersionNote', { count: answered, next: definition.version + 1 })
            : t('measurements.admin.replaceNote', { version: definition.version })}
        </p>
      </Alert>
      {problems.length > 0 || errors.detail || Object.keys(errors.fields).length > 0 ? (
        <div className="alert alert-error" role="alert">
          <p className="alert-title">{t('form.summaryTitle')}</p>
          {errors.detail ? <p>{errors.detail}</p> : null}
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
            {Object.entries(errors.fields).map(([field, message]) => (
              <li key={field}>
                <a
                  href={`#${wordingFieldId(field)}`}
                  onClick={(event) => {
                    event.preventDefault()
                    document.getElementById(wordingFieldId(field))?.focus()
                  }}
                >
                  {labels[field]}: {message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="form-grid">
        {textField('nameNl', t('measurements.admin.nameNl'))}
        {textField('nameEn', t('measurements.admin.nameEn'))}
        {textField('descriptionNl', t('measurements.admin.descriptionNl'), true)}
        {textField('descriptionEn', t('measurements.admin.descriptionEn'), true)}
        {textField('owner', t('measurements.admin.owner'))}
        {textField('terms', t('measurements.admin.terms'), true)}
      </div>
      <WordingEditor
        definition={definition}
        draft={text.wording}
        onChange={(wording) => form.set('wording', wording)}
        errors={errors.fields}
      />
      {drafts.map((draft, index) => (
        <ScaleFieldset
          key={scales[index]?.code ?? index}
          draft={draft}
          onChange={(change) => setDraft(index, change)}
        />
      ))}
      <div className="form-actions">
        <button type="submit" className="button" disabled={edit.isPending}>
          {edit.isPending ? t('common.saving') : answered > 0 ? t('measurements.admin.saveNew') : t('common.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
