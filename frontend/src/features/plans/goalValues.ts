import { changedFields } from '../../components/useFormValues'
import {
  type Goal,
  type GoalCreate,
  type GoalStatus,
  LADDER_KEYS,
  type Ladder,
  type Level,
  type LifeDomain,
} from './types'

/** The order the ladder is written in: what we expect first, then one step either side, then the far ends. */
export const LADDER_ORDER: readonly Level[] = [0, -1, 1, -2, 2]

export interface GoalValues {
  text: string
  life_domain_id: string
  member_ids: string[]
  priority: string
  target_on: string
  status: GoalStatus
  ladder: Record<keyof Ladder, string>
  baseline_level: string
  weight: string
}

export function toValues(goal: Goal | undefined, domains: readonly LifeDomain[]): GoalValues {
  return {
    text: goal?.text ?? '',
    life_domain_id: goal?.life_domain.id ?? domains[0]?.id ?? '',
    member_ids: goal?.member_ids ?? [],
    priority: String(goal?.priority ?? 3),
    target_on: goal?.target_on ?? '',
    status: goal?.status ?? 'proposed',
    ladder: {
      plus_2: goal?.ladder?.plus_2 ?? '',
      plus_1: goal?.ladder?.plus_1 ?? '',
      zero: goal?.ladder?.zero ?? '',
      minus_1: goal?.ladder?.minus_1 ?? '',
      minus_2: goal?.ladder?.minus_2 ?? '',
    },
    baseline_level:
      goal?.baseline_level === null || goal?.baseline_level === undefined ? '' : String(goal.baseline_level),
    weight: String(goal?.weight ?? 1),
  }
}

/** How many of the five steps have words. */
export function stepsWritten(ladder: GoalValues['ladder']): number {
  return Object.values(ladder).filter((text) => text.trim() !== '').length
}

/** The ladder steps still empty while others are written: the API takes all five or none. */
export function emptySteps(ladder: GoalValues['ladder']): (keyof Ladder)[] {
  const written = stepsWritten(ladder)
  if (written === 0 || written === 5) return []
  return LADDER_ORDER.map((level) => LADDER_KEYS[level]).filter((key) => ladder[key].trim() === '')
}

/**
 * The status after a ladder edit: a proposal becomes active the moment its ladder is complete (unless the supporter
 * chose a status), and a new goal falls back to a proposal when a step is emptied again.
 */
export function statusAfterLadder(
  values: GoalValues,
  ladder: GoalValues['ladder'],
  chosen: boolean,
  isNew: boolean,
): GoalStatus {
  const before = stepsWritten(values.ladder) === 5
  const after = stepsWritten(ladder) === 5
  if (!before && after && values.status === 'proposed' && !chosen) return 'active'
  if (before && !after && values.status === 'active' && isNew) return 'proposed'
  return values.status
}

/** The request body: everything for a new goal; only what changed for an existing one. */
export function toBody(values: GoalValues, initial: GoalValues, isNew: boolean): GoalCreate {
  const ladderFilled = stepsWritten(values.ladder) > 0
  const weight = Number(values.weight.replace(',', '.'))
  const full: GoalCreate = {
    text: values.text.trim(),
    life_domain_id: values.life_domain_id,
    member_ids: values.member_ids,
    priority: Number(values.priority),
    target_on: values.target_on || null,
    status: values.status,
    ...(ladderFilled ? { ladder: values.ladder } : {}),
    baseline_level: values.baseline_level === '' ? null : Number(values.baseline_level),
    weight: Number.isNaN(weight) ? (values.weight as unknown as number) : weight,
  }
  if (isNew) return full
  const before = toBody(initial, initial, true)
  // An emptied ladder is not sent (the API would clear it): the goal keeps the ladder it had.
  return changedFields(ladderFilled ? before : { ...before, ladder: undefined }, full) as GoalCreate
}
