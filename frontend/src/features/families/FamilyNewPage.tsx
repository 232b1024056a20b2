import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { newIdempotencyKey } from '../../components/forms'
import { PageHeading } from '../../components/Page'
import { DraftRestored } from '../auth/DraftRestored'
import { useDraft } from '../auth/drafts'
import { emptyFamilyValues, familyBody, FamilyForm } from './FamilyForm'
import { useCreateFamily } from './queries'

export function FamilyNewPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [values, setValues, clearDraft, restored] = useDraft('family.new', emptyFamilyValues, { persist: true })
  const create = useCreateFamily()
  // One key per distinct submission: a double click or a retry of the same data never makes two families.
  const idempotency = useRef<{ key: string; body: string } | null>(null)

  function submit() {
    if (create.isPending) return
    const body = familyBody(values)
    const serialised = JSON.stringify(body)
    if (idempotency.current?.body !== serialised) idempotency.current = { key: newIdempotencyKey(), body: serialised }
    create.mutate(
      { body, idempotencyKey: idempotency.current.key },
      {
        onSuccess: (family) => {
          clearDraft()
          void navigate(`/families/${family.id}`, { state: { created: true } })
        },
      },
    )
  }

  return (
    <>
      <PageHeading title={t('familyForm.newTitle')}>{t('familyForm.newTitle')}</PageHeading>
      <p className="lead">{t('familyForm.newIntro')}</p>
      <DraftRestored shown={restored} />
      <div className="card">
        <FamilyForm
          values={values}
          onChange={setValues}
          onSubmit={submit}
          onCancel={() => {
            clearDraft()
            void navigate('/')
          }}
          error={create.error}
          busy={create.isPending}
          submitLabel={t('familyForm.create')}
          mode="create"
        />
      </div>
    </>
  )
}
