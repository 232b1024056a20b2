import { useTranslation } from 'react-i18next'
import { Field } from '../../../components/Field'
import type { BandDraft, ScaleDraft } from './scaleDraft'

/** One scale of an instrument: its names, norms, clinical cut-off and score bands. */
export function ScaleFieldset({
  draft,
  onChange,
}: {
  draft: ScaleDraft
  onChange: (change: Partial<ScaleDraft>) => void
}) {
  const { t } = useTranslation()
  return (
    <fieldset className="fieldset">
      <legend>{t('measurements.admin.scaleLegend', { scale: draft.nl })}</legend>
      <div className="form-grid">
        <Field label={t('measurements.admin.nameNl')} required>
          {(props) => (
            <input {...props} type="text" value={draft.nl} onChange={(event) => onChange({ nl: event.target.value })} />
          )}
        </Field>
        <Field label={t('measurements.admin.nameEn')} required>
          {(props) => (
            <input {...props} type="text" value={draft.en} onChange={(event) => onChange({ en: event.target.value })} />
          )}
        </Field>
        {(['mean', 'sd', 'reliability', 'cutoff'] as const).map((name) => (
          <Field
            key={name}
            label={t(
              `measurements.admin.${name === 'mean' ? 'normMean' : name === 'sd' ? 'normSd' : name === 'reliability' ? 'normR' : 'cutoff'}`,
            )}
          >
            {(props) => (
              <input
                {...props}
                type="text"
                inputMode="decimal"
                value={draft[name]}
                onChange={(event) => onChange({ [name]: event.target.value })}
              />
            )}
          </Field>
        ))}
      </div>
      <BandsEditor bands={draft.bands} onChange={(bands) => onChange({ bands })} />
    </fieldset>
  )
}

function BandsEditor({ bands, onChange }: { bands: BandDraft[]; onChange: (bands: BandDraft[]) => void }) {
  const { t } = useTranslation()
  const set = (index: number, change: Partial<BandDraft>) =>
    onChange(bands.map((band, i) => (i === index ? { ...band, ...change } : band)))
  return (
    <div className="bands-editor">
      <p className="readonly-label">{t('measurements.admin.bands')}</p>
      {bands.map((band, index) => (
        <div key={index} className="band-row">
          <Field label={t('measurements.admin.lower')} required>
            {(props) => (
              <input
                {...props}
                type="text"
                inputMode="decimal"
                value={band.lower}
                onChange={(event) => set(index, { lower: event.target.value })}
              />
            )}
          </Field>
          <Field label={t('measurements.admin.upper')} required>
            {(props) => (
              <input
                {...props}
                type="text"
                inputMode="decimal"
                value={band.upper}
                onChange={(event) => set(index, { upper: event.target.value })}
              />
            )}
          </Field>
          <Field label={t('measurements.admin.labelNl')} required>
            {(props) => (
              <input
                {...props}
                type="text"
                value={band.nl}
                onChange={(event) => set(index, { nl: event.target.value })}
              />
            )}
          </Field>
          <Field label={t('measurements.admin.labelEn')} required>
            {(props) => (
              <input
                {...props}
                type="text"
                value={band.en}
                onChange={(event) => set(index, { en: event.target.value })}
              />
            )}
          </Field>
          <button
            type="button"
            className="link-button link-danger"
            onClick={() => onChange(bands.filter((_, i) => i !== index))}
          >
            {t('measurements.admin.removeBand', { label: band.nl || index + 1 })}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={() => onChange([...bands, { lower: '', upper: '', nl: '', en: '' }])}
      >
        {t('measurements.admin.addBand')}
      </button>
    </div>
  )
}
