import { useState } from 'react'

// The value and diff logic of a form, without the staff app's draft store: the phone's bundle imports it too.

/** A form's values and what the user changed in them. */
export interface ValueHandles<T extends object> {
  values: T
  /** The values the form was opened with: what `changed` compares against. */
  initial: T
  /** One field's new value. Like `update`, it starts from this render's values: change several fields in one `update`. */
  set: <K extends keyof T>(field: K, value: T[K]) => void
  /** Several fields at once. */
  update: (patch: Partial<T>) => void
  /** The fields whose value differs from the initial values: for "unsaved changes" and to see whether to save. */
  changed: (keyof T)[]
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/** `set`, `update` and `changed` over one state of values, wherever that state is kept. */
export function valueHandles<T extends object>(start: T, values: T, setValues: (values: T) => void): ValueHandles<T> {
  const update = (patch: Partial<T>) => setValues({ ...values, ...patch })
  return {
    values,
    initial: start,
    set: (field, value) => {
      const patch: Partial<T> = {}
      patch[field] = value
      update(patch)
    },
    update,
    changed: (Object.keys(start) as (keyof T)[]).filter((field) => !same(values[field], start[field])),
  }
}

/** A form's values in plain React state, kept nowhere else (no draft); `initial` is read once. */
export function useValues<T extends object>(initial: () => T): ValueHandles<T> {
  const [start] = useState(initial)
  const [values, setValues] = useState(start)
  return valueHandles(start, values, setValues)
}

/**
 * The fields of `after` that differ from `before`, for a PATCH body: a PATCH never rewrites what the user did not
 * touch, and a field that `after` leaves out while `before` had it is sent as null (cleared).
 */
export function changedFields<T extends object>(before: T, after: T): Partial<T> {
  const previous = new Map<string, unknown>(Object.entries(before))
  const next = new Map<string, unknown>(Object.entries(after))
  const out: Record<string, unknown> = {}
  for (const key of new Set([...previous.keys(), ...next.keys()])) {
    if (!same(next.get(key), previous.get(key))) out[key] = next.get(key) ?? null
  }
  return out as Partial<T>
}
