import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import en from './en.json'
import nl from './nl.json'

// The phone pages' own texts only (checkin, questionnaires, plan): the staff app's texts stay out of this bundle.
export type Language = 'nl' | 'en'
const STORAGE_KEY = 'bondgenoot.language'

function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nl'
  } catch {
    return 'nl'
  }
}

export function setLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language)
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  void i18n.changeLanguage(language)
}

export const phoneResources = { nl, en }

if (!i18n.isInitialized) {
  void i18n.use(initReactI18next).init({
    resources: { nl: { translation: nl }, en: { translation: en } },
    lng: storedLanguage(),
    fallbackLng: 'nl',
    interpolation: { escapeValue: false },
    returnNull: false,
  })
} else {
  // Tests start the staff texts first: add the phone's own on top.
  for (const [language, texts] of Object.entries(phoneResources))
    i18n.addResourceBundle(language, 'translation', texts, true, false)
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language
})
document.documentElement.lang = i18n.language
