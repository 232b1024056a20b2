import type { Definition } from '../features/measurements/types'

/** A small instrument definition for tests: a test gives its own answer options, items and total. */
export function testDefinition(parts: Pick<Definition, 'option_sets' | 'items' | 'total'>): Definition {
  return {
    code: 'fqol',
    version: 1,
    name: { nl: 'Gezin', en: 'Family' },
    description: { nl: 'Vragen.', en: 'Questions.' },
    source: 'Test',
    licence: { owner: 'Beach Center', terms: 'Licensed.', item_text_reproducible: false },
    respondent: 'family_member',
    use: 'family_outcome',
    wave_member_roles: [],
    reverse_rule: 'min_plus_max',
    subscales: [],
    ...parts,
  }
}
