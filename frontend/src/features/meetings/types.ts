import type { components } from '../../api/schema'

// Names for the generated meeting schemas; never write these shapes by hand.
type Schemas = components['schemas']

export type Meeting = Schemas['MeetingPublic']
export type MeetingDetail = Schemas['MeetingDetail']
export type MeetingCreate = Schemas['MeetingCreate']
export type MeetingUpdate = Schemas['MeetingUpdate']
export type MeetingStatus = Meeting['status']
export type OverviewItem = Schemas['MeetingOverviewItem']
export type Flag = Schemas['MeetingFlag']
export type Participant = Schemas['ParticipantPublic']
export type ParticipantCreate = Schemas['ParticipantCreate']
export type ParticipantUpdate = Schemas['ParticipantUpdate']
export type ParticipantKind = Participant['kind']
export type Attendance = NonNullable<Participant['attendance']>
export type InvitationStatus = Participant['invitation']
export type AgendaItem = Schemas['AgendaItemPublic']
export type AgendaKind = AgendaItem['kind']
export type Decision = Schemas['DecisionPublic']
export type DecisionKind = Decision['kind']
export type DecisionCreate =
  | Schemas['AddGoalDecision']
  | Schemas['ChangeGoalDecision']
  | Schemas['AddActionDecision']
  | Schemas['ConfirmActionDecision']
  | Schemas['AdoptPlanDecision']
  | Schemas['NoteDecision']
export type Summary = Schemas['MeetingSummary']
export type TimelineEntry = Schemas['TimelineEntry']

export const ATTENDANCE: readonly Attendance[] = ['present', 'absent', 'excused']
export const INVITATION: readonly InvitationStatus[] = ['invited', 'accepted', 'declined', 'not_invited']
