import { type SyntheticEvent, useState } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { Field } from '../../../components/Field'
import { formErrors } from '../../../components/forms'
import { Alert } from '../../../components/States'
import { useEditInstrument } from '../queries'
import type { Band, Definition, Scale } from '../types'
import { applyWording, WordingEditor, wordingDraftOf, wordingFieldId, wordingLabels } from './WordingEditor'

/** "3,5" or "3.5" → 3.5; blank → null; anything else → NaN (refused before sending). */
export function parseDecimal(value: string): number | null {
  const trimmed = value.trim()
  if (trimmed === '') return null
  return /^-?\d+([.,]\d+)?$/.test(trimmed) ? Number(trimmed.replace(',', '.')) : Number.NaN
}

const show = (value: number | null | undefined) =>
  value === null || value === undefined ? '' : String(value).replace('.', ',')

interface BandDraft {
  lower: string
  upper: string
  nl: string
  en: string
}

interface ScaleDraft {
  nl: string
  en: string
  bands: BandDraft[]
  mean: string
  sd: string
  reliability: string
  cutoff: string
}

function draftOf(scale: Scale): ScaleDraft {
  return {
    nl: scale.name.nl,
    en: scale.name.en,
    bands: scale.bands.map((band) => ({
      lower: show(band.lower),
      upper: show(band.upper),
      nl: band.label.nl,
      en: band.label.en,
    })),
    mean: show(scale.norms?.mean),
    sd: show(scale.norms?.sd),
    reliability: show(scale.norms?.reliability),
    cutoff: show(scale.clinical_cutoff),
  }
}

/** The scale with the edited fields; a list of problems (in the form's words) when a number is not a number. */
function applyDraft(scale: Scale, draft: ScaleDraft, problems: string[], t: TFunction): Scale {
  const number = (value: string, label: string) => {
    const parsed = parseDecimal(value)
    if (Number.isNaN(parsed)) problems.push(t('measurements.admin.notANumber', { field: `${draft.nl} · ${label}` }))
    return parsed
  }
  const bands: Band[] = draft.bands.map((band) => ({
    lower: number(band.lower, t('measurements.admin.lower')) ?? 0,
    upper: number(band.upper, t('measurements.admin.upper')) ?? 0,
    label: { nl: band.nl, en: band.en },
  }))
  const mean = number(draft.mean, t('measurements.admin.normMean'))
  const sd = number(draft.sd, t('measurements.admin.normSd'))
  const reliability = number(draft.reliability, t('measurements.admin.normR'))
  const cutoff = number(draft.cutoff, t('measurements.admin.cutoff'))
  const hasNorms = mean !== null || sd !== null || reliability !== null
  if (hasNorms && (mean === null || sd === null || reliability === null))
    problems.push(t('measurements.admin.normsIncomplete', { scale: draft.nl }))
  return {
    ...scale,
    name: { nl: draft.nl, en: draft.en },
    bands,
    clinical_cutoff: cutoff,
    norms: hasNorms
      ? {
          ...(scale.norms ?? {}),
          mean: mean ?? 0,
          sd: sd ?? 0,
          reliability: reliability ?? 0,
          status: normsStatus(scale, mean, sd, reliability),
        }
      : null,
  }
}

