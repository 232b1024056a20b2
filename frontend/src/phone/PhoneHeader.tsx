import { setLanguage, usePhoneTranslation } from './i18n'

/** The brand and the switch to the other language. */
export function PhoneHeader() {
  const { t, i18n } = usePhoneTranslation()
  const other = i18n.language === 'en' ? 'nl' : 'en'
  return (
    <header className="ci-header">
      <span className="ci-brand">
        <img src="/favicon.svg" alt="" width="28" height="28" />
        Bondgenoot
      </span>
      <button type="button" className="ci-lang" lang={other} onClick={() => setLanguage(other)}>
        {t('checkin.switchLanguage')}
      </button>
    </header>
  )
}
