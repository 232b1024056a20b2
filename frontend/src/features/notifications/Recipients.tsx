import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type SyntheticEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { unwrap } from '../../api/errors'
import { Alert, errorText } from '../../components/States'
import { etagFor, familyKeys, useFamily } from '../families/queries'
import type { Channel, Language } from './types'

interface Person {
  kind: 'member' | 'contact'
  id: string
  name: string
  version: number
  email: string | null
  phone: string | null
  preferred_channel?: Channel | null
  language?: Language
  messages_consent?: boolean
  weekly_nudge?: boolean
}

type Choices = {
  preferred_channel: Channel | null
  language: Language
  messages_consent: boolean
  weekly_nudge?: boolean
}

function useSaveChoices(familyId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ person, body }: { person: Person; body: Choices }): Promise<unknown> =>
      person.kind === 'member'
        ? unwrap(
            api.PATCH('/api/v1/families/{family_id}/members/{member_id}', {
              params: { path: { family_id: familyId, member_id: person.id } },
              headers: { 'If-Match': etagFor(person.version) },
              body,
            }),
          )
        : unwrap(
            api.PATCH('/api/v1/families/{family_id}/contacts/{contact_id}', {
              params: { path: { family_id: familyId, contact_id: person.id } },
              headers: { 'If-Match': etagFor(person.version) },
              body: {
                preferred_channel: body.preferred_channel,
                language: body.language,
                messages_consent: body.messages_consent,
              },
            }),
          ),
    onSuccess: () => client.invalidateQueries({ queryKey: familyKeys.detail(familyId) }),
  })
}

/** Who may get messages, by which channel and in which language: recorded by staff with the person's consent. */
export function Recipients({ familyId }: { familyId: string }) {
  const { t } = useTranslation()
  const family = useFamily(familyId).data?.family
  const [editing, setEditing] = useState<string | null>(null)
  if (!family) return null
  const people: Person[] = [
    ...family.members.map((m) => ({ ...m, kind: 'member' as const, name: m.display_name })),
    ...family.contacts.map((c) => ({ ...c, kind: 'contact' as const })),
  ]
  const summary = (p: Person) =>
    p.messages_consent && p.preferred_channel
      ? [
          t(`notifications.channel.${p.preferred_channel}`),
          t(`notifications.language.${p.language ?? 'nl'}`),
          p.weekly_nudge ? t('notifications.recipients.nudge') : null,
        ]
          .filter(Boolean)
          .join(' · ')
      : t('notifications.recipients.none')
  return (
    <>
      <h3>{t('notifications.recipients.title')}</h3>
      <ul className="notification-recipients">
        {people.map((p) => (
          <li key={p.id}>
            <span>
              {p.name}
              <span className="notification-sub">{summary(p)}</span>
            </span>
            {editing === p.id ? (
              <ChoicesForm familyId={familyId} person={p} onDone={() => setEditing(null)} />
            ) : family.archived_at ? null : (
              <button type="button" className="link-button" onClick={() => setEditing(p.id)}>
                {t('notifications.recipients.edit', { name: p.name })}
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  )
}

function ChoicesForm({ familyId, person, onDone }: { familyId: string; person: Person; onDone: () => void }) {
  const { t } = useTranslation()
  const save = useSaveChoices(familyId)
  const [draft, setDraft] = useState<Choices>({
    preferred_channel: person.preferred_channel ?? null,
    language: person.language ?? 'nl',
    messages_consent: person.messages_consent ?? false,
    ...(person.kind === 'member' ? { weekly_nudge: person.weekly_nudge ?? false } : {}),
  })
  const id = `recipient-${person.id}`
  const submit = (event: SyntheticEvent) => {
    event.preventDefault()
    save.mutate({ person, body: draft }, { onSuccess: onDone })
  }
  return (
    <form
      className="notification-recipient-form"
      onSubmit={submit}
      aria-label={t('notifications.recipients.formLabel', { name: person.name })}
    >
      {save.error ? (
        <Alert kind="error">
          <p>{errorText(save.error, t)}</p>
        </Alert>
      ) : null}
      <div className="field field-checkbox">
        <input
          id={`${id}-consent`}
          type="checkbox"
          checked={draft.messages_consent}
          onChange={(e) => setDraft({ ...draft, messages_consent: e.target.checked })}
        />
        <label htmlFor={`${id}-consent`}>{t('notifications.recipients.consent')}</label>
      </div>
      <div className="field">
        <label htmlFor={`${id}-channel`}>{t('notifications.recipients.channel')}</label>
        <select
          id={`${id}-channel`}
          value={draft.preferred_channel ?? ''}
          onChange={(e) => setDraft({ ...draft, preferred_channel: (e.target.value || null) as Channel | null })}
        >
          <option value="">{t('notifications.recipients.noChannel')}</option>
          <option value="email" disabled={!person.email}>
            {t('notifications.channel.email')}
          </option>
          <option value="sms" disabled={!person.phone}>
            {t('notifications.channel.sms')}
          </option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-language`}>{t('notifications.settings.language')}</label>
        <select
          id={`${id}-language`}
          value={draft.language}
          onChange={(e) => setDraft({ ...draft, language: e.target.value as Language })}
        >
          <option value="nl">{t('notifications.language.nl')}</option>
          <option value="en">{t('notifications.language.en')}</option>
        </select>
      </div>
      {person.kind === 'member' ? (
        <div className="field field-checkbox">
          <input
            id={`${id}-nudge`}
            type="checkbox"
            checked={draft.weekly_nudge ?? false}
            onChange={(e) => setDraft({ ...draft, weekly_nudge: e.target.checked })}
          />
          <label htmlFor={`${id}-nudge`}>{t('notifications.recipients.nudgeLabel')}</label>
        </div>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button-small" disabled={save.isPending}>
          {t('notifications.settings.save')}
        </button>
        <button type="button" className="button button-secondary button-small" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
