// Meetings happen in the Netherlands: their times are shown in Europe/Amsterdam whatever the browser's zone,
// in the Dutch format the rest of the app uses (src/i18n/format.ts).
const ZONE = 'Europe/Amsterdam'
const dayFormat = new Intl.DateTimeFormat('nl-NL', {
  timeZone: ZONE,
  weekday: 'short',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
})
const clockFormat = new Intl.DateTimeFormat('nl-NL', { timeZone: ZONE, hour: '2-digit', minute: '2-digit' })
const partsFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** "di 03-12-2026" for a UTC instant, in Amsterdam. */
export function meetingDay(utc: string): string {
  return dayFormat.format(new Date(utc))
}

/** "14:00" for a UTC instant, in Amsterdam. */
export function meetingClock(utc: string): string {
  return clockFormat.format(new Date(utc))
}

/** "di 03-12-2026, 14:00–15:30" (the end date is added when it is another day). */
export function meetingWhen(startsAt: string, endsAt: string): string {
  const sameDay = meetingDay(startsAt) === meetingDay(endsAt)
  const end = sameDay ? meetingClock(endsAt) : `${meetingDay(endsAt)} ${meetingClock(endsAt)}`
  return `${meetingDay(startsAt)}, ${meetingClock(startsAt)}–${end}`
}

/** A UTC instant as the date and time inputs show it in Amsterdam: { date: "2026-12-03", time: "14:00" }. */
export function amsterdamInputs(utc: string): { date: string; time: string } {
  const parts = Object.fromEntries(partsFormat.formatToParts(new Date(utc)).map((p) => [p.type, p.value]))
  return {
    date: `${parts.year ?? ''}-${parts.month ?? ''}-${parts.day ?? ''}`,
    time: `${parts.hour ?? ''}:${parts.minute ?? ''}`,
  }
}

/** Date and time inputs as a wall time without offset, which the API reads as Europe/Amsterdam. */
export function wallTime(date: string, time: string): string {
  return `${date}T${time}:00`
}

/** "14:00" plus minutes, staying within the day ("23:59" at most). */
export function addMinutes(time: string, minutes: number): string {
  const [hours = 0, mins = 0] = time.split(':').map(Number)
  const total = Math.min(hours * 60 + mins + minutes, 23 * 60 + 59)
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`
}

/** Still to come: planned and not yet over. */
export function isUpcoming(meeting: { status: string; ends_at: string }, now = Date.now()): boolean {
  return meeting.status === 'planned' && new Date(meeting.ends_at).getTime() >= now
}
