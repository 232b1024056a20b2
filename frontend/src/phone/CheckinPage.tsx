import './checkin.css'
import { type ReactNode, Suspense, useCallback, useEffect, useRef, useState } from 'react'
import { usePhoneTranslation } from './i18n'
import { KeptScreen, ThanksScreen } from './AfterCheckin'
import { CheckinError, type CheckinCreate, openSession, readTrend, submitCheckin, type TrendPoint } from './api'
import { CheckinForm } from './CheckinForm'
import { CodeForm } from './CodeForm'
import { describeCheckinError } from './describeError'
import { DueQuestionnaires, PlanView, QuestionnaireRunner } from './lazyViews'
import { PhoneHeader } from './PhoneHeader'
import { Pictogram } from './Pictogram'
import { setUpInstallableApp } from './pwa'
import { flush, keep, pending } from './queue'
import { type Section, SectionTabs } from './SectionTabs'
import { useSendWhenOnline } from './sendWhenOnline'
import { forgetLinkToken, loadSession, saveSession, type StoredSession, takeLinkToken } from './storage'
import type { DueQuestionnaire } from './questionnaires/api'

type View = 'form' | 'thanks' | 'kept'

/** The public check-in page for a family member's phone: link (#token) + code, then a one-minute check-in. */
export function CheckinPage() {
  const { t } = usePhoneTranslation()
  const [linkToken, setLinkToken] = useState(takeLinkToken)
  const [session, setSessionState] = useState(() => loadSession())
  const sessionRef = useRef(session)
  const [codeMessage, setCodeMessage] = useState<string | null>(null)
  const [blocked, setBlocked] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [view, setView] = useState<View>('form')
  const [keptNote, setKeptNote] = useState<string | null>(null)
  const [waiting, setWaiting] = useState(() => pending().length)
  const [trend, setTrend] = useState<TrendPoint[] | 'loading' | 'error'>('loading')
  const heading = useRef<HTMLHeadingElement>(null)
  const [questionnaire, setQuestionnaire] = useState<DueQuestionnaire | null>(null)
  const [section, setSection] = useState<Section>('checkin')

  const setSession = useCallback((value: StoredSession | null) => {
    sessionRef.current = value
    saveSession(value)
    setSessionState(value)
  }, [])

  const describe = useCallback((error: unknown): string => describeCheckinError(error, t), [t])

  /** A questionnaire request found the session ended (ask the code again) or the link stopped. */
  const sessionProblem = useCallback(
    (error: CheckinError) => {
      setQuestionnaire(null)
      if (error.kind === 'session_expired') {
        setSession(null)
        setCodeMessage(t('checkin.sessionEnded'))
      } else setBlocked(describe(error))
    },
    [describe, setSession, t],
  )

  /** Sends what waits on the phone with the current session; explains what stops it. */
  const sendWaiting = useCallback(async () => {
    const current = sessionRef.current
    if (!current || pending().length === 0) return
    setBusy(true)
    try {
      await flush((item) => submitCheckin(current.token, item.key, item.body))
      setView('thanks')
      setTrend('loading')
      readTrend(current.token).then(setTrend, () => setTrend('error'))
    } catch (error) {
      const kind = error instanceof CheckinError ? error.kind : 'server'
      if (kind === 'session_expired') {
        setSession(null)
        setCodeMessage(t('checkin.sessionEnded'))
      } else if (kind === 'locked' || kind === 'unusable' || kind === 'no_token') {
        setBlocked(describe(error))
      } else {
        setView('kept')
        setKeptNote(kind === 'offline' ? null : describe(error))
      }
    } finally {
      setWaiting(pending().length)
      setBusy(false)
    }
  }, [describe, setSession, t])

  useEffect(() => {
    setUpInstallableApp()
    document.title = t('checkin.appName')
  }, [t])

  // A new link opened in the same tab (only the #fragment changes): start again with that link.
  useEffect(() => {
    const changed = () => {
      if (!location.hash) return
      setLinkToken(takeLinkToken())
      const stored = loadSession()
      sessionRef.current = stored
      setSessionState(stored)
      setBlocked(null)
      setCodeMessage(null)
      setView('form')
    }
    window.addEventListener('hashchange', changed)
    return () => window.removeEventListener('hashchange', changed)
  }, [])

  useSendWhenOnline(sendWaiting)

  // A new step moves the focus to its heading, so a screen reader says where the member is now.
  const step = `${view}-${blocked ?? ''}-${session === null ? 'code' : 'in'}-${questionnaire?.instrument_code ?? ''}-${section}`
  useEffect(() => {
    if (step !== 'form--code') heading.current?.focus()
  }, [step])

  async function enterCode(code: string) {
    if (!linkToken) return
    setBusy(true)
    setCodeMessage(null)
    try {
      const opened = await openSession(linkToken, code)
      setSession({
        token: opened.session_token,
        expiresAt: Date.now() + opened.expires_in * 1000,
        name: opened.member_first_name,
        supporter: opened.supporter_first_name,
        party: opened.party,
      })
      if (opened.party === 'contact') setSection('plan')
      setBusy(false)
      if (pending().length > 0) await sendWaiting()
    } catch (error) {
      setBusy(false)
      if (error instanceof CheckinError && (error.kind === 'locked' || error.kind === 'unusable'))
        setBlocked(describe(error))
      else setCodeMessage(describe(error))
    }
  }

  async function submit(body: CheckinCreate) {
    // One key per check-in, made once: every resend of this check-in carries it, so the server stores it once.
    keep({ key: crypto.randomUUID(), body: { ...body, checked_in_at: new Date().toISOString() } })
    setWaiting(pending().length)
    await sendWaiting()
  }

  function forget() {
    forgetLinkToken()
    setSession(null)
    setLinkToken(null)
  }

  const supporter = session?.supporter ?? null
  let title: string
  let body: ReactNode
  if (blocked) {
    title = t('checkin.appName')
    body = (
      <p className="ci-card ci-problem" role="alert">
        <Pictogram name="lock" />
        {blocked}
      </p>
    )
  } else if (!linkToken) {
    title = t('checkin.appName')
    body = (
      <p className="ci-card ci-problem">
        <Pictogram name="link" />
        {t('checkin.noLink')}
      </p>
    )
  } else if (!session) {
    title = t('checkin.helloAnonymous')
    body = (
      <>
        <p className="ci-intro">{t('checkin.intro')}</p>
        {waiting > 0 && <p className="ci-card ci-kept">{t('checkin.pendingNote', { count: waiting })}</p>}
        <CodeForm busy={busy} message={codeMessage} onSubmit={(code) => void enterCode(code)} />
      </>
    )
  } else if (session.party === 'contact' || section === 'plan') {
    title = session.party === 'contact' ? t('checkin.hello', { name: session.name }) : t('phone.tabPlan')
    body = (
      <Suspense fallback={<p className="ci-card">{t('phone.loading')}</p>}>
        <PlanView token={session.token} onProblem={sessionProblem} />
      </Suspense>
    )
  } else if (questionnaire) {
    title = t('checkins.q.title')
    body = (
      <Suspense fallback={null}>
        <QuestionnaireRunner
          token={session.token}
          due={questionnaire}
          supporter={supporter}
          onClose={() => setQuestionnaire(null)}
          onProblem={sessionProblem}
        />
      </Suspense>
    )
  } else if (view === 'kept') {
    title = t('checkin.keptTitle')
    body = <KeptScreen note={keptNote} busy={busy} onSend={() => void sendWaiting()} />
  } else if (view === 'thanks') {
    title = t('checkin.thanksTitle')
    body = (
      <ThanksScreen
        supporter={supporter}
        trend={trend}
        token={session.token}
        onOpen={setQuestionnaire}
        onProblem={sessionProblem}
        onAnother={() => setView('form')}
      />
    )
  } else {
    title = session.name ? t('checkin.hello', { name: session.name }) : t('checkin.helloAnonymous')
    body = (
      <>
        <p className="ci-intro">{t('checkin.intro')}</p>
        <CheckinForm supporter={supporter} busy={busy} onSubmit={(data) => void submit(data)} />
        <Suspense fallback={null}>
          <DueQuestionnaires token={session.token} onOpen={setQuestionnaire} onProblem={sessionProblem} />
        </Suspense>
      </>
    )
  }

  return (
    <div className="ci-page">
      <PhoneHeader />
      <main className="ci-main">
        {session && session.party !== 'contact' && !blocked && linkToken && (
          <SectionTabs section={section} onChange={setSection} />
        )}
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {body}
        {linkToken && !blocked && (
          <p className="ci-footer">
            <button type="button" className="ci-link" onClick={forget}>
              {t('checkin.forget')}
            </button>
          </p>
        )}
      </main>
    </div>
  )
}
