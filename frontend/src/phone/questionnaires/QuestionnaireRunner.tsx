import './questionnaire.css'
import { useEffect, useRef, useState } from 'react'
import { usePhoneTranslation } from '../i18n'
import { CheckinError } from '../api'
import { Pictogram } from '../Pictogram'
import {
  completeQuestionnaire,
  type DueQuestionnaire,
  openQuestionnaire,
  type Questionnaire,
  QuestionnaireGone,
  saveAnswers,
} from './api'
import { itemText, lang, localized } from '../../features/measurements/text'

// Answers go to the server in small batches (and before stopping or sending), so a long list stays well
// inside the link's rate limit and a member who stops halfway goes on later where they were.
const SAVE_EVERY = 3
const SESSION_PROBLEMS = ['session_expired', 'locked', 'unusable', 'no_token']

interface Props {
  token: string
  due: DueQuestionnaire
  supporter: string | null
  onClose: () => void
  onProblem: (error: CheckinError) => void
}

type Phase = 'loading' | 'answering' | 'done' | 'gone'

/** One question per screen with big answer buttons; "Volgende", "Vorige", and "Stoppen, later verder". */
export function QuestionnaireRunner({ token, due, supporter, onClose, onProblem }: Props) {
  const { t, i18n } = usePhoneTranslation()
  const [form, setForm] = useState<Questionnaire | null>(null)
  const [answers, setAnswers] = useState<Record<string, number>>({})
  const [unsaved, setUnsaved] = useState<string[]>([])
  const [index, setIndex] = useState(0)
  const [phase, setPhase] = useState<Phase>('loading')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const [missing, setMissing] = useState(false)
  const question = useRef<HTMLFieldSetElement>(null)
  const moved = useRef(false)

  function trouble(error: unknown, unsavedNote = false) {
    if (error instanceof QuestionnaireGone) return setPhase('gone')
    if (error instanceof CheckinError && SESSION_PROBLEMS.includes(error.kind)) return onProblem(error)
    const kind = error instanceof CheckinError ? error.kind : 'server'
    const text =
      kind === 'offline'
        ? t('checkin.offline')
        : kind === 'rate_limited'
          ? t('checkin.rateLimitedSoon')
          : t('checkin.server')
    setMessage(unsavedNote ? `${text} ${t('checkins.q.notSaved')}` : text)
  }

  useEffect(() => {
    let live = true
    openQuestionnaire(token, due).then(
      (opened) => {
        if (!live) return
        const saved = Object.fromEntries(Object.entries(opened.answers).map(([k, v]) => [k, v]))
        const first = opened.instrument.items.findIndex((item) => saved[String(item.number)] === undefined)
        setForm(opened)
        setAnswers(saved)
        setIndex(first === -1 ? opened.instrument.items.length - 1 : first)
        setPhase('answering')
      },
      (error: unknown) => live && trouble(error),
    )
    return () => {
      live = false
    }
    // Opened once per questionnaire; `trouble` only reads stable callbacks.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token, due])

  // The next question takes the focus, so a screen reader reads it (not on the first one: the page heading has it).
  useEffect(() => {
    if (moved.current) question.current?.focus()
  }, [index])

  if (phase === 'loading') return <p role="status">{t('checkins.q.loading')}</p>
  if (phase === 'gone' || !form)
    return (
      <div className="ci-card" role="status">
        <p>{t('checkins.q.gone')}</p>
        <button type="button" className="ci-button" onClick={onClose}>
          {t('checkins.q.backToStart')}
        </button>
      </div>
    )
  if (phase === 'done')
    return (
      <>
        <div className="ci-card ci-thanks" role="status">
          <h2>{t('checkins.q.doneTitle')}</h2>
          <p>
            <Pictogram name="heart" className="ci-heart" />
            {supporter ? t('checkins.q.doneText', { name: supporter }) : t('checkins.q.doneTextAnonymous')}
          </p>
        </div>
        <button type="button" className="ci-button" onClick={onClose}>
          {t('checkins.q.backToStart')}
        </button>
      </>
    )

  const definition = form.instrument
  const items = definition.items
  const item = items[Math.min(index, items.length - 1)]
  if (!item) return null
  const key = String(item.number)
  const options = definition.option_sets.find((set) => set.code === item.option_set)?.options ?? []
  const own = lang(i18n.language)
  // The link lists only forms whose every item has wording (api/checkins/questionnaires.py).
  const shown = itemText(item, i18n.language) ?? { text: String(item.number), language: own }
  const foreign = items.some((i) => itemText(i, i18n.language)?.language !== own)
  const last = index >= items.length - 1

  async function save(): Promise<boolean> {
    if (!form || unsaved.length === 0) return true
    const body = Object.fromEntries(unsaved.map((n) => [n, answers[n] ?? null]))
    setBusy(true)
    try {
      await saveAnswers(token, form.id, body)
      setUnsaved((current) => current.filter((n) => !(n in body)))
      setMessage(null)
      return true
    } catch (error) {
      trouble(error, true)
      return false
    } finally {
      setBusy(false)
    }
  }

  function choose(value: number) {
    setAnswers((current) => ({ ...current, [key]: value }))
    setUnsaved((current) => (current.includes(key) ? current : [...current, key]))
    setMissing(false)
  }

  async function next() {
    if (busy) return
    if (answers[key] === undefined) {
      setMissing(true)
      question.current?.focus()
      return
    }
    if (last) {
      if (!(await save()) || !form) return
      setBusy(true)
      try {
        await completeQuestionnaire(token, form.id)
        setPhase('done')
      } catch (error) {
        trouble(error)
      } finally {
        setBusy(false)
      }
      return
    }
    if (unsaved.length >= SAVE_EVERY) await save() // offline: the answers stay here and go with the next save
    moved.current = true
    setIndex(index + 1)
  }

  async function stop() {
    if (!busy && (await save())) onClose()
  }

  return (
    <div className="ck-q">
      <h2 className="ck-q-title">{localized(definition.name, i18n.language)}</h2>
      {foreign && own === 'nl' ? <p className="ci-hint">{t('checkins.q.englishNote')}</p> : null}
      <p className="ck-q-progress">
        <span>{t('checkins.q.question', { number: index + 1, total: items.length })}</span>
        <span className="ck-q-bar" aria-hidden="true">
          <span style={{ width: `${Math.round(((index + 1) / items.length) * 100)}%` }} />
        </span>
      </p>
      <fieldset className="ci-card ck-q-item" ref={question} tabIndex={-1} aria-invalid={missing || undefined}>
        <legend className="ci-legend" lang={shown.language === own ? undefined : shown.language}>
          {shown.text}
        </legend>
        {missing ? <p className="ci-error">{t('checkins.q.pick')}</p> : null}
        <div className="ck-q-options">
          {options.map((option) => (
            <label key={option.value} className="ci-need ck-q-option">
              <input
                type="radio"
                name={`item-${key}`}
                value={option.value}
                checked={answers[key] === option.value}
                onChange={() => choose(option.value)}
              />
              <span>{localized(option.label, i18n.language)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {message ? (
        <p className="ci-card ci-kept" role="status">
          {message}
        </p>
      ) : null}
      <button type="button" className="ci-button" aria-disabled={busy || undefined} onClick={() => void next()}>
        {busy ? t('checkins.q.saving') : last ? t('checkins.q.finish') : t('checkins.q.next')}
      </button>
      <div className="ck-q-nav">
        {index > 0 ? (
          <button
            type="button"
            className="ci-button ci-secondary"
            onClick={() => {
              moved.current = true
              setMissing(false)
              setIndex(index - 1)
            }}
          >
            {t('checkins.q.back')}
          </button>
        ) : null}
        <button
          type="button"
          className="ci-button ci-secondary"
          aria-disabled={busy || undefined}
          onClick={() => void stop()}
        >
          {t('checkins.q.stop')}
        </button>
      </div>
      <details className="ck-q-about">
        <summary>{t('checkins.q.about')}</summary>
        <p>{localized(definition.description, i18n.language)}</p>
        <p>{t('checkins.q.owner', { owner: definition.licence.owner })}</p>
        <p lang="en">{definition.licence.terms}</p>
      </details>
    </div>
  )
}
