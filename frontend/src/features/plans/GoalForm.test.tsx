import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeApi, json, renderPage } from '../../test/utils'
import { claimDrafts, clearDrafts } from '../auth/drafts'
import { GoalForm } from './GoalForm'
import type { Goal, LifeDomain } from './types'

const FAMILY = '11111111-1111-4111-8111-111111111111'
const domains: LifeDomain[] = [
  {
    id: '22222222-2222-4222-8222-222222222221',
    code: 'education',
    label_nl: 'Onderwijs',
    label_en: 'Education',
    position: 30,
  },
  { id: '22222222-2222-4222-8222-222222222222', code: 'housing', label_nl: 'Wonen', label_en: 'Housing', position: 60 },
]

const goal: Goal = {
  id: '33333333-3333-4333-8333-333333333333',
  family_id: FAMILY,
  plan_id: '44444444-4444-4444-8444-444444444444',
  text: 'Daan gaat weer naar school',
  life_domain: domains[0] as LifeDomain,
  member_ids: [],
  priority: 2,
  target_on: '2026-12-01',
  status: 'active',
  activated_on: '2026-01-10',
  ladder: { minus_2: 'Thuis', minus_1: 'Soms', zero: 'Elke ochtend', plus_1: 'Vier dagen', plus_2: 'Hele week' },
  baseline_level: -2,
  weight: 1,
  gas_level: -1,
  gas_scored_on: '2026-02-01',
  version: 4,
  created_at: '2026-01-10T10:00:00Z',
  updated_at: '2026-02-01T10:00:00Z',
  actions: [],
}

function renderForm(props: { goal?: Goal } = {}) {
  const onDone = vi.fn()
  renderPage(
    <GoalForm
      familyId={FAMILY}
      domains={domains}
      members={[]}
      onDone={onDone}
      onCancel={vi.fn()}
      onReload={vi.fn()}
      {...props}
    />,
  )
  return { onDone }
}

