import type { ReactNode } from 'react'
import { Field } from './Field'

/** The query with one filter set, or without it when the value is empty: an empty choice means "all". */
export function withFilter<Q extends object>(query: Q, name: keyof Q, value: unknown): Q {
  const rest = Object.fromEntries(Object.entries(query).filter(([key]) => key !== name)) as Q
  return value === '' || value === undefined ? rest : { ...rest, [name]: value }
}

/** A row of filters that apply as they change: there is nothing to submit. */
export function FilterForm({ label, className, children }: { label: string; className: string; children: ReactNode }) {
  return (
    <form className={`filters ${className}`} aria-label={label} onSubmit={(event) => event.preventDefault()}>
      {children}
    </form>
  )
}

export interface FilterOption {
  value: string | number
  label: string
}

interface SelectProps {
  label: string
  value: string | number
  options: readonly FilterOption[]
  onChange: (value: string) => void
  hint?: string
  required?: boolean
}

/** One filter chosen from a list; give an option with the empty value for "all". */
export function SelectFilter({ label, value, options, onChange, hint, required }: SelectProps) {
  return (
    <Field label={label} hint={hint} required={required}>
      {(props) => (
        <select {...props} value={value} onChange={(event) => onChange(event.target.value)}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}

interface PeriodProps {
  from: string | null | undefined
  to: string | null | undefined
  labels: { from: string; to: string; hint?: string }
  onChange: (name: 'from' | 'to', value: string) => void
}

/** The first and last day of a period, each optional. */
export function PeriodFilter({ from, to, labels, onChange }: PeriodProps) {
  return (
    <>
      <Field date label={labels.from} hint={labels.hint}>
        {(props) => (
          <input {...props} type="date" value={from ?? ''} onChange={(event) => onChange('from', event.target.value)} />
        )}
      </Field>
      <Field date label={labels.to}>
        {(props) => (
          <input {...props} type="date" value={to ?? ''} onChange={(event) => onChange('to', event.target.value)} />
        )}
      </Field>
    </>
  )
}
