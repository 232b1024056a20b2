import { useTranslation } from 'react-i18next'
import type { Resolution } from '../workday/types'

export interface Resolved {
  resolution: Resolution
  to: string
}

const RESOLUTIONS: Resolution[] = ['achieved', 'discontinued', 'handed_over']

/** One open goal or action and how it ends: achieved, discontinued, or handed over to a named party. */
export function ResolutionRow({
  id,
  text,
  value,
  onChange,
}: {
  id: string
  text: string
  value: Resolved | undefined
  onChange: (next: Resolved) => void
}) {
  const { t } = useTranslation()
  const current = value ?? { resolution: 'achieved' as Resolution, to: '' }
  return (
    <div className="resolution-row">
      <p className="resolution-text">{text}</p>
      <div className="field">
        <label htmlFor={`res-${id}`}>
          {t('workday.closure.resolution')}
          <span className="visually-hidden"> {text}</span>
        </label>
        <select
          id={`res-${id}`}
          value={current.resolution}
          onChange={(event) => onChange({ ...current, resolution: event.target.value as Resolution })}
        >
          {RESOLUTIONS.map((r) => (
            <option key={r} value={r}>
              {t(`workday.closure.resolutions.${r}`)}
            </option>
          ))}
        </select>
      </div>
      {current.resolution === 'handed_over' ? (
        <div className="field">
          <label htmlFor={`res-to-${id}`}>
            {t('workday.closure.handedOverTo')}
            <span className="visually-hidden"> {text}</span>
          </label>
          <input
            id={`res-to-${id}`}
            maxLength={200}
            required
            value={current.to}
            onChange={(event) => onChange({ ...current, to: event.target.value })}
          />
        </div>
      ) : null}
    </div>
  )
}
