import type { FamilyDetail } from '../../api/types'
import type { OwnerType } from './types'

export interface OwnerOption {
  value: string
  type: OwnerType
  id: string | null
  label: string
}

/** Who can carry out an action: members, network contacts and the supporter ("type:id"), or a named person. */
export function ownerOptions(family: FamilyDetail, supporterLabel: string): OwnerOption[] {
  const options: OwnerOption[] = [
    ...family.members.map((m) => ({
      value: `member:${m.id}`,
      type: 'member' as const,
      id: m.id,
      label: m.display_name,
    })),
    ...family.contacts.map((c) => ({
      value: `contact:${c.id}`,
      type: 'contact' as const,
      id: c.id,
      label: c.organisation ? `${c.name} (${c.organisation})` : c.name,
    })),
  ]
  if (family.supporter_id) {
    options.push({
      value: `supporter:${family.supporter_id}`,
      type: 'supporter',
      id: family.supporter_id,
      label: `${family.supporter_name ?? ''} (${supporterLabel})`,
    })
  }
  return options
}
