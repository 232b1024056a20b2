import type { FamilyCreate, FamilyDetail, FamilyType, TargetGroup } from '../../api/types'
import { blankToNull } from '../../components/forms'

export const FAMILY_TYPES: readonly FamilyType[] = [
  'child_id_parents',
  'child_pimd',
  'parent_id_children',
  'adult_abi_partner',
  'child_autism_mental_health',
  'adult_id_ageing_parents',
]
export const TARGET_GROUPS: readonly TargetGroup[] = ['lvb', 'vb', 'emb', 'nah', 'autism', 'ggz', 'other']

/** What the family form holds, as the inputs give it (blank for "not given"). */
export interface FamilyFormValues {
  display_name: string
  reference: string
  region_id: string
  municipality: string
  family_type: string
  target_groups: TargetGroup[]
  supporter_id: string
  started_on: string
}

export const FAMILY_FIELDS = [
  'display_name',
  'reference',
  'region_id',
  'municipality',
  'family_type',
  'target_groups',
  'supporter_id',
  'started_on',
] as const

export function emptyFamilyValues(): FamilyFormValues {
  return {
    display_name: '',
    reference: '',
    region_id: '',
    municipality: '',
    family_type: '',
    target_groups: [],
    supporter_id: '',
    started_on: '',
  }
}

export function familyValues(family: FamilyDetail): FamilyFormValues {
  return {
    display_name: family.display_name,
    reference: family.reference,
    region_id: family.region_id ?? '',
    municipality: family.municipality ?? '',
    family_type: family.family_type ?? '',
    target_groups: family.target_groups.filter((group): group is TargetGroup =>
      (TARGET_GROUPS as readonly string[]).includes(group),
    ),
    supporter_id: family.supporter_id ?? '',
    started_on: family.started_on ?? '',
  }
}

/**
 * The request body for these values. Empty optional fields are left out, so a supporter never sends
 * `supporter_id: null` (which would move the family out of their own caseload).
 */
export function familyBody(values: FamilyFormValues): FamilyCreate {
  const optional = {
    reference: blankToNull(values.reference),
    region_id: blankToNull(values.region_id),
    municipality: blankToNull(values.municipality),
    family_type: blankToNull(values.family_type) as FamilyType | null,
    supporter_id: blankToNull(values.supporter_id),
    started_on: blankToNull(values.started_on),
  }
  return {
    display_name: values.display_name.trim(),
    target_groups: values.target_groups,
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== null)),
  }
}
