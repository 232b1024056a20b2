import { useEffect, useRef } from 'react'

/** When a form that opened in place closes, focus goes back to the button that opened it (not lost to the page). */
export function useReturnFocus<T extends HTMLElement>(open: boolean) {
  const ref = useRef<T>(null)
  const wasOpen = useRef(open)
  useEffect(() => {
    if (wasOpen.current && !open) ref.current?.focus()
    wasOpen.current = open
  }, [open])
  return ref
}
