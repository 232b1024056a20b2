import { useEffect } from 'react'

// Chromium prints CSS page-margin boxes (plan.css @page); their words come from these properties on <html>,
// so the footer follows the page's language and names the supporter, and disappears with the page.
const PROPERTIES = ['--print-left', '--print-page', '--print-of'] as const

const quoted = (text: string) => JSON.stringify(text)

/** Sets the printed footer: `left` at the bottom left, "Pagina 1 van 3" (in `page`/`of` words) at the right. */
export function usePrintFooter({ left, page, of }: { left: string; page: string; of: string }) {
  useEffect(() => {
    const style = document.documentElement.style
    const values = [left, `${page} `, ` ${of} `]
    PROPERTIES.forEach((property, index) => style.setProperty(property, quoted(values[index] ?? '')))
    return () => PROPERTIES.forEach((property) => style.removeProperty(property))
  }, [left, page, of])
}
