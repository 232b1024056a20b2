import { describe, expect, it } from 'vitest'
import { formatDecimal, formatEuro, parseDecimal } from './money'

describe('formatEuro', () => {
  it('formats exact decimal strings in Dutch, rounding half up to whole euros', () => {
    expect(formatEuro('27991.67')).toBe('€ 27.992')
    expect(formatEuro('27991.49')).toBe('€ 27.991')
    expect(formatEuro('999.50')).toBe('€ 1.000')
    expect(formatEuro('-240.00')).toBe('−€ 240')
    expect(formatEuro('27991670.00')).toBe('€ 27.991.670')
    expect(formatEuro('-0.40')).toBe('€ 0')
  })
  it('keeps cents when asked, without a float in between', () => {
    expect(formatEuro('1176.67', { cents: true })).toBe('€ 1.176,67')
    expect(formatEuro('12345678901234.10', { cents: true })).toBe('€ 12.345.678.901.234,10')
    expect(formatEuro(null)).toBe('—')
  })
})

describe('formatDecimal and parseDecimal', () => {
  it('shows a comma and drops trailing zeros', () => {
    expect(formatDecimal('1.48')).toBe('1,48')
    expect(formatDecimal('12.000', 3)).toBe('12')
    expect(formatDecimal('0.150', 3)).toBe('0,15')
  })
  it('reads Dutch and plain numbers', () => {
    expect(parseDecimal('1.250,50')).toBe('1250.50')
    expect(parseDecimal('1250.5')).toBe('1250.5')
    expect(parseDecimal('abc')).toBeNull()
    expect(parseDecimal('')).toBeNull()
  })
})