/** Figures typed in here have no citation yet: changed norms are example norms until a source is given. */
function normsStatus(
  scale: Scale,
  mean: number | null,
  sd: number | null,
  reliability: number | null,
): 'example' | 'sourced' {
  const old = scale.norms
  const same = old != null && old.mean === mean && old.sd === sd && old.reliability === reliability
  return same ? old.status : 'example'
}

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
  const [text, setText] = useState({
    nameNl: definition.name.nl,
    nameEn: definition.name.en,
    descriptionNl: definition.description.nl,
    descriptionEn: definition.description.en,
    owner: definition.licence.owner,
    terms: definition.licence.terms,
  })
  const [drafts, setDrafts] = useState<ScaleDraft[]>(() => scales.map(draftOf))
  const [wording, setWording] = useState(() => wordingDraftOf(definition))
  const [problems, setProblems] = useState<string[]>([])
  const labels = wordingLabels(definition, t)
  const errors = formErrors(edit.error, {}, Object.keys(labels), t)

  const setDraft = (index: number, change: Partial<ScaleDraft>) =>
    setDrafts((current) => current.map((draft, i) => (i === index ? { ...draft, ...change } : draft)))

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
      ...applyWording(definition, wording),
      subscales,
      total: definition.total ? (edited.at(-1) ?? null) : null,
    }
    edit.mutate(body, { onSuccess: (result) => onDone(Boolean(result.created_new_version)) })
  }

  const textField = (name: keyof typeof text, label: string, long = false) => (
    <Field label={label} required>
      {(props) =>
        long ? (
          <textarea
            {...props}
            rows={3}
            value={text[name]}
            onChange={(event) => setText({ ...text, [name]: event.target.value })}
          />
        ) : (
          <input
            {...props}
            type="text"
            value={text[name]}
            maxLength={200}
            onChange={(event) => setText({ ...text, [name]: event.target.value })}
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
      <WordingEditor definition={definition} draft={wording} onChange={setWording} errors={errors.fields} />
      {drafts.map((draft, index) => (
        <fieldset key={scales[index]?.code ?? index} className="fieldset">
          <legend>{t('measurements.admin.scaleLegend', { scale: draft.nl })}</legend>
          <div className="form-grid">
            <Field label={t('measurements.admin.nameNl')} required>
              {(props) => (
                <input
                  {...props}
                  type="text"
                  value={draft.nl}
                  onChange={(event) => setDraft(index, { nl: event.target.value })}
                />
              )}
            </Field>
            <Field label={t('measurements.admin.nameEn')} required>
              {(props) => (
                <input
                  {...props}
                  type="text"
                  value={draft.en}
                  onChange={(event) => setDraft(index, { en: event.target.value })}
                />
              )}
            </Field>
            {(['mean', 'sd', 'reliability', 'cutoff'] as const).map((name) => (
              <Field
                key={name}
                label={t(
                  `measurements.admin.${name === 'mean' ? 'normMean' : name === 'sd' ? 'normSd' : name === 'reliability' ? 'normR' : 'cutoff'}`,
                )}
              >
                {(props) => (
                  <input
                    {...props}
                    type="text"
                    inputMode="decimal"
                    value={draft[name]}
                    onChange={(event) => setDraft(index, { [name]: event.target.value })}
                  />
                )}
              </Field>
            ))}
          </div>
          <BandsEditor bands={draft.bands} onChange={(bands) => setDraft(index, { bands })} />
        </fieldset>
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

function BandsEditor({ bands, onChange }: { bands: BandDraft[]; onChange: (bands: BandDraft[]) => void }) {
  const { t } = useTranslation()
  const set = (index: number, change: Partial<BandDraft>) =>
    onChange(bands.map((band, i) => (i === index ? { ...band, ...change } : band)))
  return (
    <div className="bands-editor">
      <p className="readonly-label">{t('measurements.admin.bands')}</p>
      {bands.map((band, index) => (
        <div key={index} className="band-row">
          <Field label={t('measurements.admin.lower')} required>
            {(props) => (
              <input
                {...props}
                type="text"
                inputMode="decimal"
                value={band.lower}
                onChange={(event) => set(index, { lower: event.target.value })}
              />
            )}
          </Field>
          <Field label={t('measurements.admin.upper')} required>
            {(props) => (
              <input
                {...props}
                type="text"
                inputMode="decimal"
                value={band.upper}
                onChange={(event) => set(index, { upper: event.target.value })}
              />
            )}
          </Field>
          <Field label={t('measurements.admin.labelNl')} required>
            {(props) => (
              <input
                {...props}
                type="text"
                value={band.nl}
                onChange={(event) => set(index, { nl: event.target.value })}
              />
            )}
          </Field>
          <Field label={t('measurements.admin.labelEn')} required>
            {(props) => (
              <input
                {...props}
                type="text"
                value={band.en}
                onChange={(event) => set(index, { en: event.target.value })}
              />
            )}
          </Field>
          <button
            type="button"
            className="link-button link-danger"
            onClick={() => onChange(bands.filter((_, i) => i !== index))}
          >
            {t('measurements.admin.removeBand', { label: band.nl || index + 1 })}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={() => onChange([...bands, { lower: '', upper: '', nl: '', en: '' }])}
      >
        {t('measurements.admin.addBand')}
      </button>
    </div>
  )
}
