import { type SyntheticEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { isApiError } from '../../api/errors'
import { ErrorSummary, Field } from '../../components/Field'
import { useFormValues } from '../../components/useFormValues'
import { blankToNull, formErrors, newIdempotencyKey } from '../../components/forms'
import { NotFound } from '../../components/NotFound'
import { PageHeading } from '../../components/Page'
import { ErrorState, Loading } from '../../components/States'
import { useMe } from '../auth/AuthContext'
import { useFamily } from '../families/queries'
import { checkWhenWhere, MeetingFields, WHEN_WHERE_FIELDS, type WhenWhere, whenWhereLabels } from './MeetingFields'
import { useCreateMeeting } from './queries'
import { wallTime } from './time'
import type { ParticipantCreate } from './types'
import '../plans/plan.css'
import './meetings.css'

const PREFIX = 'meeting-'
const ME = 'me'

/** Plan a roundtable meeting: when and where (Amsterdam time), who chairs, and who is invited from the family's circle. */
export function MeetingNewPage() {
  const { familyId = '' } = useParams()
  const { t } = useTranslation()
  const me = useMe()
  const navigate = useNavigate()
  const family = useFamily(familyId)
  const create = useCreateMeeting(familyId)
  // `invited`: the people's keys; null until the supporter changes it (then everyone is invited).
  const form = useFormValues<{ when: WhenWhere; chair: string; invited: string[] | null }>(() => ({
    when: { date: '', start: '', end: '', place: '', videoUrl: '' },
    chair: ME,
    invited: null,
  }))
  const { when, chair, invited } = form.values
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const [idempotencyKey] = useState(newIdempotencyKey)

  if (family.isError) {
    if (isApiError(family.error, 404) || isApiError(family.error, 422)) return <NotFound kind="family" />
    return <ErrorState error={family.error} onRetry={() => void family.refetch()} />
  }
  if (family.isPending) return <Loading label={t('meetings.loading')} />
  const { family: detail } = family.data
  const people = [
    ...detail.members.map((m) => ({ key: `member:${m.id}`, label: m.display_name, note: t(`memberRole.${m.role}`) })),
    ...detail.contacts.map((c) => ({
      key: `contact:${c.id}`,
      label: c.name,
      note: [c.role ?? c.relation, c.organisation].filter(Boolean).join(', ') || t(`contactKind.${c.kind}`),
    })),
  ]
  // Everyone in the family's circle is invited unless the supporter says otherwise: a missing player is flagged.
  const chosen = new Set(invited ?? people.map((p) => p.key))
  const labels = { ...whenWhereLabels(t), chair_user_id: t('meetings.form.chair') }
  const shown = formErrors(create.error, clientErrors, [...WHEN_WHERE_FIELDS, 'chair_user_id'], t)
  const supporterIsOther = detail.supporter_id !== null && detail.supporter_id !== me.id

  function submit(event: SyntheticEvent) {
    event.preventDefault()
    const errors = checkWhenWhere(when, t)
    setClientErrors(errors)
    if (Object.keys(errors).length > 0) return
    const participants: ParticipantCreate[] = [...chosen].map((key) => {
      const [kind, id] = key.split(':') as ['member' | 'contact', string]
      return kind === 'member'
        ? { kind, member_id: id, invitation: 'invited' }
        : { kind, contact_id: id, invitation: 'invited' }
    })
    create.mutate(
      {
        idempotencyKey,
        body: {
          starts_at: wallTime(when.date, when.start),
          ...(when.end ? { ends_at: wallTime(when.date, when.end) } : {}),
          place: blankToNull(when.place),
          video_url: blankToNull(when.videoUrl),
          chair_user_id: chair === ME ? me.id : chair,
          participants,
        },
      },
      { onSuccess: (meeting) => void navigate(`/meetings/${meeting.id}`, { state: { created: true } }) },
    )
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/families/${familyId}/meetings`}>← {t('meetings.backToMeetings')}</Link>
      </p>
      <PageHeading title={t('meetings.new.pageTitle', { reference: detail.reference })}>
        {t('meetings.new.title')} <span className="heading-sub">{detail.display_name}</span>
      </PageHeading>
      <form className="form card meeting-form" onSubmit={submit} noValidate>
        <ErrorSummary errors={shown.fields} labels={labels} detail={shown.detail} fieldPrefix={PREFIX} />
        <MeetingFields
          value={when}
          onChange={(value) => form.set('when', value)}
          errors={shown.fields}
          prefix={PREFIX}
        />
        <Field id={`${PREFIX}chair_user_id`} label={labels.chair_user_id} error={shown.fields.chair_user_id} required>
          {(props) => (
            <select {...props} value={chair} onChange={(e) => form.set('chair', e.target.value)}>
              <option value={ME}>{t('meetings.form.chairMe', { name: me.full_name })}</option>
              {supporterIsOther && detail.supporter_id ? (
                <option value={detail.supporter_id}>
                  {t('meetings.form.chairSupporter', { name: detail.supporter_name ?? '' })}
                </option>
              ) : null}
            </select>
          )}
        </Field>
        <fieldset className="fieldset-plain">
          <legend>{t('meetings.form.invite')}</legend>
          <p className="hint">{t('meetings.form.inviteHint')}</p>
          {people.length === 0 ? <p className="muted">{t('meetings.form.nobody')}</p> : null}
          <ul className="check-list">
            {people.map((person) => (
              <li key={person.key} className="field-checkbox">
                <input
                  id={`invite-${person.key}`}
                  type="checkbox"
                  checked={chosen.has(person.key)}
                  onChange={(e) => {
                    const next = new Set(chosen)
                    if (e.target.checked) next.add(person.key)
                    else next.delete(person.key)
                    form.set('invited', [...next])
                  }}
                />
                <label htmlFor={`invite-${person.key}`}>
                  {person.label} <span className="muted">({person.note})</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button" disabled={create.isPending}>
            {create.isPending ? t('common.saving') : t('meetings.new.submit')}
          </button>
          <Link className="button button-secondary" to={`/families/${familyId}/meetings`}>
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  )
}
