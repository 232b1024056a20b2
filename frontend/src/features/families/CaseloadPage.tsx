import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import type { FamilyStatus } from '../../api/types'
import { PageHeading } from '../../components/Page'
import { EmptyState, ErrorState, Loading } from '../../components/States'
import { useDebounced } from '../../components/useDebounced'
import { useRegions, useUsers } from '../admin/queries'
import { useMe } from '../auth/AuthContext'
import { useDraft } from '../auth/drafts'
import { type CaseloadSort, CaseloadTable } from './CaseloadTable'
import { type FamilyFilters, useFamilies } from './queries'
import { FAMILY_STATUSES } from './StatusBadge'

function isStatus(value: string | null): value is FamilyStatus {
  return FAMILY_STATUSES.includes(value as FamilyStatus)
}

/** The caseload: filters live in the URL, the search text only in memory (names do not belong in URLs). */
export function CaseloadPage() {
  const { t } = useTranslation()
  const me = useMe()
  const isSupervisor = me.role !== 'supporter'
  const [params, setParams] = useSearchParams()
  const [search, setSearch] = useDraft('caseload.search', () => '')
  const q = useDebounced(search.trim())
  const statusParam = params.get('status')
  const filters: FamilyFilters = {
    ...(q ? { q } : {}),
    ...(isStatus(statusParam) ? { status: statusParam } : {}),
    ...(params.get('region') ? { region_id: params.get('region') } : {}),
    ...(isSupervisor && params.get('supporter') ? { supporter_id: params.get('supporter') } : {}),
    ...(params.get('archived') === '1' ? { include_archived: true } : {}),
  }
  // Attention is counted per caseload: a supporter's own, or the one a coordinator picks.
  const oneCaseload = !isSupervisor || Boolean(filters.supporter_id)
  const sort: CaseloadSort = oneCaseload && params.get('sort') === 'attention' ? 'attention' : 'newest'
  if (oneCaseload && params.get('attention') === '1') filters.attention = true
  if (sort === 'attention') filters.sort = 'attention'
  const families = useFamilies(filters)
  const regions = useRegions()
  const supporters = useUsers('supporter', isSupervisor)
  const hasFilters = Object.keys(filters).length > 0
  const activeFilters = ['status', 'region', 'supporter', 'archived', 'attention'].filter((name) =>
    params.get(name),
  ).length
  // On a phone the filters fold away so the families come first; on wider screens they are always shown.
  const [filtersOpen, setFiltersOpen] = useState(activeFilters > 0)

  function setParam(name: string, value: string) {
    const next = new URLSearchParams(params)
    if (value) next.set(name, value)
    else next.delete(name)
    setParams(next, { replace: true })
  }

  const items = families.data?.pages.flatMap((page) => page.items) ?? []
  const title = isSupervisor ? t('caseload.titleOrganisation') : t('caseload.title')

  return (
    <>
      <PageHeading
        title={title}
        actions={
          <Link className="button" to="/families/new">
            {t('caseload.newFamily')}
          </Link>
        }
      >
        {title}
      </PageHeading>

      <search className="filters" aria-label={t('caseload.filters')}>
        <div className="field field-search">
          <label htmlFor="caseload-search">{t('caseload.search')}</label>
          <input
            id="caseload-search"
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            aria-describedby="caseload-search-hint"
            autoComplete="off"
          />
          <p className="hint" id="caseload-search-hint">
            {t('caseload.searchHint')}
          </p>
        </div>
        <button
          type="button"
          className="button button-secondary button-small filters-toggle"
          aria-expanded={filtersOpen}
          aria-controls="caseload-filters-extra"
          onClick={() => setFiltersOpen(!filtersOpen)}
        >
          {activeFilters > 0
            ? t('caseload.filtersToggleActive', { count: activeFilters })
            : t('caseload.filtersToggle')}
        </button>
        <div id="caseload-filters-extra" className={filtersOpen ? 'filters-extra is-open' : 'filters-extra'}>
          <div className="field">
            <label htmlFor="caseload-status">{t('caseload.status')}</label>
            <select
              id="caseload-status"
              value={statusParam ?? ''}
              onChange={(event) => setParam('status', event.target.value)}
            >
              <option value="">{t('caseload.allStatuses')}</option>
              {FAMILY_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`status.${status}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="caseload-region">{t('caseload.region')}</label>
            <select
              id="caseload-region"
              value={params.get('region') ?? ''}
              onChange={(event) => setParam('region', event.target.value)}
            >
              <option value="">{t('caseload.allRegions')}</option>
              {regions.data?.items.map((region) => (
                <option key={region.id} value={region.id}>
                  {region.name}
                </option>
              ))}
            </select>
          </div>
          {isSupervisor ? (
            <div className="field">
              <label htmlFor="caseload-supporter">{t('caseload.supporter')}</label>
              <select
                id="caseload-supporter"
                value={params.get('supporter') ?? ''}
                onChange={(event) => setParam('supporter', event.target.value)}
              >
                <option value="">{t('caseload.allSupporters')}</option>
                {supporters.data?.pages
                  .flatMap((page) => page.items)
                  .map((user) => (
                    <option key={user.id} value={user.id}>
                      {user.full_name}
                    </option>
                  ))}
              </select>
            </div>
          ) : null}
          {oneCaseload ? (
            <div className="field">
              <label htmlFor="caseload-sort">{t('attention.order')}</label>
              <select
                id="caseload-sort"
                value={sort}
                onChange={(event) => setParam('sort', event.target.value === 'attention' ? 'attention' : '')}
              >
                <option value="newest">{t('attention.orderNewest')}</option>
                <option value="attention">{t('attention.orderAttention')}</option>
              </select>
            </div>
          ) : null}
          <div className="field field-checkbox">
            <input
              id="caseload-attention"
              type="checkbox"
              checked={oneCaseload && params.get('attention') === '1'}
              disabled={!oneCaseload}
              aria-describedby={oneCaseload ? undefined : 'caseload-attention-hint'}
              onChange={(event) => setParam('attention', event.target.checked ? '1' : '')}
            />
            <label htmlFor="caseload-attention">{t('attention.onlyAttention')}</label>
            {oneCaseload ? null : (
              <p className="hint" id="caseload-attention-hint">
                {t('attention.pickSupporter')}
              </p>
            )}
          </div>
          <div className="field field-checkbox">
            <input
              id="caseload-archived"
              type="checkbox"
              checked={params.get('archived') === '1'}
              onChange={(event) => setParam('archived', event.target.checked ? '1' : '')}
            />
            <label htmlFor="caseload-archived">{t('caseload.includeArchived')}</label>
          </div>
        </div>
      </search>

      {/* A short spoken summary instead of reading the whole table out after every search or "load more". */}
      <p className="visually-hidden" aria-live="polite">
        {families.isFetching ? t('caseload.loading') : t('caseload.shown', { count: items.length })}
      </p>
      <div aria-busy={families.isFetching}>
        {families.isPending ? (
          <Loading label={t('caseload.loading')} />
        ) : families.isError && items.length === 0 ? (
          <ErrorState error={families.error} onRetry={() => void families.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState title={hasFilters ? t('caseload.noResults') : t('caseload.empty')}>
            <p>{hasFilters ? t('caseload.noResultsHint') : t('caseload.emptyHint')}</p>
          </EmptyState>
        ) : (
          <>
            <CaseloadTable
              items={items}
              title={title}
              isSupervisor={isSupervisor}
              withAttention={oneCaseload}
              sort={sort}
              onSort={(next) => setParam('sort', next === 'attention' ? 'attention' : '')}
            />
            {families.isError ? (
              <ErrorState error={families.error} onRetry={() => void families.fetchNextPage()} />
            ) : null}
            {families.hasNextPage ? (
              <div className="load-more">
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => void families.fetchNextPage()}
                  disabled={families.isFetchingNextPage}
                >
                  {families.isFetchingNextPage ? t('common.loading') : t('caseload.loadMore')}
                </button>
              </div>
            ) : (
              <p className="muted list-end">{t('caseload.shown', { count: items.length })}</p>
            )}
          </>
        )}
      </div>
    </>
  )
}
