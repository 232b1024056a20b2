import { useState } from 'react'
import { phoneCodeText, usePhoneTranslation } from '../i18n'
import { formatDate } from '../../i18n/format'
import type { PhoneAction, PhoneGoal } from './api'
import { ActionItem } from './ActionItem'
import { SayForm } from './SayForm'

interface Props {
  goal: PhoneGoal
  canComment: boolean
  onMark: (action: PhoneAction, done: boolean) => void
  onComment: (goalId: string, text: string) => Promise<boolean>
}

/** One goal in the family's own words, where it stands on its ladder (in words), its actions and comments. */
export function GoalCard({ goal, canComment, onMark, onComment }: Props) {
  const { t, i18n } = usePhoneTranslation()
  const [saying, setSaying] = useState(false)
  const domain = i18n.language.startsWith('en') ? goal.domain.en : goal.domain.nl
  const headingId = `goal-${goal.id}`
  return (
    <article className="ci-card ph-goal" aria-labelledby={headingId}>
      <p className="ph-domain">{domain}</p>
      <h3 id={headingId} className="ph-goal-text">
        “{goal.text}”
      </h3>
      {goal.status === 'proposed' && <p className="ph-tag">{t('phone.goalProposed')}</p>}
      {goal.status === 'achieved' && <p className="ph-tag ph-tag-done">{t('phone.goalAchieved')}</p>}
      <p className="ph-where">
        <strong>{t('phone.whereNow')}</strong>{' '}
        {goal.level === null ? t('phone.levelUnknown') : phoneCodeText(t, 'phone.level', goal.level)}
        {goal.level_text && <span className="ph-level-text">“{goal.level_text}”</span>}
      </p>
      {goal.ladder.length > 0 && (
        <details className="ph-ladder">
          <summary>{t('phone.ladderShow')}</summary>
          <ol>
            {[...goal.ladder].reverse().map((step) => (
              <li key={step.level} aria-current={step.level === goal.level ? 'step' : undefined}>
                <span className="ph-step-label">{phoneCodeText(t, 'phone.level', step.level)}</span> {step.text}
              </li>
            ))}
          </ol>
        </details>
      )}
      {goal.target_on && <p className="ph-muted">{t('phone.targetOn', { date: formatDate(goal.target_on) })}</p>}
      {goal.actions.length > 0 && (
        <>
          <h4>{t('phone.whoDoesWhat')}</h4>
          <ul className="ph-actions">
            {goal.actions.map((action) => (
              <ActionItem key={action.id} action={action} onMark={onMark} />
            ))}
          </ul>
        </>
      )}
      {goal.comments.map((comment) => (
        <p key={comment.id} className="ph-comment">
          {t('phone.yourComment')} “{comment.text}” — {t(`phone.proposalStatus.${comment.status}`)}
          {comment.answer && <span className="ph-answer">{t('phone.answer', { text: comment.answer })}</span>}
        </p>
      ))}
      {canComment &&
        (saying ? (
          <SayForm
            label={t('phone.commentLabel')}
            hint={t('phone.commentHint')}
            button={t('phone.commentSend')}
            onCancel={() => setSaying(false)}
            onSend={async (text) => {
              const sent = await onComment(goal.id, text)
              if (sent) setSaying(false)
              return sent
            }}
          />
        ) : (
          <button type="button" className="ci-button ci-secondary" onClick={() => setSaying(true)}>
            {t('phone.commentOpen')}
          </button>
        ))}
    </article>
  )
}
