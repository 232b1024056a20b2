import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { QuestionnaireForm } from './QuestionnaireForm'
import { testDefinition } from '../../test/definitions'

const definition = testDefinition({
  option_sets: [
    {
      code: 'sat',
      options: [
        { value: 1, label: { nl: 'Ontevreden', en: 'Dissatisfied' } },
        { value: 2, label: { nl: 'Neutraal', en: 'Neutral' } },
        { value: 3, label: { nl: 'Tevreden', en: 'Satisfied' } },
      ],
    },
  ],
  items: [
    { number: 1, option_set: 'sat', reverse_keyed: false },
    { number: 2, option_set: 'sat', reverse_keyed: false },
  ],
  total: null,
})

describe('QuestionnaireForm', () => {
  it('asks one question per group with the instrument’s own options, and reports the chosen value', async () => {
    const onAnswer = vi.fn()
    render(<QuestionnaireForm definition={definition} answers={{ '2': 3 }} onAnswer={onAnswer} flagged={[1]} />)
    const first = screen.getByRole('group', { name: /^Vraag 1/ })
    expect(screen.getByRole('status')).toHaveTextContent('formulier van de licentiehouder')
    expect(first).toHaveTextContent('Nog niet beantwoord')
    expect(within(first).getAllByRole('radio')).toHaveLength(3)
    await userEvent.click(within(first).getByRole('radio', { name: 'Neutraal' }))
    expect(onAnswer).toHaveBeenCalledWith(1, 2)

    const second = screen.getByRole('group', { name: /^Vraag 2/ })
    expect(within(second).getByRole('radio', { name: 'Tevreden' })).toBeChecked()
    await userEvent.click(within(second).getByRole('button', { name: /Antwoord wissen/ }))
    expect(onAnswer).toHaveBeenCalledWith(2, null)
  })

  it('is read-only once completed', () => {
    render(<QuestionnaireForm definition={definition} answers={{ '1': 1 }} onAnswer={() => undefined} disabled />)
    for (const radio of screen.getAllByRole('radio')) expect(radio).toBeDisabled()
    expect(screen.queryByRole('button', { name: /Antwoord wissen/ })).not.toBeInTheDocument()
  })
})
