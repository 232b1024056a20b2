import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { isApiError } from '../../api/errors'
import type { FamilyUpdate } from '../../api/types'
import { ConflictMessage } from '../../components/ConflictMessage'
import { NotFound } from '../../components/NotFound'
import { PageHeading } from '../../components/Page'
import { ErrorState, Loading } from '../../components/States'
import { DraftRestored } from '../auth/DraftRestored'
import { useDraft } from '../auth/drafts'
import { familyBody, FamilyForm, familyValues } from './FamilyForm'
import { type LoadedFamily, useFamily, useUpdateFamily } from './queries'

/** Only what changed is sent, so a PATCH never rewrites fields the user did not touch; a cleared field becomes null. */
function changes(before: FamilyUpdate, after: FamilyUpdate): FamilyUpdate {
  const previous: Record<string, unknown> = before
  const next: Record<string, unknown> = after
  const out: Record<string, unknown> = {}
  for (const key of new Set([...Object.keys(previous), ...Object.keys(next)])) {
    if (JSON.stringify(next[key] ?? null) !== JSON.stringify(previous[key] ?? null)) out[key] = next[key] ?? null
  }
  return out
}

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
  const [values, setValues, clearDraft, restored] = useDraft(
    `family.edit.${family.id}.${etag}`,
    () => familyValues(family),
    { persist: true },
  )
  const update = useUpdateFamily(family.id)
  const conflict = isApiError(update.error, 412)
  const title = t('familyForm.editTitle', { name: family.display_name })
  // Names stay out of the tab title and so out of the browser history.
  const documentTitle = t('familyForm.editPageTitle', { reference: family.reference })

  function submit() {
    if (update.isPending) return
    const body = changes(familyBody(familyValues(family)), familyBody(values))
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
          clearDraft()
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
            clearDraft()
            void onReload()
          }}
        />
      ) : (
        <DraftRestored shown={restored} />
      )}
      <div className="card">
        <FamilyForm
          values={values}
          onChange={setValues}
          onSubmit={submit}
          onCancel={() => {
            clearDraft()
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
