import { type SyntheticEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Field } from '../../components/Field'
import { PageHeading } from '../../components/Page'
import { Alert, ErrorState, Loading, errorText } from '../../components/States'
import { formatDate } from '../../i18n/format'
import { type Draft, normalise } from './draft'
import { AssumptionsEditor, FactorsEditor, TypesEditor } from './ModelParts'
import { useEditModel, useModel, useModelVersions } from './queries'
import type { ModelPublic } from './types'
import './businessCase.css'
import { useFormValues } from '../../components/useFormValues'

/** Administrators: the business-case model as data; saving makes a new version and never changes an old one. */
export function ModelEditorPage() {
  const { t } = useTranslation()
  const model = useModel()
  const [saved, setSaved] = useState<number | null>(null)
  const title = t('businessCase.editor.title')
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">{t('businessCase.editor.intro')}</p>
      <Alert kind="info">
        <p>{t('businessCase.editor.dock4')}</p>
      </Alert>
      {model.isPending ? (
        <Loading />
      ) : model.isError ? (
        <ErrorState error={model.error} onRetry={() => void model.refetch()} />
      ) : (
        <>
          {saved ? <Alert kind="success">{t('businessCase.editor.saved', { version: saved })}</Alert> : null}
          <Editor key={model.data.version} current={model.data} onSaved={setSaved} />
        </>
      )}
      <Versions />
    </>
  )
}

/** Saving reloads the model as the new version, which starts a fresh editor (hence the message lives above). */
function Editor({ current, onSaved }: { current: ModelPublic; onSaved: (version: number) => void }) {
  const { t } = useTranslation()
  const { values: draft, update } = useFormValues<Draft>(() => current.model)
  const [note, setNote] = useState('')
  const [invalid, setInvalid] = useState(false)
  const save = useEditModel()
  const submit = (event: SyntheticEvent) => {
    event.preventDefault()
    const model = normalise(draft)
    setInvalid(model === null)
    if (model)
      save.mutate(
        { based_on_version: current.version, change_note: note, model },
        { onSuccess: (data) => onSaved(data.version) },
      )
  }
  return (
    <form className="bc-editor" onSubmit={submit} noValidate>
      <section className="card" aria-labelledby="bc-edit-general">
        <h2 id="bc-edit-general">{t('businessCase.versionOption', { version: current.version })}</h2>
        <div className="bc-editor-grid">
          <Field label={t('businessCase.editor.name')} required>
            {(props) => (
              <input {...props} value={draft.name} onChange={(event) => update({ name: event.target.value })} />
            )}
          </Field>
          <Field label={t('businessCase.editor.priceYear')} required>
            {(props) => (
              <input
                {...props}
                type="number"
                value={draft.price_year}
                onChange={(event) => update({ price_year: Number(event.target.value) })}
              />
            )}
          </Field>
          <Field label={t('businessCase.editor.supportPayer')} required>
            {(props) => (
              <select
                {...props}
                value={draft.support_payer}
                onChange={(event) => update({ support_payer: event.target.value })}
              >
                {draft.payers.map((payer) => (
                  <option key={payer.code} value={payer.code}>
                    {payer.name_nl}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.is_example}
            onChange={(event) => update({ is_example: event.target.checked })}
          />{' '}
          {t('businessCase.editor.isExample')}
        </label>
      </section>
      <TypesEditor draft={draft} onChange={update} />
      <FactorsEditor draft={draft} onChange={update} />
      <AssumptionsEditor draft={draft} onChange={update} />
      <section className="card">
        <Field label={t('businessCase.editor.changeNote')} required>
          {(props) => <textarea {...props} rows={2} value={note} onChange={(event) => setNote(event.target.value)} />}
        </Field>
        {invalid ? <Alert kind="error">{t('businessCase.editor.invalid')}</Alert> : null}
        {save.isError ? <Alert kind="error">{errorText(save.error, t)}</Alert> : null}
        <button type="submit" className="button" disabled={save.isPending || !note.trim()}>
          {t('businessCase.editor.save')}
        </button>
      </section>
    </form>
  )
}

function Versions() {
  const { t } = useTranslation()
  const versions = useModelVersions()
  if (!versions.data) return null
  return (
    <section className="card" aria-labelledby="bc-versions">
      <h2 id="bc-versions">{t('businessCase.editor.versions')}</h2>
      <ul>
        {versions.data.items.map((version) => (
          <li key={version.version}>
            <Link to={`/business-case?model_version=${version.version}`}>
              {t('businessCase.editor.versionLine', {
                version: version.version,
                date: formatDate(version.created_at),
                who: version.created_by_name ?? t('businessCase.editor.unknownAuthor'),
              })}
            </Link>
            {version.change_note ? ` — ${version.change_note}` : ''}
          </li>
        ))}
      </ul>
    </section>
  )
}
