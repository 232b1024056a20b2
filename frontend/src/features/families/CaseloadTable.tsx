import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { FamilyListItem } from '../../api/types'
import { formatDate } from '../../i18n/format'
import { StatusBadge } from './StatusBadge'

export type CaseloadSort = 'newest' | 'attention'

interface Props {
  items: FamilyListItem[]
  title: string
  isSupervisor: boolean
  /** On one caseload the API counts what asks for attention; the column is shown then. */
  withAttention: boolean
  sort: CaseloadSort
  onSort: (sort: CaseloadSort) => void
}

/** The caseload's table; on one caseload with the "aandacht" column, sortable by the server. */
export function CaseloadTable({ items, title, isSupervisor, withAttention, sort, onSort }: Props) {
  const { t } = useTranslation()
  const next: CaseloadSort = sort === 'attention' ? 'newest' : 'attention'
  return (
    <table className="table table-cards">
      <caption className="visually-hidden">{title}</caption>
      <thead>
        <tr>
          <th scope="col">{t('family.name')}</th>
          {withAttention ? (
            <th scope="col" aria-sort={sort === 'attention' ? 'descending' : 'none'}>
              <button
                type="button"
                className="sort-button"
                onClick={() => onSort(next)}
                title={t(next === 'attention' ? 'attention.sortByAttention' : 'attention.sortNewest')}
              >
                {t('attention.column')}
                <span aria-hidden="true">{sort === 'attention' ? ' ▼' : ' ↕'}</span>
              </button>
            </th>
          ) : null}
          <th scope="col">{t('family.reference')}</th>
          <th scope="col">{t('family.status')}</th>
          <th scope="col">{t('family.region')}</th>
          {isSupervisor ? <th scope="col">{t('family.supporter')}</th> : null}
          <th scope="col">{t('family.startedOn')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((family) => (
          <tr key={family.id}>
            <th scope="row" data-label={t('family.name')}>
              <Link to={`/families/${family.id}`}>{family.display_name}</Link>
              {family.archived_at ? <span className="badge badge-archived">{t('family.archived')}</span> : null}
            </th>
            {withAttention ? (
              <td data-label={t('attention.column')}>
                <AttentionCell family={family} />
              </td>
            ) : null}
            <td data-label={t('family.reference')}>{family.reference}</td>
            <td data-label={t('family.status')}>
              <StatusBadge status={family.status} />
            </td>
            <td data-label={t('family.region')}>{family.region_name ?? '—'}</td>
            {isSupervisor ? (
              <td data-label={t('family.supporter')}>{family.supporter_name ?? t('family.noSupporter')}</td>
            ) : null}
            <td data-label={t('family.startedOn')}>{formatDate(family.started_on)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** The count as a badge (red when a family member waits on an alert), with what it is made of. */
function AttentionCell({ family }: { family: FamilyListItem }) {
  const { t } = useTranslation()
  const attention = family.attention
  if (!attention || attention.total === 0) return <span className="muted">{t('attention.nothing')}</span>
  const parts = [
    attention.open_alerts ? t('workday.count.alerts', { count: attention.open_alerts }) : null,
    attention.goals_without_score ? t('workday.count.goals', { count: attention.goals_without_score }) : null,
    attention.overdue_actions ? t('workday.count.actions', { count: attention.overdue_actions }) : null,
    attention.questionnaires_due ? t('workday.count.questionnaires', { count: attention.questionnaires_due }) : null,
  ].filter(Boolean)
  return (
    <span className="attention-cell">
      <span className={attention.open_alerts > 0 ? 'badge badge-danger' : 'badge badge-warning'}>
        <span aria-hidden="true">{attention.total}</span>
        <span className="visually-hidden">{t('attention.total', { count: attention.total })}</span>
      </span>{' '}
      <span className="muted attention-parts">{parts.join(', ')}</span>
    </span>
  )
}
