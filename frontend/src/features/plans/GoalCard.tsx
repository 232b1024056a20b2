import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { FamilyDetail } from '../../api/types'
import { formatDate } from '../../i18n/format'
import { ActionList } from './ActionList'
import { GoalForm } from './GoalForm'
import { ScoreChart } from './ScoreChart'
import { ScoreForm } from './ScoreForm'
import { type Goal, LEVELS, type LifeDomain, ladderText, levelLabel, type ScorePoint } from './types'
import { useDraft } from '../auth/drafts'
import { codeText } from '../../i18n/keys'

interface GoalCardProps {
  familyId: string
  goal: Goal
  scores: readonly ScorePoint[]
  family: FamilyDetail
  domains: readonly LifeDomain[]
  readOnly: boolean
  onReload: () => void
}

/** One goal: the family's words, where it stands on the ladder, its scores over time and its actions. */
export function GoalCard({ familyId, goal, scores, family, domains, readOnly, onReload }: GoalCardProps) {
  const { t } = useTranslation()
  const [mode, setMode] = useDraft<'view' | 'edit' | 'score'>(`goal.mode.${goal.id}`, () => 'view', { persist: true })
  const heading = useRef<HTMLHeadingElement>(null)
  /** Back to the goal after a form closes, with focus on its heading so keyboard users keep their place. */
  const back = () => {
    setMode('view')
    requestAnimationFrame(() => heading.current?.focus())
  }
  const headingId = `goal-${goal.id}`
  const concerns = family.members.filter((m) => goal.member_ids.includes(m.id)).map((m) => m.display_name)
  const canScore = (goal.status === 'active' || goal.status === 'achieved') && goal.ladder !== null
  const latestWords = ladderText(goal.ladder, goal.gas_level)

  if (mode === 'edit') {
    return (
      <article className="goal-card" aria-labelledby={headingId}>
        <h3 id={headingId} className="visually-hidden">
          {goal.text}
        </h3>
        <GoalForm
          familyId={familyId}
          goal={goal}
          domains={domains}
          members={family.members}
          onDone={back}
          onCancel={back}
          onReload={() => {
            back()
            onReload()
          }}
        />
      </article>
    )
  }

  return (
    <article className="goal-card" aria-labelledby={headingId}>
      <div className="goal-head">
        <h3 id={headingId} className="goal-text" ref={heading} tabIndex={-1}>
          {goal.text}
        </h3>
        <span className={`badge badge-goal-${goal.status}`}>{t(`plan.goalStatus.${goal.status}`)}</span>
      </div>
      <dl className="goal-facts">
        <div>
          <dt>{t('plan.goal.priority')}</dt>
          <dd>{codeText(t, 'plan.priority', goal.priority)}</dd>
        </div>
        <div>
          <dt>{t('plan.goal.targetOn')}</dt>
          <dd>{formatDate(goal.target_on)}</dd>
        </div>
        <div>
          <dt>{t('plan.goal.concerns')}</dt>
          <dd>{concerns.length > 0 ? concerns.join(', ') : t('plan.goal.wholeFamily')}</dd>
        </div>
        <div>
          <dt>{t('plan.goal.weight')}</dt>
          <dd>{goal.weight.toLocaleString('nl-NL')}</dd>
        </div>
      </dl>
      <div className="goal-progress">
        <div className="goal-latest">
          <p className="goal-latest-label">{t('plan.goal.latest')}</p>
          {goal.gas_level === null ? (
            <p className="muted">{goal.ladder ? t('plan.goal.notScored') : t('plan.goal.noLadder')}</p>
          ) : (
            <p>
              <span className="level-chip">{levelLabel(goal.gas_level)}</span> {latestWords}
              <span className="muted"> · {formatDate(goal.gas_scored_on)}</span>
            </p>
          )}
        </div>
        <ScoreChart scores={scores} baseline={goal.baseline_level} goalText={goal.text} />
      </div>
      {goal.ladder ? (
        <details className="ladder">
          <summary>{t('plan.ladder.show')}</summary>
          <ol className="ladder-list">
            {LEVELS.map((level) => (
              <li key={level} className={goal.gas_level === level ? 'ladder-current' : undefined}>
                <span className="level-chip">{levelLabel(level)}</span> {ladderText(goal.ladder, level)}
                {goal.baseline_level === level ? <span className="muted"> ({t('plan.ladder.start')})</span> : null}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      {mode === 'score' ? (
        <ScoreForm familyId={familyId} goal={goal} onDone={back} onCancel={back} />
      ) : readOnly ? null : (
        <div className="goal-buttons">
          {canScore ? (
            <button
              type="button"
              className="button button-small"
              onClick={() => setMode('score')}
              aria-label={`${t('plan.score.add')}: ${goal.text}`}
            >
              {t('plan.score.add')}
            </button>
          ) : null}
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => setMode('edit')}
            aria-label={`${t('plan.goal.edit')}: ${goal.text}`}
          >
            {t('plan.goal.edit')}
          </button>
        </div>
      )}
      <ActionList
        familyId={familyId}
        goalId={goal.id}
        actions={goal.actions}
        family={family}
        readOnly={readOnly}
        onReload={onReload}
      />
    </article>
  )
}
