import { useState } from 'react'
import { type DraftOptions, useDraft } from '../features/auth/drafts'

/** A form's values and what the user changed in them (see useFormValues). */
export interface FormValues<T extends object> {
  values: T
  /** The values the form was opened with: what `changed` compares against. */
  initial: T
  /** One field's new value. Like `update`, it starts from this render's values: change several fields in one `update`. */
  set: <K extends keyof T>(field: K, value: T[K]) => void
  /** Several fields at once. */
  update: (patch: Partial<T>) => void
  /** The fields whose value differs from the initial values: for "unsaved changes" and to see whether to save. */
  changed: (keyof T)[]
  /** The form came back with earlier, unsaved input (its draft). */
  restored: boolean
  /** Drops the draft and goes back to the initial values: after a save, on cancel, or to take fresh data. */
  reset: () => void
}

export interface FormValuesOptions extends DraftOptions {
  /** Keep what is typed as a draft under this key (features/auth/drafts.ts); none keeps no draft. */
  draft?: string
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/**
 * The values a form holds, kept as a draft when the form names one. `initial` is read once, when the form opens:
 * data that is fetched again in the background does not change what the user is editing.
 */
export function useFormValues<T extends object>(initial: () => T, options: FormValuesOptions = {}): FormValues<T> {
  const [start] = useState(initial)
  const [values, setValues, clearDraft, restored] = useDraft<T>(options.draft ?? null, () => start, options)
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
    restored,
    reset: () => {
      setValues(start)
      clearDraft()
    },
  }
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
