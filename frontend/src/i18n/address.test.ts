import { describe, expect, it } from 'vitest'
import staff from './nl.json'

// Every Dutch text file: the staff app's (global and per feature) and the family's phone pages.
const features = import.meta.glob<Record<string, unknown>>('../features/*/i18n/nl.json', {
  eager: true,
  import: 'default',
})
const phone = import.meta.glob<Record<string, unknown>>('../phone/i18n/nl.json', { eager: true, import: 'default' })

// "u" or "uw" as a word (not inside a word, a {{placeholder}} or a hyphenated compound).
const FORMAL = /(?<![\p{L}\p{N}{\-'’])(u|uw)(?![\p{L}\p{N}}\-'’])/iu

function formal(value: unknown, path: string): string[] {
  if (typeof value === 'string') return FORMAL.test(value) ? [`${path}: ${value}`] : []
  if (typeof value !== 'object' || value === null) return []
  return Object.entries(value).flatMap(([key, child]) => formal(child, path ? `${path}.${key}` : key))
}

describe('one form of address per audience', () => {
  it('staff pages say "je", never "u" or "uw"', () => {
    const files = { 'src/i18n/nl.json': staff, ...features }
    const found = Object.entries(files).flatMap(([file, texts]) => formal(texts, file))
    expect(found).toEqual([])
  })

  it('the family\'s phone pages say "je" or "jullie", never "u" or "uw"', () => {
    const found = Object.entries(phone).flatMap(([file, texts]) => formal(texts, file))
    expect(found).toEqual([])
  })

  it('recognises the formal address it must refuse', () => {
    expect(formal({ a: 'U kunt stoppen.', b: 'Alleen u ziet uw antwoorden.' }, '')).toHaveLength(2)
    expect(formal({ a: 'Je kunt stoppen.', b: 'uur, 9 u-bocht, {{u}}, menu' }, '')).toEqual([])
  })
})
