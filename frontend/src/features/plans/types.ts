import type { components } from '../../api/schema'

// Names for the generated plan schemas; never write these shapes by hand.
type Schemas = components['schemas']

export type Plan = Schemas['PlanDetail']
export type Goal = Schemas['GoalDetail']
export type GoalCreate = Schemas['GoalCreate']
export type GoalUpdate = Schemas['GoalUpdate']
export type GoalStatus = Goal['status']
export type Ladder = Schemas['GasLadder']
export type LifeDomain = Schemas['LifeDomainPublic']
export type Action = Schemas['ActionPublic']
export type ActionCreate = Schemas['ActionCreate']
export type ActionUpdate = Schemas['ActionUpdate']
export type ActionStatus = Action['status']
export type OwnerType = Action['owner_type']
export type ScoreCreate = Schemas['ScoreCreate']
export type GasSeries = Schemas['GasSeries']
export type ScorePoint = Schemas['GasScorePoint']
export type VersionSummary = Schemas['PlanVersionSummary']
export type Comparison = Schemas['PlanComparison']
export type ItemChange = Schemas['ItemChange']
export type SnapshotGoal = Schemas['SnapshotGoal']
export type SnapshotAction = Schemas['SnapshotAction']

export const LEVELS = [2, 1, 0, -1, -2] as const
export type Level = (typeof LEVELS)[number]
export const LADDER_KEYS: Record<Level, keyof Ladder> = {
  2: 'plus_2',
  1: 'plus_1',
  0: 'zero',
  [-1]: 'minus_1',
  [-2]: 'minus_2',
}

/** "+2", "+1", "0", "−1", "−2" with a real minus sign. */
export function levelLabel(level: number): string {
  if (level > 0) return `+${level}`
  if (level < 0) return `−${Math.abs(level)}`
  return '0'
}

export function ladderText(ladder: Ladder | null | undefined, level: number | null | undefined): string | null {
  if (!ladder || level === null || level === undefined) return null
  if (level < -2 || level > 2) return null
  return ladder[LADDER_KEYS[level as Level]]
}
