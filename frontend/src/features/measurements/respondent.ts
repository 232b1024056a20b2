import type { TFunction } from 'i18next'
import type { Respondent } from './types'

/** "Sanne (ouder)" or "Fatima (bondgenoot)". */
export function respondentLabel(respondent: Respondent, t: TFunction): string {
  const role =
    respondent.kind === 'supporter'
      ? t('roles.supporter')
      : t(`memberRole.${respondent.role}`, { defaultValue: respondent.role })
  return `${respondent.display_name} (${role.toLowerCase()})`
}
