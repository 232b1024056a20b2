import type { components } from '../../api/schema'

type Schemas = components['schemas']

export type Worklist = Schemas['Worklist']
export type AlertGroup = Schemas['AlertGroup']
export type WorkAlert = Schemas['WorkAlert']
export type FamilyAttention = Schemas['FamilyAttention']
export type DebtItem = Worklist['goals_without_score'][number]
export type DueQuestionnaire = Worklist['questionnaires'][number]
export type WorkMeeting = Worklist['meetings'][number]
export type Team = Schemas['Team']
export type TeamMember = Schemas['TeamMember']
export type ClosureState = Schemas['ClosureState']
export type ClosureCreate = Schemas['ClosureCreate']
export type ClosurePublic = Schemas['ClosurePublic']
export type Resolution = Schemas['GoalResolution']['resolution']
export type ClosureReason = ClosureCreate['reason']
