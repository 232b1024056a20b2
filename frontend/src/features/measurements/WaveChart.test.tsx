import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { chartScale } from '../../components/LineChart'
import { WaveChart, waveX } from './WaveChart'

describe('WaveChart', () => {
  it('places waves left to right and higher scores higher, within the scale’s range', () => {
    const waves = ['t0', 't1', 't2'] as const
    const { x, y } = chartScale({ min: 1, max: 5, height: 150 })
    expect(waveX(waves, 't0')).toBeCloseTo(1 / 6)
    expect(x(waveX(waves, 't1'))).toBeLessThan(x(waveX(waves, 't2')))
    expect(y(5)).toBeLessThan(y(3))
    expect(y(3)).toBeLessThan(y(1))
    expect(y(9)).toBe(y(5)) // clamped to the range
  })

  it('draws the family mean as a line, the spread between members as bars, and says it for screen readers', () => {
    const { container } = render(
      <WaveChart
        title="Veerkracht"
        minimum={1}
        maximum={5}
        cutoff={3}
        points={[
          { wave: 't0', mean: 2, minimum: 1.5, maximum: 2.5, n: 2, date: '2026-01-05T10:00:00Z' },
          { wave: 't1', mean: 4, minimum: 4, maximum: 4, n: 2, date: '2026-07-06T10:00:00Z' },
          { wave: 't2', mean: null, minimum: null, maximum: null, n: 0 },
        ]}
      />,
    )
    expect(screen.getByRole('img')).toHaveAccessibleName(
      'Veerkracht: Start (05-01-2026) 2, Na 6 maanden (06-07-2026) 4',
    )
    expect(container.querySelectorAll('circle')).toHaveLength(2)
    expect(container.querySelector('polyline')?.getAttribute('points')?.split(' ')).toHaveLength(2)
    expect(screen.getAllByTestId('chart-spread')).toHaveLength(1) // no bar where members agree
    expect(screen.getByTestId('chart-cutoff')).toBeInTheDocument()
    // axis labels are HTML (real pixels, at least 12 px), not SVG text that shrinks with the drawing
    expect(container.querySelectorAll('text')).toHaveLength(0)
    expect(container.querySelectorAll('.chart-y-labels .chart-axis')).toHaveLength(3)
    const waves = [...container.querySelectorAll('.chart-x-labels > .chart-axis')].map((label) => label.textContent)
    expect(waves).toEqual(['Start05-01-2026', 'Na 6 maanden06-07-2026', 'Na een jaar'])
    expect(screen.queryByText('Na de volgende meting zie je hier de lijn.')).not.toBeInTheDocument()
  })

  it('says what will appear when there is only one measurement', () => {
    render(
      <WaveChart
        title="Veerkracht"
        minimum={1}
        maximum={5}
        points={[{ wave: 't0', mean: 3, minimum: 3, maximum: 3, n: 1, date: '2026-01-05' }]}
      />,
    )
    expect(screen.getByText('Na de volgende meting zie je hier de lijn.')).toBeVisible()
  })

  it('says so when nothing is scored yet', () => {
    const { container } = render(<WaveChart title="Belasting" minimum={0} maximum={15} points={[]} />)
    expect(screen.getByRole('img')).toHaveAccessibleName('Belasting: Nog geen scores')
    expect(container.querySelector('polyline')).toBeNull()
    expect(screen.queryByTestId('chart-cutoff')).not.toBeInTheDocument()
  })
})
