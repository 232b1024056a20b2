import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeApi, json, renderPage } from '../../test/utils'
import { CloseMeeting } from './CloseMeeting'
import { MeetingFlags } from './MeetingFlags'
import type { Flag, MeetingDetail } from './types'

const ID = '55555555-5555-4555-8555-555555555555'
const KARIN = '66666666-6666-4666-8666-666666666666'

const meeting: MeetingDetail = {
  id: ID,
  family_id: '11111111-1111-4111-8111-111111111111',
  family_reference: 'GZ-0001',
  status: 'planned',
  starts_at: '2026-12-03T13:00:00Z',
  ends_at: '2026-12-03T14:30:00Z',
  local_starts_at: '2026-12-03T14:00:00+01:00',
  local_ends_at: '2026-12-03T15:30:00+01:00',
  timezone: 'Europe/Amsterdam',
  place: 'Wijkcentrum De Linde',
  video_url: null,
  chair_name: 'Sam Supporter',
  participant_count: 0,
  present_count: 0,
  flag_count: 0,
  sequence: 0,
  version: 3,
  closed_at: null,
  cancelled_at: null,
  chair_user_id: null,
  chair_participant_id: null,
  minutes: null,
  cancel_reason: null,
  plan_version_id: null,
  invited_count: 0,
  participants: [],
  agenda: [],
  decisions: [],
  flags: [],
  created_at: '2026-11-20T10:00:00Z',
  updated_at: '2026-11-20T10:00:00Z',
}

const problem = {
  type: 'about:blank',
  title: 'Unprocessable',
  status: 422,
  code: 'decision_failed',
  detail: 'Decision 2 could not be applied, so nothing changed and the meeting is still open: goal not found.',
}

describe('CloseMeeting', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('sends the minutes with the close and, when it fails, says why and that nothing was applied', async () => {
    const { requests } = fakeApi({ [`POST /api/v1/meetings/${ID}/close`]: () => json(problem, { status: 422 }) })
    renderPage(<CloseMeeting loaded={{ meeting, etag: '"3"' }} onReload={vi.fn()} />)
    expect(screen.getByText(/Er zijn nog geen besluiten/)).toBeInTheDocument()
    await userEvent.type(screen.getByLabelText('Verslag'), 'Goed gesprek.')
    await userEvent.click(screen.getByRole('button', { name: 'Overleg afsluiten' }))
    await userEvent.click(screen.getByRole('button', { name: 'Ja, afsluiten' }))

    expect(await screen.findByText('Afsluiten is niet gelukt')).toBeInTheDocument()
    expect(screen.getByText(/Een besluit kon niet worden uitgevoerd/)).toBeInTheDocument()
    expect(screen.getByText(/Er is niets in het gezinsplan veranderd/)).toBeInTheDocument()
    const close = requests.find((r) => r.url.endsWith('/close'))
    expect(await close?.json()).toEqual({ minutes: 'Goed gesprek.' })
  })
})

describe('MeetingFlags', () => {
  afterEach(() => vi.unstubAllGlobals())

  const flag: Flag = {
    reason: 'not_invited',
    person: { kind: 'contact', id: KARIN, name: 'Karin de Boer', participant_id: null },
    because: ['Eigenaar van open actie: Karin belt de school'],
    message: 'Karin de Boer is niet uitgenodigd / Karin de Boer is not invited.',
  }

  it('says who is missing and why, and invites them from where it is said', async () => {
    const { requests } = fakeApi({ [`POST /api/v1/meetings/${ID}/participants`]: () => json({}, { status: 201 }) })
    renderPage(<MeetingFlags flags={[flag]} status="planned" meetingId={ID} />)
    expect(screen.getByRole('heading', { name: 'Er ontbreekt 1 belangrijke persoon' })).toBeInTheDocument()
    expect(screen.getByText('Karin de Boer is niet uitgenodigd.')).toBeInTheDocument()
    expect(screen.getByText(/Karin belt de school/)).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Karin de Boer nu uitnodigen' }))
    const post = requests.find((r) => r.method === 'POST')
    expect(await post?.json()).toEqual({ kind: 'contact', contact_id: KARIN, invitation: 'invited' })
    expect(post?.headers.get('Idempotency-Key')).toBeTruthy()
  })

  it('shows nothing when nobody is missing, and no invite button once the meeting was held', () => {
    const { container } = renderPage(<MeetingFlags flags={[]} status="planned" meetingId={ID} />)
    expect(container).toBeEmptyDOMElement()
    renderPage(<MeetingFlags flags={[{ ...flag, reason: 'did_not_attend' }]} status="held" meetingId={ID} />)
    expect(screen.getByRole('heading', { name: 'Bij dit overleg ontbrak 1 belangrijke persoon' })).toBeInTheDocument()
    expect(screen.queryByRole('button')).toBeNull()
  })
})
