import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { Field } from '../../components/Field'
import { addMinutes } from './time'

export interface WhenWhere {
  date: string
  start: string
  end: string
  place: string
  videoUrl: string
}

export const WHEN_WHERE_FIELDS = ['starts_at', 'ends_at', 'place', 'video_url'] as const

export function whenWhereLabels(t: TFunction): Record<string, string> {
  return {
    starts_at: t('meetings.form.date'),
    ends_at: t('meetings.form.end'),
    place: t('meetings.form.place'),
    video_url: t('meetings.form.videoUrl'),
  }
}

/** What the form checks before sending: a date, a start, an end after the start, an https video link. */
export function checkWhenWhere(value: WhenWhere, t: TFunction): Record<string, string> {
  const errors: Record<string, string> = {}
  if (!value.date || !value.start) errors.starts_at = t('meetings.form.startRequired')
  else if (value.end && value.end <= value.start) errors.ends_at = t('meetings.form.endAfterStart')
  if (value.videoUrl.trim() && !/^https:\/\/\S+$/.test(value.videoUrl.trim()))
    errors.video_url = t('meetings.form.videoHttps')
  return errors
}

/** Date, start and end (Europe/Amsterdam), place and video link: shared by planning and changing a meeting. */
export function MeetingFields({
  value,
  onChange,
  errors,
  prefix,
}: {
  value: WhenWhere
  onChange: (next: WhenWhere) => void
  errors: Record<string, string>
  prefix: string
}) {
  const { t } = useTranslation()
  const labels = whenWhereLabels(t)
  const set = (patch: Partial<WhenWhere>) => onChange({ ...value, ...patch })
  return (
    <>
      <div className="form-grid meeting-when">
        <Field date id={`${prefix}starts_at`} label={labels.starts_at ?? ''} error={errors.starts_at} required>
          {(props) => (
            <input {...props} type="date" value={value.date} onChange={(e) => set({ date: e.target.value })} />
          )}
        </Field>
        <Field id={`${prefix}start`} label={t('meetings.form.start')} required>
          {(props) => (
            <input
              {...props}
              type="time"
              value={value.start}
              onChange={(e) => {
                const start = e.target.value
                // The end follows the start until someone sets it: 90 minutes is the usual length.
                const followed = !value.end || value.end === addMinutes(value.start, 90)
                set({ start, ...(followed && start ? { end: addMinutes(start, 90) } : {}) })
              }}
            />
          )}
        </Field>
        <Field id={`${prefix}ends_at`} label={labels.ends_at ?? ''} error={errors.ends_at} required>
          {(props) => <input {...props} type="time" value={value.end} onChange={(e) => set({ end: e.target.value })} />}
        </Field>
      </div>
      <p className="hint">{t('meetings.form.timeHint')}</p>
      <div className="form-grid">
        <Field
          id={`${prefix}place`}
          label={labels.place ?? ''}
          error={errors.place}
          hint={t('meetings.form.placeHint')}
        >
          {(props) => (
            <input
              {...props}
              type="text"
              maxLength={200}
              value={value.place}
              onChange={(e) => set({ place: e.target.value })}
            />
          )}
        </Field>
        <Field
          id={`${prefix}video_url`}
          label={labels.video_url ?? ''}
          error={errors.video_url}
          hint={t('meetings.form.videoHint')}
        >
          {(props) => (
            <input
              {...props}
              type="url"
              inputMode="url"
              maxLength={500}
              value={value.videoUrl}
              onChange={(e) => set({ videoUrl: e.target.value })}
            />
          )}
        </Field>
      </div>
    </>
  )
}
