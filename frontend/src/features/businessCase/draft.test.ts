import { describe, expect, it } from 'vitest'
import { normalise, withValue } from './draft'
import type { ModelDefinition } from './types'

const FAMILY_TYPE = {
  code: 'a',
  name_nl: 'A',
  name_en: 'A',
  description_nl: '',
  support_hours_per_year: '10',
  hourly_rate: '80.00',
}
const FACTOR = {
  code: 'f',
  name_nl: 'F',
  name_en: 'F',
  life_domain: 'health',
  payer: 'wlz',
  unit: 'day' as const,
  unit_cost: '100.00',
  unit_cost_low: '80.00',
  unit_cost_high: '120.00',
  source: 'bron',
}
const model: ModelDefinition = {
  name: 'Test',
  is_example: false,
  notice_nl: '',
  notice_en: '',
  price_year: 2026,
  support_payer: 'wlz',
  payers: [{ code: 'wlz', name_nl: 'Wlz', name_en: 'Wlz' }],
  family_types: [FAMILY_TYPE],
  cost_factors: [FACTOR],
  assumptions: [],
}

describe('model draft', () => {
  it('widens the range when a value moves outside it', () => {
    expect(withValue(FACTOR, 'unit_cost', 'unit_cost_low', 'unit_cost_high', '150')).toMatchObject({
      unit_cost: '150',
      unit_cost_low: '80.00',
      unit_cost_high: '150',
    })
    expect(withValue(FACTOR, 'unit_cost', 'unit_cost_low', 'unit_cost_high', '50')).toMatchObject({
      unit_cost_low: '50',
    })
  })
  it('turns typed Dutch numbers into decimal strings, and refuses what it cannot read', () => {
    const typed = { ...model, family_types: [{ ...FAMILY_TYPE, hourly_rate: '82,50' }] }
    expect(normalise(typed)?.family_types[0]?.hourly_rate).toBe('82.50')
    const wrong = { ...model, family_types: [{ ...FAMILY_TYPE, hourly_rate: 'veel' }] }
    expect(normalise(wrong)).toBeNull()
  })
})
