import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DataTable } from '../../components/DataTable'
import { PagedList } from '../../components/PagedList'
import { formatDateTime } from '../../i18n/format'
import { useAccessLog } from './queries'

/** Who read or changed this family's data; loaded only when asked for. */
export function AccessLog({ familyId }: { familyId: string }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const log = useAccessLog(familyId, open)
  const events = log.data?.pages.flatMap((page) => page.items) ?? []
  return (
    <section className="card" aria-labelledby="access-log-heading">
      <div className="section-heading">
        <h2 id="access-log-heading">{t('accessLog.title')}</h2>
        <button
          type="button"
          className="button button-secondary button-small"
          aria-expanded={open}
          aria-controls="access-log-body"
          onClick={() => setOpen(!open)}
        >
          {open ? t('accessLog.hide') : t('accessLog.show')}
        </button>
      </div>
      <p className="muted">{t('accessLog.intro')}</p>
      <div id="access-log-body" hidden={!open}>
        {open ? (
          <PagedList
            query={log}
            count={events.length}
            empty={t('accessLog.empty')}
            more={log.isFetchingNextPage ? t('common.loading') : t('accessLog.more')}
          >
            {/* A scrolling table must be reachable by keyboard (WCAG 2.1.1), hence the tabIndex. */}
            {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
            <div className="table-scroll" tabIndex={0} role="group" aria-labelledby="access-log-heading">
              <DataTable
                className="table table-compact"
                caption={t('accessLog.title')}
                rows={events}
                rowKey={(event) => event.id}
                rowHeaders={false}
                columns={[
                  { header: t('accessLog.when'), cell: (event) => formatDateTime(event.occurred_at) },
                  {
                    header: t('accessLog.who'),
                    cell: (event) => (
                      <>
                        {event.actor_name ? (
                          <>
                            {event.actor_name}
                            <span className="muted"> · </span>
                          </>
                        ) : null}
                        {event.actor_role
                          ? t(`roles.${event.actor_role}`, { defaultValue: event.actor_role })
                          : t(`accessLog.actor.${event.actor_type}`, { defaultValue: event.actor_type })}
                        {event.client_address ? <span className="muted"> · {event.client_address}</span> : null}
                      </>
                    ),
                  },
                  {
                    header: t('accessLog.action'),
                    cell: (event) => (
                      <>
                        {t(`accessLog.actions.${event.action}`, { defaultValue: event.action })}
                        {event.object_type !== 'family' && event.object_type !== 'audit_event' ? (
                          <span className="muted">
                            {' '}
                            · {t(`accessLog.objects.${event.object_type}`, { defaultValue: event.object_type })}
                          </span>
                        ) : null}
                        {event.purpose ? <span className="muted"> · {event.purpose}</span> : null}
                      </>
                    ),
                  },
                  {
                    header: t('accessLog.outcome'),
                    cell: (event) => t(`accessLog.outcomes.${event.outcome}`, { defaultValue: event.outcome }),
                  },
                ]}
              />
            </div>
          </PagedList>
        ) : null}
      </div>
    </section>
  )
}
