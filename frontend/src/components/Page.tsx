import { type ReactNode, useEffect, useRef } from 'react'

/**
 * The page's one h1. It sets the document title and takes focus after an in-app navigation,
 * so screen reader users hear where they landed.
 */
export function PageHeading({ children, title, actions }: { children: ReactNode; title: string; actions?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    document.title = `${title} · Bondgenoot`
    if (document.activeElement === document.body || document.activeElement === null) return
    ref.current?.focus()
  }, [title])
  return (
    <div className="page-heading">
      <h1 ref={ref} tabIndex={-1}>
        {children}
      </h1>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </div>
  )
}
