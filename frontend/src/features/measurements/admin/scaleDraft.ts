import type { TFunction } from 'i18next'
import type { Band, Scale } from '../types'

/** "3,5" or "3.5" → 3.5; blank → null; anything else → NaN (refused before sending). */
export function parseDecimal(value: string): number | null {
  const trimmed = value.trim()
  if (trimmed === '') return null
  return /^-?\d+([.,]\d+)?$/.test(trimmed) ? Number(trimmed.replace(',', '.')) : Number.NaN
}

const show = (value: number | null | undefined) =>
  value === null || value === undefined ? '' : String(value).replace('.', ',')

export interface BandDraft {
  lower: string
  upper: string
  nl: string
  en: string
}

export interface ScaleDraft {
  nl: string
  en: string
  bands: BandDraft[]
  mean: string
  sd: string
  reliability: string
  cutoff: string
}

export function draftOf(scale: Scale): ScaleDraft {
  return {
    nl: scale.name.nl,
    en: scale.name.en,
    bands: scale.bands.map((band) => ({
      lower: show(band.lower),
      upper: show(band.upper),
      nl: band.label.nl,
      en: band.label.en,
    })),
    mean: show(scale.norms?.mean),
    sd: show(scale.norms?.sd),
    reliability: show(scale.norms?.reliability),
    cutoff: show(scale.clinical_cutoff),
  }
}

/** The scale with the edited fields; a list of problems (in the form's words) when a number is not a number. */
export function applyDraft(scale: Scale, draft: ScaleDraft, problems: string[], t: TFunction): Scale {
  const number = (value: string, label: string) => {
    const parsed = parseDecimal(value)
    if (Number.isNaN(parsed)) problems.push(t('measurements.admin.notANumber', { field: `${draft.nl} · ${label}` }))
    return parsed
  }
  const bands: Band[] = draft.bands.map((band) => ({
    lower: number(band.lower, t('measurements.admin.lower')) ?? 0,
    upper: number(band.upper, t('measurements.admin.upper')) ?? 0,
    label: { nl: band.nl, en: band.en },
  }))
  const mean = number(draft.mean, t('measurements.admin.normMean'))
  const sd = number(draft.sd, t('measurements.admin.normSd'))
  const reliability = number(draft.reliability, t('measurements.admin.normR'))
  const cutoff = number(draft.cutoff, t('measurements.admin.cutoff'))
  const hasNorms = mean !== null || sd !== null || reliability !== null
  if (hasNorms && (mean === null || sd === null || reliability === null))
    problems.push(t('measurements.admin.normsIncomplete', { scale: draft.nl }))
  return {
    ...scale,
    name: { nl: draft.nl, en: draft.en },
    bands,
    clinical_cutoff: cutoff,
    norms: hasNorms
      ? {
          ...(scale.norms ?? {}),
          mean: mean ?? 0,
          sd: sd ?? 0,
          reliability: reliability ?? 0,
          status: normsStatus(scale, mean, sd, reliability),
        }
      : null,
  }
}

/** Figures typed in here have no citation yet: changed norms are example norms until a source is given. */
function normsStatus(
  scale: Scale,
  mean: number | null,
  sd: number | null,
  reliability: number | null,
): 'example' | 'sourced' {
  const old = scale.norms
  const same = old != null && old.mean === mean && old.sd === sd && old.reliability === reliability
  return same ? old.status : 'example'
}
