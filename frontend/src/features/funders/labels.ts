import type { TFunction } from 'i18next'
import type { components } from '../../api/schema'
import type { TranslationKey } from '../../i18n/keys'
import type { FunderScope } from './types'

// The API names scopes and events with ':' and '.', which an i18n key cannot hold: each has its key here.
const SCOPES: Readonly<Record<string, TranslationKey | undefined>> = {
  'outcomes:read': 'funders.scope.outcomes_read',
  'trajectories:read': 'funders.scope.trajectories_read',
  'webhooks:manage': 'funders.scope.webhooks_manage',
} satisfies Record<FunderScope, TranslationKey>

const EVENTS: Readonly<Record<string, TranslationKey | undefined>> = {
  'plan.adopted': 'funders.event.plan_adopted',
  'meeting.held': 'funders.event.meeting_held',
  'measurement.completed': 'funders.event.measurement_completed',
  'family.closed': 'funders.event.family_closed',
} satisfies Record<components['schemas']['EventType'], TranslationKey>

/** A scope in words; the scope's own name if it is one we have no words for. */
export function scopeLabel(scope: string, t: TFunction): string {
  const key = SCOPES[scope]
  return key ? t(key) : scope
}

/** A webhook event in words; the event's own name if it is one we have no words for. */
export function eventLabel(event: string, t: TFunction): string {
  const key = EVENTS[event]
  return key ? t(key) : event
}
