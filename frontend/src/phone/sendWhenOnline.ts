import { useEffect } from 'react'

/** Send what was kept offline: when the page opens and whenever the connection comes back. */
export function useSendWhenOnline(sendWaiting: () => Promise<void>): void {
  useEffect(() => {
    const online = () => void sendWaiting()
    const first = setTimeout(online, 0)
    window.addEventListener('online', online)
    return () => {
      clearTimeout(first)
      window.removeEventListener('online', online)
    }
  }, [sendWaiting])
}
