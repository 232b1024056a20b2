import type { components } from '../../api/schema'
import { call, CheckinError, client } from '../api'

// The family plan through the check-in session (a member's or a network contact's link).
type Schemas = components['schemas']
export type PhonePlan = Schemas['PhonePlan']
export type PhoneGoal = Schemas['PhoneGoal']
export type PhoneAction = Schemas['PhoneAction']
export type PhoneProposal = Schemas['PhoneProposal']
export type ProposalCreate = Schemas['ProposalCreate']

const auth = (token: string) => ({ Authorization: `Bearer ${token}` })

export function readPlan(token: string): Promise<PhonePlan> {
  return call(() => client.GET('/api/v1/checkin/plan', { headers: auth(token) }))
}

export function markAction(token: string, actionId: string, status: 'open' | 'done'): Promise<PhoneAction> {
  return call(() =>
    client.PUT('/api/v1/checkin/plan/actions/{action_id}/status', {
      params: { path: { action_id: actionId } },
      body: { status },
      headers: auth(token),
    }),
  )
}

export function propose(token: string, body: ProposalCreate): Promise<PhoneProposal> {
  return call(() => client.POST('/api/v1/checkin/plan/proposals', { body, headers: auth(token) }))
}

/** Fetches the .ics with the session in a header (never in a URL) and hands it to the phone as a file. */
export async function saveInvitation(token: string, meetingId: string): Promise<void> {
  let response: Response
  try {
    response = await fetch(`/api/v1/checkin/plan/meetings/${encodeURIComponent(meetingId)}/invitation`, {
      headers: auth(token),
      credentials: 'omit',
    })
  } catch {
    throw new CheckinError('offline')
  }
  if (!response.ok) throw new CheckinError(response.status === 401 ? 'session_expired' : 'server')
  const url = URL.createObjectURL(new Blob([await response.arrayBuffer()], { type: 'text/calendar' }))
  const anchor = document.createElement('a')
  anchor.href = url
  anchor.download = 'rondetafeloverleg.ics'
  anchor.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
