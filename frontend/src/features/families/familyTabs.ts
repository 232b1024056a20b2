import type { TranslationKey } from '../../i18n/keys'

/**
 * The tabs of the family workspace, in order. Adding a family page is one line here plus its child route under
 * `families/:familyId` in app/router.tsx (e.g. the business case: { path: 'kosten', label: 'businessCase.tab' }).
 */
export interface FamilyTab {
  /** Relative to /families/:familyId; '' is the overview. */
  path: string
  /** i18n key of the tab's label. */
  label: TranslationKey
}

export const familyTabs: FamilyTab[] = [
  { path: '', label: 'workday.family.overview' },
  { path: 'plan', label: 'plan.title' },
  { path: 'meetings', label: 'meetings.familyLink' },
  { path: 'outcomes', label: 'measurements.outcomes.title' },
  { path: 'kosten', label: 'businessCase.events.link' },
]
