import { lazy, Suspense } from 'react'
import type { FamilyDetail } from '../../api/types'
import { Loading } from '../../components/States'

// Loaded on demand, so the family page's first download does not grow.
const CheckinsSection = lazy(() => import('./CheckinsSection').then((m) => ({ default: m.CheckinsSection })))

/** The family page's check-in part (one line there). */
export function FamilyCheckins({ family }: { family: FamilyDetail }) {
  return (
    <Suspense fallback={<Loading />}>
      <CheckinsSection family={family} />
    </Suspense>
  )
}
