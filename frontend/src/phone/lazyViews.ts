import { lazy } from 'react'

// Loaded when needed, so a cheap phone downloads less before the code screen (see scripts/size.mjs).
export const QuestionnaireRunner = lazy(() =>
  import('./questionnaires/QuestionnaireRunner').then((m) => ({ default: m.QuestionnaireRunner })),
)
export const DueQuestionnaires = lazy(() =>
  import('./questionnaires/DueQuestionnaires').then((m) => ({ default: m.DueQuestionnaires })),
)
export const Trend = lazy(() => import('./Trend').then((m) => ({ default: m.Trend })))
export const PlanView = lazy(() => import('./plan/PlanView').then((m) => ({ default: m.PlanView })))
