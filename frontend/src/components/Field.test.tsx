import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { Field } from './Field'

describe('Field with a date', () => {
  it('shows the Dutch date format and reads it out with the input, before the own hint and the error', () => {
    render(
      <Field date label="Streefdatum" hint="Mag leeg blijven." error="Kies een datum in de toekomst.">
        {(props) => <input {...props} type="date" />}
      </Field>,
    )
    const input = screen.getByLabelText(/Streefdatum/)
    expect(screen.getByText(/dd-mm-jjjj/)).toBeInTheDocument()
    expect(input).toHaveAccessibleDescription(/dd-mm-jjjj.*Mag leeg blijven.*Kies een datum/)
  })

  it('shows no format hint on other fields', () => {
    render(<Field label="Naam">{(props) => <input {...props} />}</Field>)
    expect(screen.queryByText(/dd-mm-jjjj/)).not.toBeInTheDocument()
    expect(screen.getByLabelText(/Naam/)).not.toHaveAttribute('aria-describedby')
  })
})
