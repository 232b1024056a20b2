import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime, formatNumber } from './format'
import { dutch, loadEnglish } from './resources'

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key))
}

describe('translations', () => {
  it('has the same keys in Dutch and English', async () => {
    expect(keys(await loadEnglish()).sort()).toEqual(keys(dutch).sort())
  })

  it('formats dates and numbers the Dutch way', () => {
    expect(formatDate('2026-03-05')).toBe('05-03-2026')
    expect(formatDate(null)).toBe('—')
    expect(formatDateTime('2026-03-05T09:07:00Z')).toMatch(/^05-03-2026,? \d{2}:07$/)
    expect(formatNumber(1234567.5)).toBe('1.234.567,5')
  })
})
