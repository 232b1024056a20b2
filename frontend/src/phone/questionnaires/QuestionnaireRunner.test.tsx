import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeApi, json } from '../../test/utils'
import type { DueQuestionnaire, Questionnaire } from './api'
import { QuestionnaireRunner } from './QuestionnaireRunner'

const options = [1, 2, 3, 4, 5].map((value) => ({ value, label: { nl: `Antwoord ${value}`, en: `Answer ${value}` } }))
const form: Questionnaire = {
  id: 'meas-1',
  instrument_code: 'brs',
  wave: 't1',
  status: 'in_progress',
  answers: { 1: 4 },
  n_answered: 1,
  n_items: 5,
  instrument: {
    code: 'brs',
    version: 1,
    name: { nl: 'Veerkracht', en: 'Resilience' },
    description: { nl: 'Zes stellingen.', en: 'Six statements.' },
    source: 'Test',
    licence: { owner: 'Smith et al.', terms: 'Free to use.', item_text_reproducible: true },
    respondent: 'family_member',
    use: 'family_outcome',
    wave_member_roles: [],
    reverse_rule: 'min_plus_max',
    option_sets: [{ code: 'agree', options }],
    items: [1, 2, 3, 4, 5].map((number) => ({
      number,
      text_en: `Statement ${number}`,
      option_set: 'agree',
      reverse_keyed: false,
    })),
    subscales: [],
    total: null,
  },
} as unknown as Questionnaire

const due: DueQuestionnaire = {
  instrument_code: 'brs',
  instrument_name: { nl: 'Veerkracht', en: 'Resilience' },
  wave: 't1',
  due_on: '2026-11-20',
  status: 'in_progress',
  measurement_id: 'meas-1',
  n_answered: 1,
  n_items: 5,
}

const BASE = '/api/v1/checkin/questionnaires/meas-1'

async function pick(label: string) {
  await userEvent.click(screen.getByRole('radio', { name: label }))
  await userEvent.click(screen.getByRole('button', { name: /^(Volgende|Klaar, versturen)$/ }))
}

describe('questionnaire on the phone', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('goes on at the first unanswered question, saves in small batches and sends at the end', async () => {
    const saved: unknown[] = []
    const { requests } = fakeApi({
      [`GET ${BASE}`]: () => json(form),
      [`PUT ${BASE}/answers`]: async (request) => {
        saved.push(await request.json())
        return json(form)
      },
      [`POST ${BASE}/complete`]: () =>
        json({ id: 'meas-1', status: 'completed', completed_at: '2026-11-24T10:00:00Z' }),
    })
    render(<QuestionnaireRunner token="session-1" due={due} supporter="Fatima" onClose={vi.fn()} onProblem={vi.fn()} />)
    expect(await screen.findByText('Vraag 2 van 5')).toBeInTheDocument()
    expect(screen.getByRole('group', { name: 'Statement 2' })).toBeInTheDocument()
    expect(screen.getByText(/Deze vragen zijn \(nog\) in het Engels/)).toBeInTheDocument()
    // Without a choice, "Volgende" asks for one.
    await userEvent.click(screen.getByRole('button', { name: 'Volgende' }))
    expect(screen.getByText('Kies een antwoord.')).toBeInTheDocument()
    await pick('Antwoord 2')
    await pick('Antwoord 3')
    expect(saved).toEqual([])
    await pick('Antwoord 5')
    expect(saved).toEqual([{ answers: { 2: 2, 3: 3, 4: 5 } }])
    expect(screen.getByText('Vraag 5 van 5')).toBeInTheDocument()
    await pick('Antwoord 1')
    expect(await screen.findByText('Je antwoorden zijn verstuurd. Fatima bespreekt ze met je.')).toBeInTheDocument()
    expect(saved).toEqual([{ answers: { 2: 2, 3: 3, 4: 5 } }, { answers: { 5: 1 } }])
    expect(requests.every((r) => r.headers.get('Authorization') === 'Bearer session-1')).toBe(true)
  })

  it('saves what was answered when stopping, and says so when there is no connection', async () => {
    let online = false
    const onClose = vi.fn()
    fakeApi({
      [`GET ${BASE}`]: () => json(form),
      [`PUT ${BASE}/answers`]: () => (online ? json(form) : Promise.reject(new TypeError('Failed to fetch'))),
    })
    render(<QuestionnaireRunner token="session-1" due={due} supporter={null} onClose={onClose} onProblem={vi.fn()} />)
    await screen.findByText('Vraag 2 van 5')
    await pick('Antwoord 4')
    await userEvent.click(screen.getByRole('button', { name: 'Stoppen, later verder' }))
    expect(await screen.findByText(/Je hebt nu geen internet\..*nog niet bewaard/)).toBeInTheDocument()
    expect(onClose).not.toHaveBeenCalled()
    online = true
    await userEvent.click(screen.getByRole('button', { name: 'Stoppen, later verder' }))
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled())
  })

  it('says so when the questionnaire is already done, and hands an ended session to the page', async () => {
    fakeApi({ [`GET ${BASE}`]: () => json({ type: 'about:blank', title: 'Conflict', status: 409 }, { status: 409 }) })
    const { unmount } = render(
      <QuestionnaireRunner token="s" due={due} supporter={null} onClose={vi.fn()} onProblem={vi.fn()} />,
    )
    expect(await screen.findByText('Deze vragenlijst is al klaar of staat niet meer open.')).toBeInTheDocument()
    unmount()
    fakeApi({
      [`GET ${BASE}`]: () =>
        json({ type: 'about:blank', title: 'Unauthorized', status: 401, reason: 'session_expired' }, { status: 401 }),
    })
    const onProblem = vi.fn()
    render(<QuestionnaireRunner token="s" due={due} supporter={null} onClose={vi.fn()} onProblem={onProblem} />)
    await vi.waitFor(() => expect(onProblem).toHaveBeenCalledWith(expect.objectContaining({ kind: 'session_expired' })))
  })
})
