import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { isApiError } from '../../api/errors'
import { ConflictMessage } from '../../components/ConflictMessage'
import { NotFound } from '../../components/NotFound'
import { PageHeading } from '../../components/Page'
import { ErrorState, Loading } from '../../components/States'
import { changedFields, useFormValues } from '../../components/useFormValues'
import { DraftRestored } from '../auth/DraftRestored'
import { familyBody, FamilyForm, familyValues } from './FamilyForm'
import { type LoadedFamily, useFamily, useUpdateFamily } from './queries'

export function FamilyEditPage() {
  const { familyId = '' } = useParams()
  const query = useFamily(familyId)
  // The form keeps the version it was opened with; a background refetch must not swap it under the user.
  const [base, setBase] = useState<LoadedFamily | null>(null)
  if (!base && query.data) setBase(query.data)
  const loaded = base ?? query.data ?? null

  if (query.isPending && !loaded) return <Loading />
  if (query.isError && !loaded) {
    if (isApiError(query.error, 404)) return <NotFound kind="family" />
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />
  }
  if (!loaded) return null
  return (
    <EditForm
      key={loaded.etag}
      loaded={loaded}
      onReload={async () => {
        const fresh = await query.refetch()
        if (fresh.data) setBase(fresh.data)
      }}
    />
  )
}

function EditForm({ loaded, onReload }: { loaded: LoadedFamily; onReload: () => Promise<void> }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { family, etag } = loaded
  const form = useFormValues(() => familyValues(family), { draft: `family.edit.${family.id}.${etag}`, persist: true })
  const update = useUpdateFamily(family.id)
  const conflict = isApiError(update.error, 412)
  const title = t('familyForm.editTitle', { name: family.display_name })
  // Names stay out of the tab title and so out of the browser history.
  const documentTitle = t('familyForm.editPageTitle', { reference: family.reference })

  function submit() {
    if (update.isPending) return
    // Only what changed is sent, so a PATCH never rewrites fields the user did not touch.
    const body = changedFields(familyBody(form.initial), familyBody(form.values))
    // The reference cannot change after creation (FamilyUpdate has no such field).
    delete (body as { reference?: unknown }).reference
    if (Object.keys(body).length === 0) {
      void navigate(`/families/${family.id}`)
      return
    }
    update.mutate(
      { body, etag },
      {
        onSuccess: () => {
          form.reset()
          void navigate(`/families/${family.id}`, { state: { saved: true } })
        },
      },
    )
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/families/${family.id}`}>← {t('family.backToFamily')}</Link>
      </p>
      <PageHeading title={documentTitle}>{title}</PageHeading>
      {conflict ? (
        <ConflictMessage
          onReload={() => {
            form.reset()
            void onReload()
          }}
        />
      ) : (
        <DraftRestored shown={form.restored} />
      )}
      <div className="card">
        <FamilyForm
          form={form}
          onSubmit={submit}
          onCancel={() => {
            form.reset()
            void navigate(`/families/${family.id}`)
          }}
          error={update.error}
          busy={update.isPending}
          submitLabel={t('common.save')}
          mode="edit"
        />
      </div>
    </>
  )
}
