import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { chartGeometry, WaveChart } from './WaveChart'

describe('WaveChart', () => {
  it('places waves left to right and higher scores higher, within the scale’s range', () => {
    const { x, y } = chartGeometry(['t0', 't1', 't2'], 1, 5)
    expect(x('t0')).toBeLessThan(x('t1'))
    expect(x('t1')).toBeLessThan(x('t2'))
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
          { wave: 't0', mean: 2, minimum: 1.5, maximum: 2.5, n: 2 },
          { wave: 't1', mean: 4, minimum: 4, maximum: 4, n: 2 },
          { wave: 't2', mean: null, minimum: null, maximum: null, n: 0 },
        ]}
      />,
    )
    expect(screen.getByRole('img')).toHaveAccessibleName('Veerkracht: T0 2, T1 4')
    expect(container.querySelectorAll('circle')).toHaveLength(2)
    expect(container.querySelector('polyline')?.getAttribute('points')?.split(' ')).toHaveLength(2)
    expect(screen.getAllByTestId('chart-spread')).toHaveLength(1) // no bar where members agree
    expect(screen.getByTestId('chart-cutoff')).toBeInTheDocument()
    expect(container.querySelectorAll('text')).toHaveLength(6) // three axis values, three wave labels
  })

  it('says so when nothing is scored yet', () => {
    const { container } = render(<WaveChart title="Belasting" minimum={0} maximum={15} points={[]} />)
    expect(screen.getByRole('img')).toHaveAccessibleName('Belasting: Nog geen scores')
    expect(container.querySelector('polyline')).toBeNull()
    expect(screen.queryByTestId('chart-cutoff')).not.toBeInTheDocument()
  })
})
