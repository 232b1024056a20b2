import { useState } from 'react'
import { type DraftOptions, useDraft } from '../features/auth/drafts'
import { type ValueHandles, valueHandles } from './formValues'

export { changedFields } from './formValues'

/** A form's values and what the user changed in them (see useFormValues). */
export interface FormValues<T extends object> extends ValueHandles<T> {
  /** The form came back with earlier, unsaved input (its draft). */
  restored: boolean
  /** Drops the draft and goes back to the initial values: after a save, on cancel, or to take fresh data. */
  reset: () => void
}

export interface FormValuesOptions extends DraftOptions {
  /** Keep what is typed as a draft under this key (features/auth/drafts.ts); none keeps no draft. */
  draft?: string
}

/**
 * The values a form holds, kept as a draft when the form names one. `initial` is read once, when the form opens:
 * data that is fetched again in the background does not change what the user is editing.
 */
export function useFormValues<T extends object>(initial: () => T, options: FormValuesOptions = {}): FormValues<T> {
  const [start] = useState(initial)
  const [values, setValues, clearDraft, restored] = useDraft<T>(options.draft ?? null, () => start, options)
  return {
    ...valueHandles(start, values, setValues),
    restored,
    reset: () => {
      setValues(start)
      clearDraft()
    },
  }
}
