// Amounts arrive as exact decimal strings ("27000.00"); they are formatted as text, never through a float.

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.')
}

/** "-27991.67" → "−€ 27.992" (whole euros, half up) or with cents "−€ 27.991,67". */
export function formatEuro(value: string | null | undefined, { cents = false }: { cents?: boolean } = {}): string {
  if (value === null || value === undefined || value === '') return '—'
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim())
  if (!match) return value
  const [, sign = '', whole = '0', fraction = ''] = match
  let euros = whole
  let rest = fraction.padEnd(2, '0').slice(0, 2)
  if (!cents) {
    euros = (fraction[0] ?? '0') >= '5' ? (BigInt(whole) + 1n).toString() : whole
    rest = ''
  }
  const negative = sign === '-' && /[1-9]/.test(euros + rest)
  return `${negative ? '−' : ''}€ ${group(euros)}${cents ? `,${rest}` : ''}`
}

/** "1.475" → "1,48"; a decimal string with a comma, as Dutch readers expect. */
export function formatDecimal(value: string | null | undefined, digits = 2): string {
  if (value === null || value === undefined || value === '') return '—'
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim())
  if (!match) return value
  const [, sign = '', whole = '0', fraction = ''] = match
  const shown = fraction.padEnd(digits, '0').slice(0, digits)
  const trimmed = digits > 2 ? shown.replace(/0+$/, '') : shown
  return `${sign === '-' ? '−' : ''}${group(whole)}${trimmed ? `,${trimmed}` : ''}`
}

/** A number a person typed ("1.250,50", "1250.5", "12") as the API's decimal string, or null. */
export function parseDecimal(text: string): string | null {
  const cleaned = text.trim().replace(/\s/g, '')
  if (!cleaned) return null
  const normalised = cleaned.includes(',') ? cleaned.replace(/\./g, '').replace(',', '.') : cleaned
  return /^\d+(\.\d+)?$/.test(normalised) ? normalised : null
}
