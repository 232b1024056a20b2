import 'i18next'
import type phone from '../phone/i18n/nl.json'
import type { DutchMessages } from './resources'

// Every `t('…')` key is checked against the Dutch texts: a misspelt or missing key fails `npm run typecheck`.
// The phone pages' own texts are one type with the staff app's, as the tests load both into one i18n instance.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: DutchMessages & typeof phone }
  }
}
