import { useTranslation } from 'react-i18next'
import './voice.css'
import type { components } from '../../api/schema'
import { localized } from '../measurements/text'

type PhoneOffer = components['schemas']['PhoneOffer']

/** Per family member: the questionnaires on their phone, and for each one that is not, why (the API's reason). */
export function PhoneOffers({ offers }: { offers: PhoneOffer[] }) {
  const { t, i18n } = useTranslation()
  if (offers.length === 0) return null
  const members = new Map<string, PhoneOffer[]>()
  for (const offer of offers) members.set(offer.member_id, [...(members.get(offer.member_id) ?? []), offer])
  return (
    <section className="phone-offers" aria-labelledby="phone-offers-heading">
      <h3 id="phone-offers-heading">{t('voice.phoneOffer.title')}</h3>
      <p className="muted">{t('voice.phoneOffer.intro')}</p>
      <ul className="phone-offer-list">
        {[...members.values()].map((own) => {
          const first = own[0]
          if (!first) return null
          const member = first.member_name
          const offered = own
            .filter((offer) => offer.offered)
            .map((offer) => localized(offer.instrument_name, i18n.language))
          const refused = own.filter((offer) => !offer.offered)
          // The child with the disability answers none: one line instead of the same reason per questionnaire.
          if (offered.length === 0 && refused.every((offer) => offer.reason === 'not_a_respondent')) {
            return (
              <li key={first.member_id}>
                <p>{t('voice.phoneOffer.noneForRole', { member })}</p>
              </li>
            )
          }
          return (
            <li key={first.member_id}>
              <p>
                {offered.length > 0
                  ? t('voice.phoneOffer.offered', { member, names: offered.join(', ') })
                  : t('voice.phoneOffer.nothingOffered', { member })}
              </p>
              {refused.length > 0 ? (
                <ul>
                  {refused.map((offer) => (
                    <li key={offer.instrument_code} data-reason={offer.reason ?? undefined}>
                      <strong>{localized(offer.instrument_name, i18n.language)}</strong>:{' '}
                      {t(`voice.phoneOffer.reason.${offer.reason ?? 'no_wording'}`, {
                        member,
                        language: t(`voice.phoneOffer.language.${offer.member_language}`),
                      })}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
