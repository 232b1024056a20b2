import { type ReactNode, useId } from 'react'

interface ScaleProps {
  name: string
  legend: string
  low: string
  high: string
  lowIcon: ReactNode
  highIcon: ReactNode
  value: number | null
  error: string | null
  onChange: (value: number) => void
}

const NUMBERS = Array.from({ length: 11 }, (_, n) => n)

/** 0–10 as eleven big radio buttons; the ends are said in words, the pictograms only add to them. */
export function Scale({ name, legend, low, high, lowIcon, highIcon, value, error, onChange }: ScaleProps) {
  const id = useId()
  return (
    <fieldset
      className="ci-card ci-scale"
      id={`ci-${name}`}
      tabIndex={-1}
      aria-describedby={`${id}-ends${error ? ` ${id}-error` : ''}`}
      aria-invalid={error ? true : undefined}
    >
      <legend className="ci-legend">{legend}</legend>
      <p className="ci-ends" id={`${id}-ends`}>
        <span>
          {lowIcon}
          {low}
        </span>
        <span className="ci-end-high">
          {high}
          {highIcon}
        </span>
      </p>
      {error && (
        <p className="ci-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <div className="ci-numbers">
        {NUMBERS.map((n) => (
          <label key={n} className="ci-number">
            <input type="radio" name={name} value={n} checked={value === n} onChange={() => onChange(n)} />
            <span>{n}</span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}
