import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ScoreChart } from './ScoreChart'

describe('ScoreChart', () => {
  it('draws one point per score, a line between them, and summarises them for screen readers', () => {
    const { container } = render(
      <ScoreChart
        goalText="Daan gaat weer naar school"
        baseline={-2}
        scores={[
          { scored_on: '2026-04-01', level: 0 },
          { scored_on: '2026-02-01', level: -1 },
          { scored_on: '2026-03-01', level: -1 },
        ]}
      />,
    )
    const chart = screen.getByRole('img')
    expect(chart).toHaveAccessibleName('Scores van dit doel: 3 scores, van −1 op 01-02-2026 tot 0 op 01-04-2026.')
    expect(container.querySelectorAll('circle')).toHaveLength(3)
    const line = container.querySelector('polyline')
    expect(line).not.toBeNull()
    // Oldest first, left to right; level 0 sits higher (smaller y) than −1.
    const points = (line?.getAttribute('points') ?? '').split(' ').map((p) => p.split(',').map(Number))
    expect(points).toHaveLength(3)
    expect(points[0]?.[0]).toBeLessThan(points[2]?.[0] ?? 0)
    expect(points[2]?.[1]).toBeLessThan(points[0]?.[1] ?? 0)
    expect(screen.getByTestId('chart-baseline')).toBeInTheDocument()

    const table = screen.getByRole('table', { name: 'Scores van het doel: Daan gaat weer naar school' })
    const rows = within(table).getAllByRole('row')
    expect(rows.map((row) => row.textContent)).toEqual([
      'DatumStap op de ladder',
      '01-02-2026−1',
      '01-03-2026−1',
      '01-04-20260',
    ])
  })

  it('says so when there are no scores yet, without a table or line', () => {
    const { container } = render(<ScoreChart goalText="Rust in huis" baseline={null} scores={[]} />)
    expect(screen.getByRole('img')).toHaveAccessibleName('Scores van dit doel: Nog geen scores')
    expect(container.querySelector('polyline')).toBeNull()
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
    expect(screen.queryByTestId('chart-baseline')).not.toBeInTheDocument()
  })

  it('centres a single score', () => {
    const { container } = render(
      <ScoreChart goalText="Werk" baseline={null} scores={[{ scored_on: '2026-05-01', level: 2 }]} />,
    )
    expect(screen.getByRole('img')).toHaveAccessibleName('Scores van dit doel: 1 score: +2 op 01-05-2026.')
    expect(container.querySelector('polyline')).toBeNull()
    expect(container.querySelectorAll('circle')).toHaveLength(1)
    expect(screen.getByText('Na de volgende score zie je hier de lijn.')).toBeVisible()
    expect(container.querySelector('.chart-x-labels')).toHaveTextContent('01-05-2026')
  })
})
