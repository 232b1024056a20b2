import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PageHeading } from '../../components/Page'
import { ErrorState, Loading } from '../../components/States'
import { useNotificationSettings, useTemplates } from './queries'
import { ChannelStatus } from './ChannelStatus'
import { DeliveryLog } from './DeliveryLog'
import { TemplateEditor } from './TemplateEditor'
import { kindText } from './labels'
import './notifications.css'

/** The administrator's page: the wording of every message (Dutch and English, with a preview) and the delivery log. */
export function AdminPage() {
  const { t } = useTranslation()
  const templates = useTemplates()
  const settings = useNotificationSettings()
  const [kind, setKind] = useState('checkin_link')
  const title = t('notifications.admin.title')
  const chosen = templates.data?.items.find((item) => item.kind === kind)
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">{t('notifications.admin.intro')}</p>
      {settings.data ? <ChannelStatus channels={settings.data.channels} /> : null}
      <section className="card" aria-labelledby="templates-heading">
        <h2 id="templates-heading">{t('notifications.admin.templates')}</h2>
        <p className="muted">{t('notifications.admin.templatesIntro')}</p>
        {templates.isPending ? (
          <Loading />
        ) : templates.isError ? (
          <ErrorState error={templates.error} onRetry={() => void templates.refetch()} />
        ) : (
          <>
            <div className="field">
              <label htmlFor="template-kind">{t('notifications.admin.kind')}</label>
              <select id="template-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
                {templates.data.items.map((item) => (
                  <option key={item.kind} value={item.kind}>
                    {kindText(item.kind, t)}
                  </option>
                ))}
              </select>
            </div>
            {chosen ? (
              <>
                <dl className="details">
                  <div>
                    <dt>{t('notifications.admin.audience')}</dt>
                    <dd>{chosen.audience.map((a) => t(`notifications.recipientKind.${a}`)).join(', ')}</dd>
                  </div>
                  <div>
                    <dt>{t('notifications.admin.placeholders')}</dt>
                    <dd>{chosen.placeholders.map((p) => `$${p}`).join(', ')}</dd>
                  </div>
                </dl>
                {chosen.automatic ? <p className="muted">{t('notifications.admin.automatic')}</p> : null}
                <div className="notification-languages" key={chosen.kind}>
                  <TemplateEditor template={chosen} language="nl" />
                  <TemplateEditor template={chosen} language="en" />
                </div>
              </>
            ) : null}
          </>
        )}
      </section>
      <DeliveryLog />
    </>
  )
}
