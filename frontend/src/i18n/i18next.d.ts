import 'i18next'
import type phone from '../phone/i18n/nl.json'
import type { DutchMessages } from './resources'

// Every `t('…')` key is checked against the Dutch texts: a misspelt or missing key fails `npm run typecheck`.
// Two namespaces, one per entry: the staff app's `useTranslation()` knows only the staff texts ('translation'), the
// phone pages' `usePhoneTranslation()` (src/phone/i18n) only their own ('phone'); a key of the other fails too.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: DutchMessages; phone: typeof phone }
  }
}
