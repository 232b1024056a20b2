import { usePhoneTranslation } from './i18n'

export type Section = 'checkin' | 'plan'

/** A family member switches between the check-in and the plan. */
export function SectionTabs({ section, onChange }: { section: Section; onChange: (section: Section) => void }) {
  const { t } = usePhoneTranslation()
  return (
    <nav className="ph-tabs" aria-label={t('phone.tabPlan')}>
      <button type="button" aria-pressed={section === 'checkin'} onClick={() => onChange('checkin')}>
        {t('phone.tabCheckin')}
      </button>
      <button type="button" aria-pressed={section === 'plan'} onClick={() => onChange('plan')}>
        {t('phone.tabPlan')}
      </button>
    </nav>
  )
}
