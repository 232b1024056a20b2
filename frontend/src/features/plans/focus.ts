import { useEffect, useRef } from 'react'

/** A form that opens in place takes focus at its first field, so keyboard users land where they can type. */
export function useFocusFirstField<T extends HTMLElement>() {
  const ref = useRef<T>(null)
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('input, textarea, select')?.focus()
  }, [])
  return ref
}
