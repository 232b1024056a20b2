import en from './en.json'
import nl from './nl.json'

type Messages = Record<string, unknown>

// Each feature may keep its own texts in src/features/<feature>/i18n/{nl,en}.json under its own top-level key.
const featureFiles = import.meta.glob<Messages>('../features/*/i18n/*.json', { eager: true, import: 'default' })

function withFeatures(base: Messages, language: 'nl' | 'en'): Messages {
  const merged: Messages = { ...base }
  for (const [path, messages] of Object.entries(featureFiles)) {
    if (!path.endsWith(`/${language}.json`)) continue
    for (const [key, value] of Object.entries(messages)) {
      if (key in merged) throw new Error(`Translation key "${key}" in ${path} is already defined`)
      merged[key] = value
    }
  }
  return merged
}

export const resources = {
  nl: withFeatures(nl, 'nl'),
  en: withFeatures(en, 'en'),
}
