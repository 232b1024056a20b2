import { useTranslation } from 'react-i18next'
import { useInstrument } from './queries'
import { localized } from './text'

/** Per scale of one instrument: where its norms come from, or that they are example norms, or that there are none. */
function InstrumentNorms({ code }: { code: string }) {
  const { t, i18n } = useTranslation()
  const instrument = useInstrument(code)
  const definition = instrument.data?.definition
  if (!definition) return null
  const scales = [...definition.subscales, ...(definition.total ? [definition.total] : [])]
  return (
    <>
      {scales.map((scale) => {
        const name = `${localized(definition.name, i18n.language)}: ${localized(scale.name, i18n.language)}`
        const norms = scale.norms
        const text = !norms
          ? t('measurements.method.normsNone')
          : norms.status === 'example'
            ? t('measurements.method.normsExample')
            : t('measurements.method.normsSourced', { source: norms.source ?? '' })
        return (
          <li key={`${code}-${scale.code}`}>
            <strong>{name}</strong>: {text}
          </li>
        )
      })}
    </>
  )
}

/** The norms behind the family's verdicts, instrument by instrument (inside "Hoe rekenen we?"). */
export function NormsList({ codes }: { codes: readonly string[] }) {
  const { t } = useTranslation()
  return (
    <>
      <h3>{t('measurements.method.normsTitle')}</h3>
      <ul className="explainer-list">
        {codes.map((code) => (
          <InstrumentNorms key={code} code={code} />
        ))}
      </ul>
    </>
  )
}
