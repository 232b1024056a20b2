import type { TFunction } from 'i18next'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { StatusBadge } from '../families/StatusBadge'
import { ReassignForm } from './ReassignForm'
import type { FamilyAttention } from './types'

type SortKey = 'attention' | 'name'

/** The caseload with its "aandacht" column: sortable, and filterable to the families that need something. */
export function AttentionTable({ families, reassignFrom }: { families: FamilyAttention[]; reassignFrom?: string }) {
  const { t } = useTranslation()
  const [sort, setSort] = useState<SortKey>('attention')
  const [onlyAttention, setOnlyAttention] = useState(false)
  const shown = families
    .filter((f) => !onlyAttention || f.attention > 0)
    .sort((a, b) =>
      sort === 'name'
        ? a.family_name.localeCompare(b.family_name)
        : b.attention - a.attention || a.family_name.localeCompare(b.family_name),
    )
  const aria = (key: SortKey) => (sort === key ? (key === 'name' ? 'ascending' : 'descending') : 'none')
  return (
    <section className="card workday-section workday-wide" aria-labelledby="wd-caseload">
      <h2 id="wd-caseload">{t('workday.caseload.title', { count: families.length })}</h2>
      <div className="field field-checkbox">
        <input
          id="wd-only-attention"
          type="checkbox"
          checked={onlyAttention}
          onChange={(event) => setOnlyAttention(event.target.checked)}
        />
        <label htmlFor="wd-only-attention">{t('workday.caseload.onlyAttention')}</label>
      </div>
      <table className="table table-cards">
        <caption className="visually-hidden">{t('workday.caseload.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" aria-sort={aria('name')}>
              <button type="button" className="wd-sort" onClick={() => setSort('name')}>
                {t('family.name')}
              </button>
            </th>
            <th scope="col">{t('family.status')}</th>
            <th scope="col" aria-sort={aria('attention')}>
              <button type="button" className="wd-sort" onClick={() => setSort('attention')}>
                {t('workday.caseload.attention')}
              </button>
            </th>
            <th scope="col">{t('workday.caseload.what')}</th>
            {reassignFrom ? <th scope="col">{t('workday.reassign.column')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {shown.map((family) => (
            <tr key={family.family_id}>
              <th scope="row" data-label={t('family.name')}>
                <Link to={`/families/${family.family_id}`}>{family.family_name}</Link>
              </th>
              <td data-label={t('family.status')}>
                <StatusBadge status={family.status} />
              </td>
              <td data-label={t('workday.caseload.attention')}>
                <span
                  className={
                    family.open_alerts > 0
                      ? 'badge badge-danger'
                      : family.attention > 0
                        ? 'badge badge-warning'
                        : 'badge'
                  }
                >
                  {family.attention}
                </span>
              </td>
              <td data-label={t('workday.caseload.what')}>{describe(family, t)}</td>
              {reassignFrom ? (
                <td data-label={t('workday.reassign.column')}>
                  <ReassignForm
                    familyId={family.family_id}
                    familyName={family.family_name}
                    currentSupporterId={reassignFrom}
                  />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length === 0 ? <p className="muted">{t('workday.caseload.none')}</p> : null}
    </section>
  )
}

function describe(family: FamilyAttention, t: TFunction): string {
  const parts = [
    family.open_alerts ? t('workday.count.alerts', { count: family.open_alerts }) : null,
    family.goals_without_score ? t('workday.count.goals', { count: family.goals_without_score }) : null,
    family.overdue_actions ? t('workday.count.actions', { count: family.overdue_actions }) : null,
    family.questionnaires_due ? t('workday.count.questionnaires', { count: family.questionnaires_due }) : null,
    family.meetings_this_week ? t('workday.count.meetings', { count: family.meetings_this_week }) : null,
  ].filter(Boolean)
  return parts.length > 0 ? parts.join(', ') : t('workday.caseload.nothing')
}