// Typing a whole ladder takes a while on a busy machine.
describe('GoalForm', { timeout: 30_000 }, () => {
  beforeEach(() => {
    clearDrafts()
    claimDrafts('user-a')
  })
  afterEach(() => vi.unstubAllGlobals())

  it('asks for the ladder right after the goal: 0 first, then −1, +1, −2, +2, in multi-line fields', () => {
    renderForm()
    // The form opens with focus on the first field.
    expect(screen.getByLabelText(/Wat wil het gezin bereiken/)).toHaveFocus()
    const steps = screen.getAllByLabelText(/^Stap/)
    expect(steps.map((el) => el.id.split('ladder.')[1])).toEqual(['zero', 'minus_1', 'plus_1', 'minus_2', 'plus_2'])
    expect(steps.every((el) => el.tagName === 'TEXTAREA')).toBe(true)
    const fields = [...document.querySelectorAll('textarea, select, input')].map((el) =>
      el.id.replace(/^goal-new-/, ''),
    )
    expect(fields.indexOf('ladder.plus_2')).toBeLessThan(fields.indexOf('life_domain_id'))
    expect(screen.getByLabelText(/^Stap 0/)).toHaveAccessibleDescription('Zoals verwacht: dit willen we bereiken')
    expect(screen.getByLabelText(/^Stap −2/)).toHaveAccessibleDescription('Veel minder dan verwacht')
  })

  it('keeps the goal a proposal until the ladder is complete, then makes it active', async () => {
    const { requests } = fakeApi({})
    renderForm()
    const status = screen.getByLabelText(/Stand van het doel/)
    expect(screen.getByRole('option', { name: 'Actief (eerst de ladder afmaken)' })).toBeDisabled()
    await userEvent.type(screen.getByLabelText(/Wat wil het gezin bereiken/), 'Rust in huis')
    await userEvent.type(screen.getByLabelText(/^Stap 0/), 'Meestal rustig')
    expect(screen.getByText(/1 van de 5 stappen beschreven/)).toBeInTheDocument()
    expect(status).toHaveValue('proposed')

    // a half ladder is not sent: the API takes all five steps or none
    await userEvent.click(screen.getByRole('button', { name: 'Doel opslaan' }))
    expect(screen.getByLabelText(/^Stap −1/)).toHaveAccessibleDescription(/Beschrijf ook deze stap/)
    expect(screen.getByLabelText(/^Stap 0/)).not.toHaveAttribute('aria-invalid')
    expect(requests).toHaveLength(0)

    for (const [step, text] of [
      ['−1', 'Soms rustig'],
      ['\\+1', 'Vaak rustig'],
      ['−2', 'Nooit rustig'],
      ['\\+2', 'Altijd rustig'],
    ] as const) {
      await userEvent.type(screen.getByLabelText(new RegExp(`^Stap ${step}`)), text)
    }
    expect(screen.getByText(/De ladder is af/)).toBeInTheDocument()
    expect(status).toHaveValue('active')
  })

  it('asks for the goal text before it sends anything', async () => {
    const { requests } = fakeApi({})
    renderForm()
    await userEvent.click(screen.getByRole('button', { name: 'Doel opslaan' }))
    expect(screen.getByLabelText(/Wat wil het gezin bereiken/)).toHaveAttribute('aria-invalid', 'true')
    expect(requests).toHaveLength(0)
  })

  it('sends the whole ladder, active, and puts the API field errors at the right ladder step and weight', async () => {
    const { requests } = fakeApi({
      [`POST /api/v1/families/${FAMILY}/plan/goals`]: () =>
        json(
          {
            type: 'about:blank',
            title: 'Unprocessable',
            status: 422,
            detail: 'validation failed',
            errors: [
              {
                field: 'body.ladder.minus_1',
                message: 'String should have at least 1 character',
                type: 'string_too_short',
              },
              { field: 'body.weight', message: 'Input should be greater than 0', type: 'greater_than' },
            ],
          },
          { status: 422 },
        ),
    })
    const { onDone } = renderForm()
    await userEvent.type(screen.getByLabelText(/Wat wil het gezin bereiken/), 'Rust in huis')
    await userEvent.selectOptions(screen.getByLabelText(/Levensgebied/), 'Wonen')
    await userEvent.type(screen.getByLabelText(/^Stap 0/), 'Meestal rustig')
    await userEvent.type(screen.getByLabelText(/^Stap −1/), 'Soms')
    await userEvent.type(screen.getByLabelText(/^Stap \+1/), 'Vaak')
    await userEvent.type(screen.getByLabelText(/^Stap −2/), 'Nooit')
    await userEvent.type(screen.getByLabelText(/^Stap \+2/), 'Elke avond rustig')
    await userEvent.selectOptions(screen.getByLabelText(/Waar staan we nu/), '-1')
    const weight = screen.getByLabelText(/Gewicht/)
    await userEvent.clear(weight)
    await userEvent.type(weight, '0')
    await userEvent.click(screen.getByRole('button', { name: 'Doel opslaan' }))

    expect(await screen.findByText('Controleer wat je hebt ingevuld')).toBeInTheDocument()
    expect(screen.getByLabelText(/^Stap −1/)).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByLabelText(/^Stap −1/)).toHaveAccessibleDescription(/Vul dit in\./)
    expect(screen.getByLabelText(/Gewicht/)).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByLabelText(/^Stap \+2/)).not.toHaveAttribute('aria-invalid')
    expect(onDone).not.toHaveBeenCalled()

    const post = requests.find((r) => r.method === 'POST')
    expect(post?.headers.get('Idempotency-Key')).toBeTruthy()
    expect(await post?.json()).toEqual({
      text: 'Rust in huis',
      life_domain_id: domains[1]?.id,
      member_ids: [],
      priority: 3,
      target_on: null,
      status: 'active',
      ladder: {
        plus_2: 'Elke avond rustig',
        plus_1: 'Vaak',
        zero: 'Meestal rustig',
        minus_1: 'Soms',
        minus_2: 'Nooit',
      },
      baseline_level: -1,
      weight: 0,
    })
  })

  it('sends only what changed, with If-Match, and shows the conflict message on 412', async () => {
    const { requests } = fakeApi({
      [`PATCH /api/v1/families/${FAMILY}/plan/goals/${goal.id}`]: () =>
        json({ type: 'about:blank', title: 'Precondition failed', status: 412, detail: 'stale' }, { status: 412 }),
    })
    renderForm({ goal })
    expect(screen.getByLabelText(/^Stap 0/)).toHaveValue('Elke ochtend')
    const plusOne = screen.getByLabelText(/^Stap \+1/)
    await userEvent.clear(plusOne)
    await userEvent.type(plusOne, 'Vier hele dagen')
    await userEvent.click(screen.getByRole('button', { name: 'Doel opslaan' }))

    expect(await screen.findByText('Iemand anders heeft dit intussen gewijzigd')).toBeInTheDocument()
    const patch = requests.find((r) => r.method === 'PATCH')
    expect(patch?.headers.get('If-Match')).toBe('"4"')
    expect(await patch?.json()).toEqual({
      ladder: {
        plus_2: 'Hele week',
        plus_1: 'Vier hele dagen',
        zero: 'Elke ochtend',
        minus_1: 'Soms',
        minus_2: 'Thuis',
      },
    })
  })
})
