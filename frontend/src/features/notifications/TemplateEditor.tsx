import type { SyntheticEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { fieldErrors } from '../../api/errors'
import { Field } from '../../components/Field'
import { Alert, errorText } from '../../components/States'
import { usePreview, useResetTemplate, useSaveTemplate } from './queries'
import type { Language, Template } from './types'
import { useFormValues } from '../../components/useFormValues'

/** One kind of message in one language: subject and text, a preview with made-up values, save or reset. */
export function TemplateEditor({ template, language }: { template: Template; language: Language }) {
  const { t } = useTranslation()
  const current = template[language]
  const form = useFormValues(() => ({ subject: current.subject, body: current.body }))
  const { subject, body } = form.values
  const save = useSaveTemplate(template.kind, language)
  const reset = useResetTemplate(template.kind, language)
  const preview = usePreview(template.kind)
  const errors = fieldErrors(save.error)
  const heading = `template-${template.kind}-${language}`
  const submit = (event: SyntheticEvent) => {
    event.preventDefault()
    save.mutate({ subject, body })
  }
  const restore = () =>
    reset.mutate(undefined, {
      onSuccess: (data) => {
        const fresh = data.items.find((item) => item.kind === template.kind)?.[language]
        if (fresh) form.update({ subject: fresh.subject, body: fresh.body })
      },
    })
  return (
    <form className="notification-template" onSubmit={submit} aria-labelledby={heading} noValidate>
      <h3 id={heading}>
        {t(`notifications.language.${language}`)}{' '}
        <span className={current.customised ? 'badge badge-active' : 'badge'}>
          {current.customised ? t('notifications.admin.customised') : t('notifications.admin.default')}
        </span>
      </h3>
      {save.isSuccess ? (
        <Alert kind="success">
          <p>{t('notifications.admin.saved')}</p>
        </Alert>
      ) : save.error && Object.keys(errors).length === 0 ? (
        <Alert kind="error">
          <p>{errorText(save.error, t)}</p>
        </Alert>
      ) : null}
      <Field label={t('notifications.admin.subject')} error={errors.subject?.message} required>
        {(props) => (
          <input
            {...props}
            type="text"
            lang={language}
            maxLength={200}
            value={subject}
            onChange={(e) => form.set('subject', e.target.value)}
          />
        )}
      </Field>
      <Field label={t('notifications.admin.body')} error={errors.body?.message} required>
        {(props) => (
          <textarea
            {...props}
            lang={language}
            maxLength={4000}
            value={body}
            onChange={(e) => form.set('body', e.target.value)}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {t('notifications.admin.save')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => preview.mutate({ subject, body, language })}
        >
          {t('notifications.admin.preview')}
        </button>
        {current.customised ? (
          <button type="button" className="button button-secondary" disabled={reset.isPending} onClick={restore}>
            {t('notifications.admin.reset')}
          </button>
        ) : null}
      </div>
      {preview.data ? (
        <div aria-live="polite">
          <h4>{t('notifications.admin.previewTitle')}</h4>
          {preview.data.unknown_placeholders.length > 0 ? (
            <Alert kind="error">
              <p>
                {t('notifications.admin.unknown', {
                  names: preview.data.unknown_placeholders.map((n) => `$${n}`).join(', '),
                })}
              </p>
            </Alert>
          ) : null}
          <pre className="notification-preview" lang={language}>
            <strong>{preview.data.subject}</strong>
            {'\n\n'}
            {preview.data.text}
          </pre>
        </div>
      ) : null}
    </form>
  )
}
