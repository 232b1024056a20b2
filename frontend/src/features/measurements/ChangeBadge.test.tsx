import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ChangeBadge } from './ChangeBadge'

describe('ChangeBadge', () => {
  it.each([
    ['improved', 'Vooruit', 'change-better'],
    ['recovered', 'Hersteld', 'change-better'],
    ['unchanged', 'Gelijk', 'change-same'],
    ['deteriorated', 'Achteruit', 'change-worse'],
  ] as const)('shows %s as %s', (changeClass, label, tone) => {
    render(<ChangeBadge changeClass={changeClass} rci={2.5} />)
    const badge = screen.getByTestId('change-badge')
    expect(badge).toHaveTextContent(label)
    expect(badge).toHaveClass(tone)
    expect(badge).toHaveTextContent('betrouwbare-veranderingsindex 2,5')
  })

  it('shows nothing without a class (T0, or a scale without norms)', () => {
    const { container } = render(<ChangeBadge changeClass={null} rci={null} />)
    expect(container).toBeEmptyDOMElement()
  })
})
