import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useNavigate } from 'react-router'
import { PageHeading } from '../../components/Page'
import { Alert, errorText } from '../../components/States'
import { formatDate, formatDateTime } from '../../i18n/format'
import { useMe } from '../auth/AuthContext'
import { FamilyCheckins } from '../checkins/FamilyCheckins'
import { ConsentCard } from '../funders/ConsentCard'
import { FamilyNotifications } from '../notifications/FamilyNotifications'
import { FamilyTimeline } from '../meetings/FamilyTimeline'
import { AccessLog } from './AccessLog'
import { ExportButton } from './ExportButton'
import { ContactsSection, MembersSection } from './PeopleSections'
import { useLayoutFamily } from './layoutFamily'
import { type LoadedFamily, useArchiveFamily } from './queries'
import { StatusBadge } from './StatusBadge'
import { NetworkAccess } from '../voice/NetworkAccess'
import { StatusChange } from './StatusChange'

export function FamilyPage() {
  const { t } = useTranslation()
  const { reload, ...loaded } = useLayoutFamily()
  const me = useMe()
  const state = (useLocation().state ?? {}) as { created?: boolean; saved?: boolean }

  const { family } = loaded

  return (
    <>
      <p className="breadcrumb">
        <Link to="/families">← {t('family.backToCaseload')}</Link>
      </p>
      <PageHeading
        title={t('family.pageTitle', { reference: family.reference })}
        actions={
          family.archived_at ? null : (
            <Link className="button button-secondary" to={`/families/${family.id}/edit`}>
              {t('family.edit')}
            </Link>
          )
        }
      >
        {family.display_name} <StatusBadge status={family.status} />
      </PageHeading>
      {state.created ? (
        <Alert kind="success">
          <p>{t('family.created')}</p>
        </Alert>
      ) : state.saved ? (
        <Alert kind="success">
          <p>{t('family.saved')}</p>
        </Alert>
      ) : null}
      {family.archived_at ? (
        <Alert kind="info" title={t('family.archivedTitle')}>
          <p>{t('family.archivedBody', { date: formatDate(family.archived_at) })}</p>
        </Alert>
      ) : null}
      <div className="family-grid">
        <div className="family-main">
          <FamilyCheckins family={family} />
          <Details loaded={loaded} />
          <MembersSection family={family} onReload={reload} />
          <ContactsSection family={family} onReload={reload} />
          <NetworkAccess familyId={family.id} />
          <FamilyNotifications familyId={family.id} />
        </div>
        <div className="family-side">
          <FamilyTimeline familyId={family.id} />
        </div>
      </div>
      {/* Administrative actions in their own section, after the family itself. */}
      <section className="admin-section" aria-labelledby="family-admin-heading">
        <h2 id="family-admin-heading">{t('workday.family.admin')}</h2>
        <p className="muted">{t('workday.family.adminIntro')}</p>
        {family.archived_at ? null : (
          <p>
            <Link className="button button-secondary" to={`/families/${family.id}/afsluiten`}>
              {family.status === 'closed' ? t('workday.closure.reopen') : t('workday.family.close')}
            </Link>
          </p>
        )}
        <div className="family-admin-grid">
          <StatusChange loaded={loaded} onReload={reload} />
          <ConsentCard familyId={family.id} readOnly={Boolean(family.archived_at)} />
          <ExportButton familyId={family.id} reference={family.reference} />
          {family.archived_at ? null : <Archive familyId={family.id} />}
          {me.role !== 'supporter' ? <AccessLog familyId={family.id} /> : null}
        </div>
      </section>
    </>
  )
}

function Details({ loaded }: { loaded: LoadedFamily }) {
  const { t } = useTranslation()
  const { family } = loaded
  const rows: [string, string][] = [
    [t('family.reference'), family.reference],
    [t('family.region'), family.region_name ?? '—'],
    [t('family.municipality'), family.municipality ?? '—'],
    [t('family.familyType'), family.family_type ? t(`familyType.${family.family_type}`) : '—'],
    [
      t('family.targetGroups'),
      family.target_groups.length > 0
        ? family.target_groups.map((group) => t(`targetGroup.${group}`, { defaultValue: group })).join(', ')
        : '—',
    ],
    [t('family.supporter'), family.supporter_name ?? t('family.noSupporter')],
    [t('family.startedOn'), formatDate(family.started_on)],
    [t('family.endedOn'), formatDate(family.ended_on)],
    [t('family.updatedAt'), formatDateTime(family.updated_at)],
  ]
  return (
    <section className="card" aria-labelledby="details-heading">
      <h2 id="details-heading">{t('family.details')}</h2>
      <dl className="details">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}

function Archive({ familyId }: { familyId: string }) {
  const { t } = useTranslation()
  const [confirming, setConfirming] = useState(false)
  const archive = useArchiveFamily(familyId)
  const navigate = useNavigate()
  return (
    <section className="card" aria-labelledby="archive-heading">
      <h2 id="archive-heading">{t('archive.title')}</h2>
      <p className="muted">{t('archive.intro')}</p>
      {archive.error ? (
        <Alert kind="error">
          <p>{errorText(archive.error, t)}</p>
        </Alert>
      ) : null}
      {confirming ? (
        <div className="confirm">
          <p>{t('archive.confirm')}</p>
          <button
            type="button"
            className="button button-danger"
            disabled={archive.isPending}
            onClick={() => archive.mutate(undefined, { onSuccess: () => void navigate('/') })}
          >
            {t('archive.yes')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="button button-secondary" onClick={() => setConfirming(true)}>
          {t('archive.button')}
        </button>
      )}
    </section>
  )
}
