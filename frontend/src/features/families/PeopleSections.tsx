import { useTranslation } from 'react-i18next'
import type {
  Contact,
  ContactCreate,
  ContactKind,
  FamilyDetail,
  Member,
  MemberCreate,
  MemberRole,
} from '../../api/types'
import { blankToNull } from '../../components/forms'
import { EntitySection, type FieldSpec, type FormValues } from './EntitySection'
import { useContacts, useMembers } from './queries'

const MEMBER_ROLES: readonly MemberRole[] = ['client', 'parent', 'partner', 'sibling', 'other_relative']
const CONTACT_KINDS: readonly ContactKind[] = ['informal', 'professional']

function text(values: FormValues, name: string): string | null {
  const value = values[name]
  return typeof value === 'string' ? blankToNull(value) : null
}

function memberBody(values: FormValues): MemberCreate {
  const year = text(values, 'birth_year')
  return {
    display_name: text(values, 'display_name') ?? '',
    role: (text(values, 'role') ?? 'other_relative') as MemberRole,
    // Sent as typed so the API can explain a wrong year at the field.
    birth_year: year === null ? null : Number.isInteger(Number(year)) ? Number(year) : (year as unknown as number),
    is_client: values.is_client === true,
    phone: text(values, 'phone'),
    email: text(values, 'email'),
  }
}

function contactBody(values: FormValues): ContactCreate {
  return {
    name: text(values, 'name') ?? '',
    kind: (text(values, 'kind') ?? 'informal') as ContactKind,
    relation: text(values, 'relation'),
    organisation: text(values, 'organisation'),
    role: text(values, 'role'),
    phone: text(values, 'phone'),
    email: text(values, 'email'),
  }
}

function ContactLine({ phone, email }: { phone: string | null | undefined; email: string | null | undefined }) {
  if (!phone && !email) return null
  return (
    <p className="entity-contact">
      {phone ? <a href={`tel:${phone}`}>{phone}</a> : null}
      {phone && email ? ' · ' : null}
      {email ? <a href={`mailto:${email}`}>{email}</a> : null}
    </p>
  )
}

export function MembersSection({ family, onReload }: { family: FamilyDetail; onReload: () => void }) {
  const { t } = useTranslation()
  const { save, remove } = useMembers(family.id)
  const fields: FieldSpec[] = [
    { name: 'display_name', label: t('member.display_name'), type: 'text', required: true, maxLength: 200 },
    {
      name: 'role',
      label: t('member.role'),
      type: 'select',
      required: true,
      options: MEMBER_ROLES.map((role) => ({ value: role, label: t(`memberRole.${role}`) })),
    },
    { name: 'birth_year', label: t('member.birth_year'), type: 'number' },
    { name: 'is_client', label: t('member.is_client'), type: 'checkbox' },
    { name: 'phone', label: t('member.phone'), type: 'tel', maxLength: 40 },
    { name: 'email', label: t('member.email'), type: 'email', maxLength: 254 },
  ]
  return (
    <EntitySection<Member, MemberCreate>
      id="members"
      title={t('member.title')}
      addLabel={t('member.add')}
      emptyText={t('member.empty')}
      items={family.members}
      itemName={(member) => member.display_name}
      fields={fields}
      draftKey={`member.${family.id}`}
      emptyValues={() => ({ display_name: '', role: 'parent', birth_year: '', is_client: false, phone: '', email: '' })}
      toValues={(member) => ({
        display_name: member.display_name,
        role: member.role,
        birth_year: member.birth_year == null ? '' : String(member.birth_year),
        is_client: member.is_client,
        phone: member.phone ?? '',
        email: member.email ?? '',
      })}
      renderItem={(member) => (
        <>
          <p className="entity-title">
            {member.display_name}
            {member.is_client ? <span className="badge badge-client">{t('member.client')}</span> : null}
          </p>
          <p className="entity-meta">
            {t(`memberRole.${member.role}`)}
            {member.birth_year ? ` · ${t('member.born', { year: member.birth_year })}` : ''}
          </p>
          <ContactLine phone={member.phone} email={member.email} />
        </>
      )}
      toBody={memberBody}
      save={save}
      remove={remove}
      onReload={onReload}
      readOnly={Boolean(family.archived_at)}
    />
  )
}

export function ContactsSection({ family, onReload }: { family: FamilyDetail; onReload: () => void }) {
  const { t } = useTranslation()
  const { save, remove } = useContacts(family.id)
  const fields: FieldSpec[] = [
    { name: 'name', label: t('contact.name'), type: 'text', required: true, maxLength: 200 },
    {
      name: 'kind',
      label: t('contact.kind'),
      type: 'select',
      required: true,
      options: CONTACT_KINDS.map((kind) => ({ value: kind, label: t(`contactKind.${kind}`) })),
    },
    { name: 'relation', label: t('contact.relation'), type: 'text', maxLength: 120 },
    { name: 'organisation', label: t('contact.organisation'), type: 'text', maxLength: 200 },
    { name: 'role', label: t('contact.role'), type: 'text', maxLength: 120 },
    { name: 'phone', label: t('contact.phone'), type: 'tel', maxLength: 40 },
    { name: 'email', label: t('contact.email'), type: 'email', maxLength: 254 },
  ]
  return (
    <EntitySection<Contact, ContactCreate>
      id="network"
      title={t('contact.title')}
      addLabel={t('contact.add')}
      emptyText={t('contact.empty')}
      items={family.contacts}
      itemName={(contact) => contact.name}
      fields={fields}
      draftKey={`contact.${family.id}`}
      emptyValues={() => ({
        name: '',
        kind: 'informal',
        relation: '',
        organisation: '',
        role: '',
        phone: '',
        email: '',
      })}
      toValues={(contact) => ({
        name: contact.name,
        kind: contact.kind,
        relation: contact.relation ?? '',
        organisation: contact.organisation ?? '',
        role: contact.role ?? '',
        phone: contact.phone ?? '',
        email: contact.email ?? '',
      })}
      renderItem={(contact) => (
        <>
          <p className="entity-title">
            {contact.name}
            <span className={`badge badge-${contact.kind}`}>{t(`contactKind.${contact.kind}`)}</span>
          </p>
          <p className="entity-meta">
            {[contact.relation, contact.role, contact.organisation].filter(Boolean).join(' · ') || '—'}
          </p>
          <ContactLine phone={contact.phone} email={contact.email} />
        </>
      )}
      toBody={contactBody}
      save={save}
      remove={remove}
      onReload={onReload}
      readOnly={Boolean(family.archived_at)}
    />
  )
}
