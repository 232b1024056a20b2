import { useState } from 'react'
import { usePhoneTranslation } from '../i18n'
import { formatDate } from '../../i18n/format'
import type { PhoneAction } from './api'

/** An action: who does what by when; one's own action has a big tick box. */
export function ActionItem({
  action,
  onMark,
}: {
  action: PhoneAction
  onMark: (a: PhoneAction, done: boolean) => void
}) {
  const { t } = usePhoneTranslation()
  const done = action.status === 'done'
  // The box follows the tap at once; the plan reloads from the server after the change.
  const [checked, setChecked] = useState(done)
  const when = action.due_on ? t('phone.before', { date: formatDate(action.due_on) }) : null
  if (!action.mine) {
    return (
      <li className={done ? 'ph-action ph-done' : 'ph-action'}>
        <span>{action.description}</span>
        <span className="ph-muted">
          {[action.who, when, done ? t('phone.done') : null].filter(Boolean).join(' · ')}
        </span>
      </li>
    )
  }
  const id = `action-${action.id}`
  return (
    <li className={checked ? 'ph-action ph-mine ph-done' : 'ph-action ph-mine'}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(event) => {
          setChecked(event.target.checked)
          onMark(action, event.target.checked)
        }}
      />
      <label htmlFor={id}>
        <span>{action.description}</span>
        <span className="ph-muted">{[t('phone.you'), when].filter(Boolean).join(' · ')}</span>
      </label>
    </li>
  )
}
