import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { familyFixture, fakeApi, json, renderPage } from '../../test/utils'
import { claimDrafts, clearDrafts } from '../auth/drafts'
import type { Plan } from '../plans/types'
import { DecisionForm } from './DecisionForm'
import type { MeetingDetail } from './types'

const ID = '55555555-5555-4555-8555-555555555555'
const FAMILY = '11111111-1111-4111-8111-111111111111'
const STORED = `bondgenoot.draft.decision.new.${ID}`

const meeting = { id: ID, family_id: FAMILY, status: 'planned', decisions: [] } as unknown as MeetingDetail
const plan = { id: '44444444-4444-4444-8444-444444444444', family_id: FAMILY, goals: [] } as unknown as Plan

function renderForm() {
  const onClose = vi.fn()
  const view = renderPage(<DecisionForm meeting={meeting} family={familyFixture()} plan={plan} onClose={onClose} />)
  return { onClose, unmount: view.unmount }
}

async function writeNote() {
  await userEvent.selectOptions(screen.getByLabelText(/Wat is er besloten/), 'note')
  await userEvent.type(screen.getByLabelText(/Wat is er afgesproken/), 'Samen koken op vrijdag')
}

describe('DecisionForm', () => {
  beforeEach(() => {
    clearDrafts()
    claimDrafts('user-a')
  })
  afterEach(() => vi.unstubAllGlobals())

  it('keeps what was typed as a draft in the tab, and says so when the form comes back', async () => {
    fakeApi({})
    const first = renderForm()
    await writeNote()
    expect(sessionStorage.getItem(STORED)).toContain('Samen koken op vrijdag')
    first.unmount()

    renderForm()
    expect(screen.getByText(/Je was hier al mee bezig/)).toBeInTheDocument()
    expect(screen.getByLabelText(/Wat is er besloten/)).toHaveValue('note')
    expect(screen.getByLabelText(/Wat is er afgesproken/)).toHaveValue('Samen koken op vrijdag')
  })

  it('drops the draft on cancel', async () => {
    fakeApi({})
    const first = renderForm()
    await writeNote()
    await userEvent.click(screen.getByRole('button', { name: 'Annuleren' }))
    expect(first.onClose).toHaveBeenCalled()
    expect(sessionStorage.getItem(STORED)).toBeNull()
    first.unmount()

    renderForm()
    expect(screen.queryByText(/Je was hier al mee bezig/)).not.toBeInTheDocument()
    expect(screen.getByLabelText(/Wat is er besloten/)).not.toHaveValue('note')
  })

  it('sends the decision and drops the draft once it is saved', async () => {
    const { requests } = fakeApi({
      [`POST /api/v1/meetings/${ID}/decisions`]: () => json({ id: 'd1' }, { status: 201 }),
    })
    const { onClose } = renderForm()
    await writeNote()
    await userEvent.click(screen.getByRole('button', { name: 'Besluit opslaan' }))
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled())
    const post = requests.find((r) => r.method === 'POST')
    expect(await post?.json()).toEqual({ kind: 'note', text: 'Samen koken op vrijdag' })
    expect(sessionStorage.getItem(STORED)).toBeNull()
  })
})
