import type { ReactNode } from 'react'

/** A table that may scroll sideways on a phone: focusable, so keyboard users can scroll it too. */
export function Scroll({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    // A scrolling table must be reachable by keyboard (WCAG 2.1.1), hence the tabIndex.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="table-scroll" tabIndex={0} role="group" aria-labelledby={labelledBy}>
      {children}
    </div>
  )
}
