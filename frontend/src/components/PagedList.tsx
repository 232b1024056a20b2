import type { ReactNode } from 'react'
import { EmptyState, ErrorState, Loading } from './States'

/** What PagedList reads of an infinite query (TanStack Query's useInfiniteQuery result). */
interface PagedQuery {
  isPending: boolean
  isError: boolean
  error: unknown
  refetch: () => unknown
  hasNextPage: boolean
  isFetchingNextPage: boolean
  fetchNextPage: () => unknown
}

interface Props {
  query: PagedQuery
  /** How many items the pages loaded so far hold. */
  count: number
  empty: string
  /** The label of the button that loads the next page. */
  more: ReactNode
  /** The items, shown once there are any. */
  children: ReactNode
}

/**
 * A list read page by page: loading, failed (with a retry) or empty, else the items and a button for the next page.
 * A failed next page keeps the items already shown.
 */
export function PagedList({ query, count, empty, more, children }: Props) {
  if (query.isPending) return <Loading />
  if (query.isError && count === 0) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />
  if (count === 0) return <EmptyState title={empty} />
  return (
    <>
      {children}
      {query.hasNextPage ? (
        <div className="load-more">
          <button
            type="button"
            className="button button-secondary"
            disabled={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
          >
            {more}
          </button>
        </div>
      ) : null}
    </>
  )
}
