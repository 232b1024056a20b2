import nl from './nl.json'

type Messages = Record<string, unknown>

// Each feature may keep its own texts in src/features/<feature>/i18n/{nl,en}.json under its own top-level key.
// Dutch is bundled with the app; English is fetched when someone chooses it (most users read Dutch, and the
// English texts would otherwise be a sixth of the staff app's initial JavaScript).
const dutchFeatures = import.meta.glob<Messages>('../features/*/i18n/nl.json', { eager: true, import: 'default' })
const englishFeatures = import.meta.glob<Messages>('../features/*/i18n/en.json', { import: 'default' })

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

export const dutch = withFeatures(nl, dutchFeatures)

export async function loadEnglish(): Promise<Messages> {
  const [base, ...features] = await Promise.all([
    import('./en.json').then((module) => module.default as Messages),
    ...Object.entries(englishFeatures).map(async ([path, load]) => [path, await load()] as const),
  ])
  return withFeatures(base, Object.fromEntries(features))
}
