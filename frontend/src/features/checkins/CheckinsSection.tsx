import { useTranslation } from 'react-i18next'
import type { FamilyDetail } from '../../api/types'
import { ErrorState, Loading } from '../../components/States'
import { AlertList } from './AlertList'
import { CheckinLinks } from './CheckinLinks'
import { MemberTrend } from './MemberTrend'
import { useFamilyAlerts, useFamilyCheckins } from './queries'
import type { Checkin } from './types'
import './checkins.css'

function byMember(items: Checkin[]): [string, string, Checkin[]][] {
  const groups = new Map<string, [string, string, Checkin[]]>()
  for (const item of items) {
    const group = groups.get(item.member_id) ?? [item.member_id, item.member_name, []]
    group[2].push(item)
    groups.set(item.member_id, group)
  }
  return [...groups.values()]
}

/** On the family page: open alerts, each member's check-ins as a trend, and the check-in links. */
export function CheckinsSection({ family }: { family: FamilyDetail }) {
  const { t } = useTranslation()
  const checkins = useFamilyCheckins(family.id)
  const alerts = useFamilyAlerts(family.id)
  return (
    <>
      <section className="card" aria-labelledby="checkins-heading">
        <h2 id="checkins-heading">{t('checkins.section.title')}</h2>
        <p className="muted">{t('checkins.section.intro')}</p>
        {alerts.data ? (
          <div className="ck-open">
            <h3>{t('checkins.alerts.title')}</h3>
            <AlertList alerts={alerts.data.items} familyId={family.id} />
          </div>
        ) : null}
        {alerts.isError ? <ErrorState error={alerts.error} onRetry={() => void alerts.refetch()} /> : null}
        {checkins.isPending ? (
          <Loading label={t('checkins.section.loading')} />
        ) : checkins.isError ? (
          <ErrorState error={checkins.error} onRetry={() => void checkins.refetch()} />
        ) : checkins.data.items.length === 0 ? (
          <p>{t('checkins.section.empty')}</p>
        ) : (
          byMember(checkins.data.items).map(([memberId, name, items]) => (
            <MemberTrend key={memberId} name={name} checkins={items} />
          ))
        )}
      </section>
      <CheckinLinks family={family} />
    </>
  )
}
