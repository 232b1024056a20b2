import { useTranslation } from 'react-i18next'
import type { FamilyStatus } from '../../api/types'

export const FAMILY_STATUSES: readonly FamilyStatus[] = ['intake', 'active', 'phasing_out', 'closed']

/** The moves the API allows; the server stays the judge and answers 409 otherwise. */
export const NEXT_STATUSES: Record<FamilyStatus, readonly FamilyStatus[]> = {
  intake: ['active'],
  active: ['phasing_out'],
  phasing_out: ['active', 'closed'],
  closed: [],
}

export function StatusBadge({ status }: { status: FamilyStatus }) {
  const { t } = useTranslation()
  return <span className={`badge badge-${status}`}>{t(`status.${status}`)}</span>
}
