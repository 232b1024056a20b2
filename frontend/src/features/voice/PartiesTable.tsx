import { useTranslation } from 'react-i18next'
import './voice.css'
import type { components } from '../../api/schema'
import { codeText } from '../../i18n/keys'

type Party = components['schemas']['PartyAtTable']

/** The cohort's parties at the table: held meetings per party present (api/meetings/parties, as funders get). */
export function PartiesTable({ parties }: { parties: Party[] }) {
  const { t } = useTranslation()
  const shown = parties.filter((party) => party.meetings > 0 || party.party === 'family')
  return (
    <section className="card" aria-labelledby="parties-heading">
      <h2 id="parties-heading">{t('voice.parties.title')}</h2>
      <p className="muted">{t('voice.parties.intro')}</p>
      <table className="table table-cards table-compact parties-table">
        <caption className="visually-hidden">{t('voice.parties.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('voice.parties.party')}</th>
            <th scope="col" className="numeric">
              {t('voice.parties.meetings')}
            </th>
            <th scope="col" className="numeric">
              {t('voice.parties.families')}
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((party) => (
            <tr key={party.party}>
              <th scope="row" data-label={t('voice.parties.party')}>
                {party.party === 'family' ? t('voice.parties.family') : codeText(t, 'voice.party', party.party)}
              </th>
              <td className="numeric" data-label={t('voice.parties.meetings')}>
                {party.meetings}
              </td>
              <td className="numeric" data-label={t('voice.parties.families')}>
                {party.families}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
