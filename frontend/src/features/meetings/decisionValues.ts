import type { TFunction } from 'i18next'
import { blankToNull } from '../../components/forms'
import type { OwnerOption } from '../plans/owners'
import type { GoalStatus, Plan } from '../plans/types'
import type { DecisionCreate, DecisionKind, MeetingDetail } from './types'

export const PREFIX = 'decision-'
export const PERSON = 'person'
const KINDS: readonly DecisionKind[] = ['confirm_action', 'add_action', 'add_goal', 'change_goal', 'adopt_plan', 'note']
export const FIELDS = [
  'kind',
  'action_ids',
  'goal',
  'description',
  'owner',
  'owner_name',
  'due_on',
  'goal_text',
  'life_domain_id',
  'target_on',
  'status',
  'text',
  'note',
]

/** What the decision form holds; plain JSON, so the draft can be kept across a reload. */
export interface DecisionValues {
  kind: DecisionKind
  actionIds: string[]
  goal: string
  description: string
  owner: string
  ownerName: string
  dueOn: string
  goalText: string
  domain: string
  targetOn: string
  status: GoalStatus | ''
  text: string
  note: string
}

/** What the fields of one kind of decision get from the form. */
export interface DecisionFieldsProps {
  v: DecisionValues
  set: (patch: Partial<DecisionValues>) => void
  labels: Record<string, string>
  errors: Record<string, string | undefined>
}

export interface GoalChoice {
  value: string
  label: string
}

/** What this meeting can still decide: actions not yet agreed, the kinds on offer, the goals to hang an action on. */
export function decisionChoices(meeting: MeetingDetail, plan: Plan, newGoalLabel: string) {
  const confirming = new Set(
    meeting.decisions.flatMap((d) =>
      d.kind === 'confirm_action' ? ((d.payload.action_ids as string[] | undefined) ?? []) : [],
    ),
  )
  const unagreed = plan.goals
    .flatMap((g) => g.actions)
    .filter((a) => !a.agreed_at_table && a.status === 'open' && !confirming.has(a.id))
  const adopting = meeting.decisions.some((d) => d.kind === 'adopt_plan')
  const kinds = KINDS.filter((k) =>
    k === 'confirm_action' ? unagreed.length > 0 : k === 'adopt_plan' ? !adopting : true,
  )
  const goals: GoalChoice[] = [
    ...plan.goals.filter((g) => g.status !== 'discontinued').map((g) => ({ value: `goal:${g.id}`, label: g.text })),
    ...meeting.decisions
      .filter((d) => d.kind === 'add_goal')
      .map((d) => ({
        value: `decision:${d.id}`,
        label: `${(d.payload.goal as { text?: string } | undefined)?.text ?? d.text} (${newGoalLabel})`,
      })),
  ]
  return { unagreed, kinds, goals }
}

/** The request body for the chosen kind, or the client-side errors that keep it from being sent. */
export function buildDecision(
  v: DecisionValues,
  owners: readonly OwnerOption[],
  t: TFunction,
): DecisionCreate | Record<string, string> {
  const { kind } = v
  const text = blankToNull(v.text)
  const [goalType, goalId = ''] = v.goal.split(':')
  const goalRef = goalType === 'decision' ? { goal_decision_id: goalId } : { goal_id: goalId }
  switch (kind) {
    case 'confirm_action':
      return v.actionIds.length === 0
        ? { action_ids: t('meetings.decisions.pickAction') }
        : { kind, text, action_ids: [...v.actionIds] }
    case 'add_action': {
      const missing: Record<string, string> = {}
      if (!v.goal) missing.goal = t('form.required')
      if (!v.description.trim()) missing.description = t('form.required')
      if (v.owner === PERSON && !v.ownerName.trim()) missing.owner_name = t('form.required')
      if (Object.keys(missing).length > 0) return missing
      const chosen = owners.find((o) => o.value === v.owner)
      const owner =
        v.owner === PERSON || !chosen
          ? { owner_type: 'person' as const, owner_id: null, owner_name: v.ownerName.trim() }
          : { owner_type: chosen.type, owner_id: chosen.id, owner_name: null }
      return {
        kind,
        text,
        ...goalRef,
        action: { description: v.description.trim(), ...owner, due_on: v.dueOn || null },
      }
    }
    case 'add_goal': {
      const missing: Record<string, string> = {}
      if (!v.goalText.trim()) missing.goal_text = t('form.required')
      if (!v.domain) missing.life_domain_id = t('form.required')
      if (Object.keys(missing).length > 0) return missing
      return {
        kind,
        text,
        goal: { text: v.goalText.trim(), life_domain_id: v.domain, target_on: v.targetOn || null },
      } as DecisionCreate
    }
    case 'change_goal': {
      if (goalType !== 'goal') return { goal: t('form.required') }
      if (!v.status && !v.targetOn) return { status: t('meetings.decisions.pickChange') }
      return {
        kind,
        text,
        goal_id: goalId,
        changes: { ...(v.status ? { status: v.status } : {}), ...(v.targetOn ? { target_on: v.targetOn } : {}) },
      }
    }
    case 'adopt_plan':
      return { kind, text, note: blankToNull(v.note) }
    default:
      return text ? { kind: 'note', text } : { text: t('form.required') }
  }
}
