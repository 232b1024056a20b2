import type { components } from '../../api/schema'
import { call, CheckinError, client } from '../api'

// The member's questionnaires through the check-in session (the phone page's own client: no staff token).
type Schemas = components['schemas']
export type DueQuestionnaire = Schemas['MemberQuestionnaireSummary']
export type Questionnaire = Schemas['MemberQuestionnaire']
export type Definition = Questionnaire['instrument']
export type Item = Definition['items'][number]
export type Answers = Record<string, number | null>

/** This questionnaire is not (or no longer) open to the member: done elsewhere, or not theirs. */
export class QuestionnaireGone extends Error {
  constructor() {
    super('questionnaire_gone')
    this.name = 'QuestionnaireGone'
  }
}

type Result<T> = { data?: T; error?: unknown; response: Response }

/** Like `call`, but a 404 or 409 about the questionnaire itself (not the link) is QuestionnaireGone. */
async function run<T>(request: () => Promise<Result<T>>): Promise<T> {
  let result: Result<T>
  try {
    result = await request()
  } catch {
    throw new CheckinError('offline')
  }
  const reason = (result.error as { reason?: string } | undefined)?.reason
  if ((result.response.status === 404 && reason !== 'link_unusable') || result.response.status === 409) {
    throw new QuestionnaireGone()
  }
  return call(() => Promise.resolve(result))
}

const auth = (token: string) => ({ Authorization: `Bearer ${token}` })

export async function listQuestionnaires(token: string): Promise<DueQuestionnaire[]> {
  const list = await run(() => client.GET('/api/v1/checkin/questionnaires', { headers: auth(token) }))
  return list.items
}

/** Opens a due questionnaire: the one already started, or a new one. */
export function openQuestionnaire(token: string, due: DueQuestionnaire): Promise<Questionnaire> {
  if (due.measurement_id) {
    const id = due.measurement_id
    return run(() =>
      client.GET('/api/v1/checkin/questionnaires/{measurement_id}', {
        params: { path: { measurement_id: id } },
        headers: auth(token),
      }),
    )
  }
  return run(() =>
    client.POST('/api/v1/checkin/questionnaires', {
      body: { instrument_code: due.instrument_code, wave: due.wave },
      headers: auth(token),
    }),
  )
}

export function saveAnswers(token: string, id: string, answers: Answers): Promise<Questionnaire> {
  return run(() =>
    client.PUT('/api/v1/checkin/questionnaires/{measurement_id}/answers', {
      params: { path: { measurement_id: id } },
      body: { answers },
      headers: auth(token),
    }),
  )
}

export function completeQuestionnaire(token: string, id: string): Promise<unknown> {
  return run(() =>
    client.POST('/api/v1/checkin/questionnaires/{measurement_id}/complete', {
      params: { path: { measurement_id: id } },
      headers: auth(token),
    }),
  )
}
