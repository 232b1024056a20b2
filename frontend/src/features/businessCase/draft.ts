import { parseDecimal } from './money'
import type { ModelDefinition } from './types'

/** A decimal field as typed, kept as text until saving. */
export type Draft = ModelDefinition

type Ranged = Record<string, unknown>

/** Set a value and widen its low/high so that low ≤ value ≤ high keeps holding (the server checks it too). */
export function withValue<T extends Ranged>(row: T, key: string, lowKey: string, highKey: string, text: string): T {
  const next: Ranged = { ...row, [key]: text }
  const value = parseDecimal(text)
  if (value !== null) {
    const low = parseDecimal(String(row[lowKey]))
    const high = parseDecimal(String(row[highKey]))
    if (low !== null && Number(value) < Number(low)) next[lowKey] = value
    if (high !== null && Number(value) > Number(high)) next[highKey] = value
  }
  return next as T
}

const DECIMAL_FIELDS = {
  family_types: ['support_hours_per_year', 'hourly_rate'],
  cost_factors: ['unit_cost', 'unit_cost_low', 'unit_cost_high'],
  assumptions: ['usual', 'usual_low', 'usual_high', 'with_support', 'with_support_low', 'with_support_high'],
} as const

/** The draft with every typed number as the API's decimal string, or null when one cannot be read. */
export function normalise(draft: Draft): Draft | null {
  let unreadable = 0
  const fix = <T extends object>(rows: T[], fields: readonly string[]): T[] =>
    rows.map((row) => {
      const copy = { ...row } as Record<string, unknown>
      for (const field of fields) {
        const value = parseDecimal(String(copy[field]))
        if (value === null) unreadable += 1
        else copy[field] = value
      }
      return copy as unknown as T
    })
  const result: Draft = {
    ...draft,
    family_types: fix(draft.family_types, DECIMAL_FIELDS.family_types),
    cost_factors: fix(draft.cost_factors, DECIMAL_FIELDS.cost_factors),
    assumptions: fix(draft.assumptions, DECIMAL_FIELDS.assumptions),
  }
  return unreadable === 0 ? result : null
}
