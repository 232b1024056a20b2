import type { PhonePlan } from './api'

// The last plan loaded on this phone, so it can be read without a connection. "Vergeet deze link" removes it.
const KEY = 'bondgenoot.phone.plan'

export interface KeptPlan {
  plan: PhonePlan
  savedAt: string
}

export function keepPlan(plan: PhonePlan): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ plan, savedAt: new Date().toISOString() } satisfies KeptPlan))
  } catch {
    // Full or private storage: reading offline will not work, reading online still does.
  }
}

export function keptPlan(): KeptPlan | null {
  try {
    const raw = localStorage.getItem(KEY)
    return raw ? (JSON.parse(raw) as KeptPlan) : null
  } catch {
    return null
  }
}

export function forgetPlan(): void {
  try {
    localStorage.removeItem(KEY)
  } catch {
    // Nothing kept.
  }
}
