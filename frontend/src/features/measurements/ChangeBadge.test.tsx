import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ChangeBadge } from './ChangeBadge'

describe('ChangeBadge', () => {
  it.each([
    ['improved', 'Duidelijk beter', 'change-better'],
    ['recovered', 'Duidelijk beter, voorbij de grens', 'change-better'],
    ['unchanged', 'Geen duidelijk verschil', 'change-same'],
    ['deteriorated', 'Duidelijk slechter', 'change-worse'],
  ] as const)('shows %s in plain words as %s, without the RCI', (changeClass, label, tone) => {
    render(<ChangeBadge changeClass={changeClass} />)
    const badge = screen.getByTestId('change-badge')
    expect(badge).toHaveTextContent(label)
    expect(badge).toHaveClass(tone)
    expect(badge).not.toHaveTextContent(/RCI|index/i)
  })

  it('shows nothing without a class (the start, or a scale without norms)', () => {
    const { container } = render(<ChangeBadge changeClass={null} />)
    expect(container).toBeEmptyDOMElement()
  })
})
