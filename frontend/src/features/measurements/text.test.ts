import { describe, expect, it } from 'vitest'
import { parseDecimal } from './admin/InstrumentEditForm'
import {
  changeTone,
  formatChange,
  formatScore,
  formatShare,
  isAllowed,
  itemText,
  unansweredItems,
  withAnswer,
} from './text'
import type { Definition } from './types'

const first = { number: 1, text_en: 'I bounce back quickly.', option_set: 'agree', reverse_keyed: false }
const second = { number: 2, text_nl: 'Het is zwaar.', text_en: 'It is hard.', option_set: 'agree', reverse_keyed: true }
const third = { number: 3, option_set: 'agree', reverse_keyed: false }
const definition = {
  code: 'brs',
  version: 1,
  name: { nl: 'Veerkracht', en: 'Resilience' },
  description: { nl: 'Zes stellingen.', en: 'Six statements.' },
  source: 'Smith et al. (2008)',
  licence: { owner: 'Smith', terms: 'Free with citation.', item_text_reproducible: true },
  respondent: 'family_member',
  use: 'family_outcome',
  wave_member_roles: [],
  reverse_rule: 'min_plus_max',
  option_sets: [
    {
      code: 'agree',
      options: [1, 2, 3, 4, 5].map((value) => ({ value, label: { nl: String(value), en: String(value) } })),
    },
  ],
  items: [first, second, third],
  subscales: [],
  total: null,
} satisfies Definition

describe('item wording', () => {
  it('uses the interface language, falls back to the other one, and is null when the licensee holds the text', () => {
    expect(itemText(second, 'nl')).toEqual({ text: 'Het is zwaar.', language: 'nl' })
    expect(itemText(second, 'en')).toEqual({ text: 'It is hard.', language: 'en' })
    expect(itemText(first, 'nl')).toEqual({ text: 'I bounce back quickly.', language: 'en' })
    expect(itemText(third, 'nl')).toBeNull()
  })
})

describe('answers', () => {
  it('lists the unanswered items in form order', () => {
    expect(unansweredItems(definition, {})).toEqual([1, 2, 3])
    expect(unansweredItems(definition, { '2': 4 })).toEqual([1, 3])
    expect(unansweredItems(definition, { '1': 1, '2': 5, '3': 3 })).toEqual([])
  })

  it('accepts only the values of the item’s own option set', () => {
    expect(isAllowed(definition, first, 1)).toBe(true)
    expect(isAllowed(definition, first, 5)).toBe(true)
    expect(isAllowed(definition, first, 0)).toBe(false)
    expect(isAllowed(definition, first, 6)).toBe(false)
  })

  it('sets and clears one answer without touching the others', () => {
    expect(withAnswer({ '1': 2 }, '2', 4)).toEqual({ '1': 2, '2': 4 })
    expect(withAnswer({ '1': 2, '2': 4 }, '2', 5)).toEqual({ '1': 2, '2': 5 })
    expect(withAnswer({ '1': 2, '2': 4 }, '1', null)).toEqual({ '2': 4 })
  })
})

describe('numbers', () => {
  it('writes scores, changes and shares the Dutch way', () => {
    expect(formatScore(3.16666)).toBe('3,17')
    expect(formatScore(null)).toBe('—')
    expect(formatChange(0.5)).toBe('+0,5')
    expect(formatChange(-1.254)).toBe('−1,25')
    expect(formatChange(0.001)).toBe('0')
    expect(formatShare(0.364)).toBe('36%')
  })

  it('reads decimals with a comma or a point, and refuses anything else', () => {
    expect(parseDecimal('3,5')).toBe(3.5)
    expect(parseDecimal(' 0.68 ')).toBe(0.68)
    expect(parseDecimal('-2')).toBe(-2)
    expect(parseDecimal('')).toBeNull()
    expect(parseDecimal('drie')).toBeNaN()
    expect(parseDecimal('1e3')).toBeNaN()
  })
})

describe('change classes', () => {
  it('counts recovered as better and keeps unchanged neutral', () => {
    expect(changeTone('improved')).toBe('better')
    expect(changeTone('recovered')).toBe('better')
    expect(changeTone('unchanged')).toBe('same')
    expect(changeTone('deteriorated')).toBe('worse')
    expect(changeTone(null)).toBeNull()
  })
})
