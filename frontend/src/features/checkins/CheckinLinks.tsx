import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FamilyDetail } from '../../api/types'
import { DataTable } from '../../components/DataTable'
import { Alert, ErrorState, Loading, errorText } from '../../components/States'
import { formatDate, formatDateTime } from '../../i18n/format'
import { CopyField } from './CopyField'
import { useCheckinLinks, useCreateLink, useRevokeLink } from './queries'
import type { CheckinLink, CheckinLinkCreated } from './types'

/** The link and the code, shown once, with what to tell the family member. */
function Created({ link, onHide }: { link: CheckinLinkCreated; onHide: () => void }) {
  const { t } = useTranslation()
  const url = `${globalThis.location.origin}${link.path}`
  const name = link.member_name
  return (
    <div className="ck-created" role="region" aria-labelledby="ck-created-title">
      <h3 id="ck-created-title" tabIndex={-1} ref={(el) => el?.focus()}>
        {t('checkins.links.createdTitle', { name })}
      </h3>
      <p>
        <strong>{t('checkins.links.once')}</strong> {t('checkins.links.apart')}
      </p>
      <CopyField label={t('checkins.links.linkLabel')} value={url} copyLabel={t('checkins.links.copyLink')} />
      <CopyField
        label={t('checkins.links.codeLabel')}
        value={link.code}
        copyLabel={t('checkins.links.copyCode')}
        large
      />
      <p className="muted">{t('checkins.links.expires', { date: formatDate(link.expires_at) })}</p>
      <h4>{t('checkins.links.sayTitle', { name })}</h4>
      <p className="ck-say">{t('checkins.links.say')}</p>
      <button type="button" className="button button-secondary" onClick={onHide}>
        {t('checkins.links.hide')}
      </button>
    </div>
  )
}

function Revoke({
  familyId,
  link,
  onRevoked,
}: {
  familyId: string
  link: CheckinLink
  onRevoked: (name: string) => void
}) {
  const { t } = useTranslation()
  const [confirming, setConfirming] = useState(false)
  const revoke = useRevokeLink(familyId)
  if (link.status === 'revoked' || link.status === 'expired') return null
  if (!confirming)
    return (
      <button
        type="button"
        className="button button-secondary button-small"
        aria-label={t('checkins.links.revokeLabel', { name: link.member_name })}
        onClick={() => setConfirming(true)}
      >
        {t('checkins.links.revoke')}
      </button>
    )
  return (
    <div className="confirm">
      <p>{t('checkins.links.revokeConfirm', { name: link.member_name })}</p>
      {revoke.error ? <p className="field-error">{errorText(revoke.error, t)}</p> : null}
      <button
        type="button"
        className="button button-danger button-small"
        disabled={revoke.isPending}
        onClick={() => revoke.mutate(link.id, { onSuccess: () => onRevoked(link.member_name) })}
      >
        {t('checkins.links.revokeYes')}
      </button>
      <button type="button" className="button button-secondary button-small" onClick={() => setConfirming(false)}>
        {t('common.cancel')}
      </button>
    </div>
  )
}

/** Make a member's personal check-in link, see the family's links and stop one. */
export function CheckinLinks({ family }: { family: FamilyDetail }) {
  const { t } = useTranslation()
  const links = useCheckinLinks(family.id)
  const create = useCreateLink(family.id)
  const [memberId, setMemberId] = useState(family.members[0]?.id ?? '')
  const [created, setCreated] = useState<CheckinLinkCreated | null>(null)
  const [revoked, setRevoked] = useState<string | null>(null)
  const archived = Boolean(family.archived_at)
  return (
    <section className="card" aria-labelledby="checkin-links-heading">
      <h2 id="checkin-links-heading">{t('checkins.links.title')}</h2>
      <p className="muted">{t('checkins.links.intro')}</p>
      {created ? <Created link={created} onHide={() => setCreated(null)} /> : null}
      {archived || created ? null : family.members.length === 0 ? (
        <p>{t('checkins.links.noMembers')}</p>
      ) : (
        <form
          className="ck-create"
          onSubmit={(event) => {
            event.preventDefault()
            setRevoked(null)
            create.mutate(memberId, { onSuccess: (link) => setCreated(link) })
          }}
        >
          <div className="field">
            <label htmlFor="ck-member">{t('checkins.links.member')}</label>
            <select id="ck-member" value={memberId} onChange={(event) => setMemberId(event.target.value)}>
              {family.members.map((member) => (
                <option key={member.id} value={member.id}>
                  {member.display_name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button" disabled={create.isPending}>
            {create.isPending ? t('checkins.links.creating') : t('checkins.links.create')}
          </button>
        </form>
      )}
      {create.error ? (
        <Alert kind="error">
          <p>{errorText(create.error, t)}</p>
        </Alert>
      ) : null}
      {revoked ? (
        <Alert kind="success">
          <p>{t('checkins.links.revoked', { name: revoked })}</p>
        </Alert>
      ) : null}
      <h3>{t('checkins.links.listTitle')}</h3>
      {links.isPending ? (
        <Loading />
      ) : links.isError ? (
        <ErrorState error={links.error} onRetry={() => void links.refetch()} />
      ) : (
        <DataTable
          className="table table-compact table-cards"
          empty={t('checkins.links.empty')}
          rows={links.data.items}
          rowKey={(link) => link.id}
          columns={[
            { header: t('checkins.links.member'), cell: (link) => link.member_name },
            {
              header: t('checkins.links.status'),
              cell: (link) => (
                <span className={`badge ck-link-${link.status}`}>{t(`checkins.links.state.${link.status}`)}</span>
              ),
            },
            {
              header: t('checkins.links.lastUsed'),
              cell: (link) => (link.last_used_at ? formatDateTime(link.last_used_at) : t('checkins.links.never')),
            },
            { header: t('checkins.links.expiresAt'), cell: (link) => formatDate(link.expires_at) },
            {
              header: t('checkins.links.revoke'),
              hiddenHeader: true,
              cell: (link) => (archived ? null : <Revoke familyId={family.id} link={link} onRevoked={setRevoked} />),
            },
          ]}
        />
      )}
    </section>
  )
}
