import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { PageHeading } from './Page'

/** Shown for unknown addresses and for families outside the user's caseload (the API answers 404 for both). */
export function NotFound({ kind = 'page' }: { kind?: 'page' | 'family' }) {
  const { t } = useTranslation()
  const title = kind === 'family' ? t('notFound.familyTitle') : t('notFound.title')
  return (
    <section className="card not-found">
      <PageHeading title={title}>{title}</PageHeading>
      <p>{kind === 'family' ? t('notFound.familyBody') : t('notFound.body')}</p>
      <p>
        <Link to="/">{t('notFound.back')}</Link>
      </p>
    </section>
  )
}
