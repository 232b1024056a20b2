import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { newIdempotencyKey } from '../../components/forms'
import { useFormValues } from '../../components/useFormValues'
import { PageHeading } from '../../components/Page'
import { DraftRestored } from '../auth/DraftRestored'
import { emptyFamilyValues, familyBody, FamilyForm } from './FamilyForm'
import { useCreateFamily } from './queries'

export function FamilyNewPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const form = useFormValues(emptyFamilyValues, { draft: 'family.new', persist: true })
  const create = useCreateFamily()
  // One key per distinct submission: a double click or a retry of the same data never makes two families.
  const idempotency = useRef<{ key: string; body: string } | null>(null)

  function submit() {
    if (create.isPending) return
    const body = familyBody(form.values)
    const serialised = JSON.stringify(body)
    if (idempotency.current?.body !== serialised) idempotency.current = { key: newIdempotencyKey(), body: serialised }
    create.mutate(
      { body, idempotencyKey: idempotency.current.key },
      {
        onSuccess: (family) => {
          form.reset()
          void navigate(`/families/${family.id}`, { state: { created: true } })
        },
      },
    )
  }

  return (
    <>
      <PageHeading title={t('familyForm.newTitle')}>{t('familyForm.newTitle')}</PageHeading>
      <p className="lead">{t('familyForm.newIntro')}</p>
      <DraftRestored shown={form.restored} />
      <div className="card">
        <FamilyForm
          form={form}
          onSubmit={submit}
          onCancel={() => {
            form.reset()
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
