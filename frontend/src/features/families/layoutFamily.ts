import { useOutletContext } from 'react-router'
import type { LoadedFamily } from './queries'

/** What a family page gets from its layout (FamilyLayout): the family, its ETag, and a way to load it again. */
export interface LayoutFamily extends LoadedFamily {
  reload: () => void
}

/** The family of a page under /families/:familyId, loaded once (and its errors shown) by the layout. */
export function useLayoutFamily(): LayoutFamily {
  return useOutletContext<LayoutFamily>()
}
