import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import { dutch, loadEnglish } from './resources'

export const LANGUAGES = ['nl', 'en'] as const
export type Language = (typeof LANGUAGES)[number]
const STORAGE_KEY = 'bondgenoot.language'

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY)
    return value === 'en' ? 'en' : 'nl'
  } catch {
    return 'nl'
  }
}

let english: Promise<void> | null = null

/** Shows the app in `language`, fetching the English texts the first time they are needed. */
export async function setLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language)
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  if (language === 'en') {
    english ??= loadEnglish().then((messages) => {
      i18n.addResourceBundle('en', 'translation', messages)
    })
    await english
  }
  await i18n.changeLanguage(language)
}

void i18n.use(initReactI18next).init({
  resources: { nl: { translation: dutch } },
  partialBundledLanguages: true,
  lng: 'nl',
  fallbackLng: 'nl',
  interpolation: { escapeValue: false },
  returnNull: false,
})

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language
})
document.documentElement.lang = i18n.language
if (storedLanguage() === 'en') void setLanguage('en')

export default i18n
