import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeApi, json, renderPage } from '../../../test/utils'
import { testDefinition } from '../../../test/definitions'
import type { Definition } from '../types'
import { InstrumentEditForm } from './InstrumentEditForm'

const definition = testDefinition({
  option_sets: [
    {
      code: 'sat',
      options: [
        { value: 1, label: { nl: 'Ontevreden', en: 'Dissatisfied' } },
        { value: 2, label: { nl: 'Tevreden', en: 'Satisfied' } },
      ],
    },
  ],
  items: [
    { number: 1, option_set: 'sat', reverse_keyed: false },
    { number: 2, option_set: 'sat', reverse_keyed: true },
  ],
  total: {
    code: 'total',
    name: { nl: 'Totaal', en: 'Total' },
    items: [1, 2],
    aggregation: 'mean',
    min_answered: 1,
    prorate_missing: false,
    higher_is_better: true,
    bands: [],
  },
})

const save = () => userEvent.click(screen.getByRole('button', { name: 'Opslaan als nieuwe versie' }))

describe('InstrumentEditForm: wording', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('sends typed item wording and answer labels, keeping numbers, values and keying', async () => {
    const onDone = vi.fn()
    const api = fakeApi({
      'PUT /api/v1/instruments/fqol': () => json({ definition, versions: [], created_new_version: true }),
    })
    renderPage(<InstrumentEditForm definition={definition} answered={3} onDone={onDone} />)
    expect(screen.getByText(/Opslaan maakt versie 2/)).toBeInTheDocument()
    await userEvent.click(screen.getByText('Vragen (2)'))
    const second = screen.getByRole('group', { name: /^Vraag 2/ })
    expect(within(second).getByLabelText(/^Nederlands/)).toHaveAccessibleDescription(/Nog geen tekst \(gelicentieerd\)/)
    await userEvent.type(within(second).getByLabelText(/^Nederlands/), 'Wij helpen elkaar.')
    await userEvent.type(within(second).getByLabelText(/^Engels/), 'We help each other.')
    await userEvent.click(screen.getByText('Antwoorden (2)'))
    const label = within(screen.getByRole('group', { name: 'Antwoord met waarde 1' })).getByLabelText('Nederlands')
    await userEvent.clear(label)
    await userEvent.type(label, 'Heel ontevreden')
    await save()
    expect(onDone).toHaveBeenCalledWith(true)
    const body = (await api.requests[0]?.json()) as Definition
    expect(body.items).toEqual([
      { number: 1, option_set: 'sat', reverse_keyed: false, text_nl: null, text_en: null },
      {
        number: 2,
        option_set: 'sat',
        reverse_keyed: true,
        text_nl: 'Wij helpen elkaar.',
        text_en: 'We help each other.',
      },
    ])
    expect(body.option_sets[0]?.options.map((option) => [option.value, option.label.nl])).toEqual([
      [1, 'Heel ontevreden'],
      [2, 'Tevreden'],
    ])
    expect(body.total?.items).toEqual([1, 2])
  })

  it('shows the API’s field error at the item it belongs to', async () => {
    fakeApi({
      'PUT /api/v1/instruments/fqol': () =>
        json(
          {
            type: 'about:blank',
            title: 'Unprocessable',
            status: 422,
            detail: 'Ongeldig / invalid.',
            errors: [
              {
                field: 'body.items.1.text_nl',
                message: 'String should have at most 500 characters',
                type: 'string_too_long',
              },
            ],
          },
          { status: 422 },
        ),
    })
    renderPage(<InstrumentEditForm definition={definition} answered={0} onDone={vi.fn()} />)
    await userEvent.click(screen.getByRole('button', { name: 'Opslaan' }))
    const second = await screen.findByRole('group', { name: /^Vraag 2/ })
    const field = within(second).getByLabelText(/^Nederlands/)
    expect(field).toHaveAttribute('aria-invalid', 'true')
    expect(field).toHaveAccessibleDescription(/Dit is te lang/)
    expect(within(screen.getByRole('group', { name: /^Vraag 1/ })).getByLabelText(/^Nederlands/)).not.toHaveAttribute(
      'aria-invalid',
    )
    expect(screen.getByRole('alert')).toHaveTextContent('Vraag 2 (Nederlands): Dit is te lang')
  })
})
