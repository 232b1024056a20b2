import { describe, expect, it } from 'vitest'
import { ApiError, fieldErrors, localDetail } from './errors'

describe('API errors', () => {
  it('shows the half of a bilingual detail in the chosen language', () => {
    const detail = 'Deze regio bestaat al / this region already exists.'
    expect(localDetail(detail, 'nl')).toBe('Deze regio bestaat al.')
    expect(localDetail(detail, 'en')).toBe('This region already exists.')
    expect(localDetail('Only one language.', 'en')).toBe('Only one language.')
  })

  it('maps field errors by field name, first message wins', () => {
    const error = new ApiError(422, {
      type: 'about:blank',
      title: 'Unprocessable',
      status: 422,
      code: 'validation_failed',
      detail: 'x',
      errors: [
        {
          field: 'email',
          pointer: '/email',
          code: 'string_pattern_mismatch',
          message: 'bad',
          type: 'string_pattern_mismatch',
        },
        { field: 'email', pointer: '/email', code: 'string_too_long', message: 'worse', type: 'string_too_long' },
        {
          field: 'body.members.0.phone',
          pointer: '/members/0/phone',
          code: 'string_pattern_mismatch',
          message: 'digits',
          type: 'string_pattern_mismatch',
        },
      ],
    })
    expect(fieldErrors(error)).toEqual({
      email: { message: 'bad', type: 'string_pattern_mismatch' },
      'members.0.phone': { message: 'digits', type: 'string_pattern_mismatch' },
    })
    expect(fieldErrors(new Error('network'))).toEqual({})
  })
})
