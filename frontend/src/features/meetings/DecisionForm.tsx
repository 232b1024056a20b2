import { type SyntheticEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FamilyDetail } from '../../api/types'
import { ErrorSummary, Field } from '../../components/Field'
import { blankToNull, formErrors, newIdempotencyKey } from '../../components/forms'
import { useFocusFirstField } from '../plans/focus'
import { ownerOptions } from '../plans/owners'
import { useLifeDomains } from '../plans/queries'
import type { GoalStatus, Plan } from '../plans/types'
import { useAddDecision } from './queries'
import type { DecisionCreate, DecisionKind, MeetingDetail } from './types'

const PREFIX = 'decision-'
const PERSON = 'person'
const KINDS: readonly DecisionKind[] = ['confirm_action', 'add_action', 'add_goal', 'change_goal', 'adopt_plan', 'note']
const FIELDS = [
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

/** Write down one decision: confirm actions, a new action or goal, a changed goal, adopt the plan, or a note. */
export function DecisionForm({
  meeting,
  family,
  plan,
  onClose,
}: {
  meeting: MeetingDetail
  family: FamilyDetail
  plan: Plan
  onClose: () => void
}) {
  const { t, i18n } = useTranslation()
  const ref = useFocusFirstField<HTMLFormElement>()
  const save = useAddDecision(meeting.id)
  const domains = useLifeDomains()
  const [idempotencyKey] = useState(newIdempotencyKey)
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
  const goals = [
    ...plan.goals.filter((g) => g.status !== 'discontinued').map((g) => ({ value: `goal:${g.id}`, label: g.text })),
    ...meeting.decisions
      .filter((d) => d.kind === 'add_goal')
      .map((d) => ({
        value: `decision:${d.id}`,
        label: `${(d.payload.goal as { text?: string } | undefined)?.text ?? d.text} (${t('meetings.decisions.newGoal')})`,
      })),
  ]
  const owners = ownerOptions(family, t('plan.action.supporter'))
  const [kind, setKind] = useState<DecisionKind>(kinds[0] ?? 'note')
  const [v, setV] = useState({
    actionIds: new Set(unagreed.map((a) => a.id)),
    goal: goals[0]?.value ?? '',
    description: '',
    owner: owners[0]?.value ?? PERSON,
    ownerName: '',
    dueOn: '',
    goalText: '',
    domain: '',
    targetOn: '',
    status: '' as GoalStatus | '',
    text: '',
    note: '',
  })
  const set = (patch: Partial<typeof v>) => setV({ ...v, ...patch })
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const shown = formErrors(save.error, clientErrors, FIELDS, t)
  const labels: Record<string, string> = {
    kind: t('meetings.decisions.kindLabel'),
    action_ids: t('meetings.decisions.actionsLabel'),
    goal: t('meetings.decisions.goalLabel'),
    description: t('plan.action.description'),
    owner: t('plan.action.owner'),
    owner_name: t('plan.action.ownerName'),
    due_on: t('plan.action.dueOn'),
    goal_text: t('meetings.decisions.goalText'),
    life_domain_id: t('meetings.decisions.domain'),
    target_on: t('meetings.decisions.targetOn'),
    status: t('meetings.decisions.status'),
    text: kind === 'note' ? t('meetings.decisions.noteText') : t('meetings.decisions.text'),
    note: t('meetings.decisions.adoptNote'),
  }

  function build(): DecisionCreate | Record<string, string> {
    const text = blankToNull(v.text)
    const [goalType, goalId = ''] = v.goal.split(':')
    const goalRef = goalType === 'decision' ? { goal_decision_id: goalId } : { goal_id: goalId }
    switch (kind) {
      case 'confirm_action':
        return v.actionIds.size === 0
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

  function submit(event: SyntheticEvent) {
    event.preventDefault()
    const body = build()
    if (!('kind' in body)) {
      setClientErrors(body)
      return
    }
    setClientErrors({})
    save.mutate({ body: body as DecisionCreate, idempotencyKey }, { onSuccess: onClose })
  }

  const goalSelect = (onlyPlan: boolean) => (
    <Field id={`${PREFIX}goal`} label={labels.goal ?? ''} error={shown.fields.goal} required>
      {(props) => (
        <select {...props} value={v.goal} onChange={(e) => set({ goal: e.target.value })}>
          {(onlyPlan ? goals.filter((g) => g.value.startsWith('goal:')) : goals).map((g) => (
            <option key={g.value} value={g.value}>
              {g.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  )

  return (
    <form className="plan-form decision-form" onSubmit={submit} noValidate ref={ref}>
      <fieldset className="fieldset">
        <legend>{t('meetings.decisions.addTitle')}</legend>
        <ErrorSummary errors={shown.fields} labels={labels} detail={shown.detail} fieldPrefix={PREFIX} />
        <Field id={`${PREFIX}kind`} label={labels.kind ?? ''} required>
          {(props) => (
            <select {...props} value={kind} onChange={(e) => setKind(e.target.value as DecisionKind)}>
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {t(`meetings.decisions.choose.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {kind === 'confirm_action' ? (
          <fieldset className="fieldset-plain" id={`${PREFIX}action_ids`} tabIndex={-1}>
            <legend>{labels.action_ids}</legend>
            {shown.fields.action_ids ? <p className="field-error">{shown.fields.action_ids}</p> : null}
            <ul className="check-list">
              {unagreed.map((action) => (
                <li key={action.id} className="field-checkbox">
                  <input
                    id={`confirm-${action.id}`}
                    type="checkbox"
                    checked={v.actionIds.has(action.id)}
                    onChange={(e) => {
                      const next = new Set(v.actionIds)
                      if (e.target.checked) next.add(action.id)
                      else next.delete(action.id)
                      set({ actionIds: next })
                    }}
                  />
                  <label htmlFor={`confirm-${action.id}`}>
                    {action.description} <span className="muted">({action.owner_name ?? '—'})</span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        ) : null}
        {kind === 'add_action' ? (
          <>
            {goalSelect(false)}
            <Field
              id={`${PREFIX}description`}
              label={labels.description ?? ''}
              error={shown.fields.description}
              required
            >
              {(props) => (
                <textarea
                  {...props}
                  rows={2}
                  maxLength={1000}
                  value={v.description}
                  onChange={(e) => set({ description: e.target.value })}
                />
              )}
            </Field>
            <div className="form-grid">
              <Field id={`${PREFIX}owner`} label={labels.owner ?? ''} required>
                {(props) => (
                  <select {...props} value={v.owner} onChange={(e) => set({ owner: e.target.value })}>
                    {owners.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                    <option value={PERSON}>{t('plan.action.someoneElse')}</option>
                  </select>
                )}
              </Field>
              {v.owner === PERSON ? (
                <Field
                  id={`${PREFIX}owner_name`}
                  label={labels.owner_name ?? ''}
                  error={shown.fields.owner_name}
                  required
                >
                  {(props) => (
                    <input
                      {...props}
                      type="text"
                      maxLength={200}
                      value={v.ownerName}
                      onChange={(e) => set({ ownerName: e.target.value })}
                    />
                  )}
                </Field>
              ) : null}
              <Field date id={`${PREFIX}due_on`} label={labels.due_on ?? ''} error={shown.fields.due_on}>
                {(props) => (
                  <input {...props} type="date" value={v.dueOn} onChange={(e) => set({ dueOn: e.target.value })} />
                )}
              </Field>
            </div>
          </>
        ) : null}
        {kind === 'add_goal' ? (
          <>
            <Field
              id={`${PREFIX}goal_text`}
              label={labels.goal_text ?? ''}
              error={shown.fields.goal_text}
              hint={t('meetings.decisions.goalHint')}
              required
            >
              {(props) => (
                <textarea
                  {...props}
                  rows={2}
                  maxLength={1000}
                  value={v.goalText}
                  onChange={(e) => set({ goalText: e.target.value })}
                />
              )}
            </Field>
            <div className="form-grid">
              <Field
                id={`${PREFIX}life_domain_id`}
                label={labels.life_domain_id ?? ''}
                error={shown.fields.life_domain_id}
                required
              >
                {(props) => (
                  <select {...props} value={v.domain} onChange={(e) => set({ domain: e.target.value })}>
                    <option value="">{t('meetings.decisions.pick')}</option>
                    {(domains.data?.items ?? []).map((d) => (
                      <option key={d.id} value={d.id}>
                        {i18n.language.startsWith('en') ? d.label_en : d.label_nl}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field date id={`${PREFIX}target_on`} label={labels.target_on ?? ''} error={shown.fields.target_on}>
                {(props) => (
                  <input
                    {...props}
                    type="date"
                    value={v.targetOn}
                    onChange={(e) => set({ targetOn: e.target.value })}
                  />
                )}
              </Field>
            </div>
          </>
        ) : null}
        {kind === 'change_goal' ? (
          <>
            {goalSelect(true)}
            <div className="form-grid">
              <Field id={`${PREFIX}status`} label={labels.status ?? ''} error={shown.fields.status}>
                {(props) => (
                  <select
                    {...props}
                    value={v.status}
                    onChange={(e) => set({ status: e.target.value as GoalStatus | '' })}
                  >
                    <option value="">{t('meetings.decisions.keep')}</option>
                    {(['active', 'achieved', 'discontinued'] as const).map((s) => (
                      <option key={s} value={s}>
                        {t(`plan.goalStatus.${s}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field date id={`${PREFIX}target_on`} label={labels.target_on ?? ''} error={shown.fields.target_on}>
                {(props) => (
                  <input
                    {...props}
                    type="date"
                    value={v.targetOn}
                    onChange={(e) => set({ targetOn: e.target.value })}
                  />
                )}
              </Field>
            </div>
          </>
        ) : null}
        {kind === 'adopt_plan' ? (
          <>
            <p className="hint">{t('meetings.decisions.adoptHint')}</p>
            <Field id={`${PREFIX}note`} label={labels.note ?? ''}>
              {(props) => (
                <input
                  {...props}
                  type="text"
                  maxLength={1000}
                  value={v.note}
                  onChange={(e) => set({ note: e.target.value })}
                />
              )}
            </Field>
          </>
        ) : null}
        <Field
          id={`${PREFIX}text`}
          label={labels.text ?? ''}
          error={shown.fields.text}
          hint={kind === 'note' ? undefined : t('meetings.decisions.textHint')}
          required={kind === 'note'}
        >
          {(props) => (
            <textarea
              {...props}
              rows={2}
              maxLength={1000}
              value={v.text}
              onChange={(e) => set({ text: e.target.value })}
            />
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {t('meetings.decisions.save')}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </fieldset>
    </form>
  )
}
