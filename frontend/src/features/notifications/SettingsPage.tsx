import type { SyntheticEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { fieldErrors } from '../../api/errors'
import { Field } from '../../components/Field'
import { PageHeading } from '../../components/Page'
import { Alert, ErrorState, Loading, errorText } from '../../components/States'
import { useMe } from '../auth/AuthContext'
import { ChannelStatus } from './ChannelStatus'
import { useNotificationSettings, useSaveNotificationSettings } from './queries'
import type { Channel, Digest, Language, NotificationSettings } from './types'
import './notifications.css'
import { useFormValues } from '../../components/useFormValues'

const CHANNELS: Channel[] = ['email', 'sms']
const LANGUAGES: Language[] = ['nl', 'en']
const DIGESTS = [
  ['off', 'notifications.settings.digestOff'],
  ['daily', 'notifications.settings.digestDaily'],
  ['weekly', 'notifications.settings.digestWeekly'],
] as const satisfies readonly (readonly [Digest, string])[]

/** A staff member's own message settings: mobile number, channel, language, digest and 'bel me' messages. */
export function SettingsPage() {
  const { t } = useTranslation()
  const query = useNotificationSettings()
  if (query.isPending) return <Loading />
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />
  return <SettingsForm settings={query.data} title={t('notifications.settings.title')} />
}

function SettingsForm({ settings, title }: { settings: NotificationSettings; title: string }) {
  const { t } = useTranslation()
  const me = useMe()
  const save = useSaveNotificationSettings()
  const { values: draft, update } = useFormValues(() => ({
    phone: settings.phone ?? '',
    preferred_channel: settings.preferred_channel,
    language: settings.language,
    digest: settings.digest,
    call_me_alerts: settings.call_me_alerts,
    team_digest: settings.team_digest,
  }))
  const errors = fieldErrors(save.error)
  const submit = (event: SyntheticEvent) => {
    event.preventDefault()
    save.mutate({ ...draft, phone: draft.phone.trim() || null })
  }
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">{t('notifications.settings.intro')}</p>
      <ChannelStatus channels={settings.channels} />
      <form className="card form" onSubmit={submit} noValidate>
        {save.isSuccess ? (
          <Alert kind="success">
            <p>{t('notifications.settings.saved')}</p>
          </Alert>
        ) : save.error && Object.keys(errors).length === 0 ? (
          <Alert kind="error">
            <p>{errorText(save.error, t)}</p>
          </Alert>
        ) : null}
        <Field label={t('notifications.settings.email')} hint={t('notifications.settings.emailHint')} required>
          {(props) => <input {...props} type="email" value={settings.email} readOnly />}
        </Field>
        <Field
          label={t('notifications.settings.phone')}
          hint={t('notifications.settings.phoneHint')}
          error={errors.phone?.message}
        >
          {(props) => (
            <input
              {...props}
              type="tel"
              autoComplete="tel"
              value={draft.phone}
              onChange={(e) => update({ phone: e.target.value })}
            />
          )}
        </Field>
        <fieldset className="fieldset notification-options">
          <legend>{t('notifications.settings.preferred')}</legend>
          {CHANNELS.map((channel) => (
            <label key={channel}>
              <input
                type="radio"
                name="preferred_channel"
                checked={draft.preferred_channel === channel}
                onChange={() => update({ preferred_channel: channel })}
              />
              {t(`notifications.channel.${channel}`)}
            </label>
          ))}
        </fieldset>
        <Field label={t('notifications.settings.language')} required>
          {(props) => (
            <select
              {...props}
              value={draft.language}
              onChange={(e) => update({ language: e.target.value as Language })}
            >
              {LANGUAGES.map((language) => (
                <option key={language} value={language}>
                  {t(`notifications.language.${language}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {me.role === 'supporter' ? (
          <fieldset className="fieldset notification-options">
            <legend>{t('notifications.settings.digest')}</legend>
            {DIGESTS.map(([digest, label]) => (
              <label key={digest}>
                <input
                  type="radio"
                  name="digest"
                  checked={draft.digest === digest}
                  onChange={() => update({ digest })}
                />
                {t(label)}
              </label>
            ))}
          </fieldset>
        ) : null}
        <div className="field field-checkbox">
          <input
            id="call-me"
            type="checkbox"
            checked={draft.call_me_alerts}
            onChange={(e) => update({ call_me_alerts: e.target.checked })}
          />
          <label htmlFor="call-me">{t('notifications.settings.callMe')}</label>
        </div>
        {me.role === 'coordinator' ? (
          <div className="field field-checkbox">
            <input
              id="team-digest"
              type="checkbox"
              checked={draft.team_digest}
              onChange={(e) => update({ team_digest: e.target.checked })}
            />
            <label htmlFor="team-digest">{t('notifications.settings.teamDigest')}</label>
          </div>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {t('notifications.settings.save')}
          </button>
        </div>
      </form>
    </>
  )
}
