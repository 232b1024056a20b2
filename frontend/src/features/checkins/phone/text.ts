import type { Item } from './api'

/** A {nl, en} text in the interface language. */
export function localText(text: { nl: string; en: string }, language: string): string {
  return language === 'en' ? text.en : text.nl
}

/** An item's wording in the interface language when there is one, else the other; `lang` says which it is. */
export function itemText(item: Item, language: string): { text: string; lang: 'nl' | 'en' } {
  const preferred = language === 'en' ? item.text_en : item.text_nl
  if (preferred) return { text: preferred, lang: language === 'en' ? 'en' : 'nl' }
  if (item.text_nl) return { text: item.text_nl, lang: 'nl' }
  return { text: item.text_en ?? `${item.number}`, lang: 'en' }
}
