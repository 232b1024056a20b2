import i18n, { type ParseKeys, type TFunction } from 'i18next'
import { initReactI18next, useTranslation } from 'react-i18next'
import en from './en.json'
import nl from './nl.json'

// The phone pages' own texts only (checkin, questionnaires, plan), in their own namespace: the staff app's texts stay
// out of this bundle, and `t` is typed against these texts alone (src/i18n/i18next.d.ts), so a staff key used here (or
// a phone key in the staff app) fails `npm run typecheck`.
export const PHONE_NS = 'phone'
export type Language = 'nl' | 'en'
/** The phone pages' `t`: only keys of src/phone/i18n/nl.json. */
export type PhoneT = TFunction<typeof PHONE_NS>
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

/** What every phone component calls instead of `useTranslation()`. */
export function usePhoneTranslation() {
  return useTranslation(PHONE_NS)
}

/** For a key built from what the server sends: checked against the loaded texts at run time (see src/i18n/keys.ts). */
function isPhoneKey(key: string): key is ParseKeys<typeof PHONE_NS> {
  return i18n.exists(key, { ns: PHONE_NS })
}

/** The words for a code the API sends as plain text (`prefix.code`), or the code itself when we have none. */
export function phoneCodeText(t: PhoneT, prefix: string, code: string | number): string {
  const key = `${prefix}.${code}`
  return isPhoneKey(key) ? t(key) : String(code)
}

const phoneResources = { nl: { [PHONE_NS]: nl }, en: { [PHONE_NS]: en } }

if (!i18n.isInitialized) {
  void i18n.use(initReactI18next).init({
    resources: phoneResources,
    ns: [PHONE_NS],
    defaultNS: PHONE_NS,
    lng: storedLanguage(),
    fallbackLng: 'nl',
    interpolation: { escapeValue: false },
    returnNull: false,
  })
} else {
  // Tests start the staff texts first: add the phone's namespace beside them.
  for (const [language, texts] of Object.entries(phoneResources))
    i18n.addResourceBundle(language, PHONE_NS, texts[PHONE_NS], true, false)
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language
})
document.documentElement.lang = i18n.language
