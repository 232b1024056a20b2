import { useTranslation } from 'react-i18next'
import './voice.css'
import type { components } from '../../api/schema'

type Detail = components['schemas']['InstrumentDetail']
const LANGUAGES = ['nl', 'en'] as const

/** The administrator's view of the phone rule: in which languages, and to whom, a questionnaire is offered. */
export function PhoneOfferNote({ detail }: { detail: Detail }) {
  const { t } = useTranslation()
  const definition = detail.definition
  if (definition.use !== 'family_outcome') return null
  const roles = definition.wave_member_roles
  return (
    <section className="card" aria-labelledby="phone-offer-heading">
      <h2 id="phone-offer-heading">{t('voice.phoneOffer.title')}</h2>
      {definition.respondent === 'supporter' ? (
        <p>{t('voice.phoneOffer.adminSupporter')}</p>
      ) : (
        <ul className="phone-offer-list">
          {LANGUAGES.map((code) => {
            const language = t(`voice.phoneOffer.language.${code}`)
            const offered = detail.phone_languages.includes(code)
            return (
              <li key={code} data-offered={offered}>
                {offered
                  ? t('voice.phoneOffer.adminOffered', { language })
                  : t('voice.phoneOffer.adminMissing', { language })}
              </li>
            )
          })}
          <li>
            {roles.length > 0
              ? t('voice.phoneOffer.adminRoles', {
                  roles: roles.map((role) => t(`memberRole.${role}`).toLowerCase()).join(', '),
                })
              : t('voice.phoneOffer.adminEveryone')}
          </li>
        </ul>
      )}
    </section>
  )
}
