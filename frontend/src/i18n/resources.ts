import accounts from '../features/accounts/i18n/nl.json'
import businessCase from '../features/businessCase/i18n/nl.json'
import checkins from '../features/checkins/i18n/nl.json'
import evidence from '../features/evidence/i18n/nl.json'
import families from '../features/families/i18n/nl.json'
import funders from '../features/funders/i18n/nl.json'
import measurements from '../features/measurements/i18n/nl.json'
import meetings from '../features/meetings/i18n/nl.json'
import notifications from '../features/notifications/i18n/nl.json'
import plans from '../features/plans/i18n/nl.json'
import research from '../features/research/i18n/nl.json'
import voice from '../features/voice/i18n/nl.json'
import workday from '../features/workday/i18n/nl.json'
import nl from './nl.json'

type Messages = Record<string, unknown>

// Each feature may keep its own texts in src/features/<feature>/i18n/{nl,en}.json under its own top-level key.
// Dutch is bundled with the app and named here one by one, so that its type is the type of every `t()` key
// (src/i18n/i18next.d.ts); English is fetched when someone chooses it (most users read Dutch, and the English
// texts would otherwise be a sixth of the staff app's initial JavaScript). A feature whose Dutch file is missing
// here fails the "same keys in Dutch and English" test.
const dutchFeatures = {
  accounts,
  businessCase,
  checkins,
  evidence,
  families,
  funders,
  measurements,
  meetings,
  notifications,
  plans,
  research,
  voice,
  workday,
}
const englishFeatures = import.meta.glob<Messages>('../features/*/i18n/en.json', { import: 'default' })

type Features = typeof dutchFeatures
type Intersection<U> = (U extends unknown ? (part: U) => void : never) extends (part: infer I) => void ? I : never
/** The Dutch texts: the global file and every feature's, each under its own top-level keys. */
export type DutchMessages = typeof nl & Intersection<Features[keyof Features]>

function withFeatures(base: Messages, features: Record<string, Messages>): Messages {
  const merged: Messages = { ...base }
  for (const [path, messages] of Object.entries(features)) {
    for (const [key, value] of Object.entries(messages)) {
      if (key in merged) throw new Error(`Translation key "${key}" in ${path} is already defined`)
      merged[key] = value
    }
  }
  return merged
}

export const dutch = withFeatures(nl, dutchFeatures) as DutchMessages

export async function loadEnglish(): Promise<Messages> {
  const [base, ...features] = await Promise.all([
    import('./en.json').then((module) => module.default as Messages),
    ...Object.entries(englishFeatures).map(async ([path, load]) => [path, await load()] as const),
  ])
  return withFeatures(base, Object.fromEntries(features))
}
