import { formatNumber } from '../../i18n/format'
import type { ChangeClass, Definition, Item, LocalizedText, OptionSet } from './types'

type Language = 'nl' | 'en'

export function lang(language: string): Language {
  return language.startsWith('en') ? 'en' : 'nl'
}

/** The text in the interface language; definitions always carry both. */
export function localized(text: LocalizedText | null | undefined, language: string): string {
  if (!text) return ''
  return text[lang(language)]
}

/**
 * An item's wording in the interface language, else in the other one; null when the licence keeps
 * the wording with the licensee (the form then shows the item number only).
 */
export function itemText(item: Item, language: string): { text: string; language: Language } | null {
  const own = lang(language)
  const other: Language = own === 'nl' ? 'en' : 'nl'
  const first = own === 'nl' ? item.text_nl : item.text_en
  if (first) return { text: first, language: own }
  const second = other === 'nl' ? item.text_nl : item.text_en
  return second ? { text: second, language: other } : null
}

export function optionSetOf(definition: Definition, item: Item): OptionSet | undefined {
  return definition.option_sets.find((set) => set.code === item.option_set)
}

/** Numbers of the items without an answer, in form order. */
export function unansweredItems(definition: Definition, answers: Readonly<Record<string, number>>): number[] {
  return definition.items.map((item) => item.number).filter((number) => answers[String(number)] === undefined)
}

/** Whether a value is one of the item's answer options (the API checks it too). */
export function isAllowed(definition: Definition, item: Item, value: number): boolean {
  return optionSetOf(definition, item)?.options.some((option) => option.value === value) ?? false
}

/** A score with at most two decimals, Dutch style ("3,17"); a dash when there is none. */
export function formatScore(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—'
  return formatNumber(Math.round(value * 100) / 100)
}

/** A change with its sign and a real minus: "+0,5", "−1,25", "0". */
export function formatChange(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—'
  const rounded = Math.round(value * 100) / 100
  if (rounded > 0) return `+${formatNumber(rounded)}`
  if (rounded < 0) return `−${formatNumber(Math.abs(rounded))}`
  return '0'
}

/** A share (0–1) as a whole percentage. */
export function formatShare(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—'
  return `${formatNumber(Math.round(value * 100))}%`
}

/** Better, the same, or worse: the badge's tone (recovered counts as better). */
export function changeTone(changeClass: ChangeClass | null | undefined): 'better' | 'same' | 'worse' | null {
  if (!changeClass) return null
  if (changeClass === 'improved' || changeClass === 'recovered') return 'better'
  return changeClass === 'deteriorated' ? 'worse' : 'same'
}

/** The answers with one item set, or taken out when the value is null. */
export function withAnswer(
  answers: Readonly<Record<string, number>>,
  key: string,
  value: number | null,
): Record<string, number> {
  const rest = Object.fromEntries(Object.entries(answers).filter(([name]) => name !== key))
  return value === null ? rest : { ...rest, [key]: value }
}
