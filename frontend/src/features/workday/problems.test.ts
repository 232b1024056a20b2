import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import en from './i18n/en.json'
import nl from './i18n/nl.json'

// The codes the API can emit, as published in the committed contract (components.schemas.ErrorCode).
const contract = JSON.parse(readFileSync(resolve(__dirname, '../../../../openapi/openapi.json'), 'utf8')) as {
  components: { schemas: { ErrorCode: { enum: string[] } } }
}
const codes = contract.components.schemas.ErrorCode.enum

describe('problem codes', () => {
  it('the contract lists the codes', () => {
    expect(codes.length).toBeGreaterThan(50)
    expect(codes).toContain('family_not_found')
  })

  it.each([
    ['nl', nl.problem],
    ['en', en.problem],
  ])('every code the API can emit has a %s translation', (_, texts: Record<string, string>) => {
    const missing = codes.filter((code) => !texts[code]?.trim())
    expect(missing).toEqual([])
  })

  it('Dutch texts are not the English ones', () => {
    const same = codes.filter(
      (code) => (nl.problem as Record<string, string>)[code] === (en.problem as Record<string, string>)[code],
    )
    expect(same).toEqual([])
  })
})
