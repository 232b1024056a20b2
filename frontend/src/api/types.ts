import type { components, paths } from './schema'

// Names for the generated schemas the app uses; never write these shapes by hand.
// Enums are taken from the properties that use them, so a renamed enum schema (the generator prefixes
// names that clash between API modules) does not break the app.
type Schemas = components['schemas']

export type Problem = Schemas['Problem']
export type TokenResponse = Schemas['TokenResponse']
export type Me = Schemas['Me']
export type User = Schemas['UserPublic']
export type UserCreate = Schemas['UserCreate']
export type UserUpdate = Schemas['UserUpdate']
export type PasswordChange = Schemas['PasswordChange']
export type Role = Me['role']
export type Region = Schemas['RegionPublic']
export type RegionCreate = Schemas['RegionCreate']
export type Family = Schemas['FamilyPublic']
export type FamilyListItem = Schemas['FamilyListItem']
export type FamilyDetail = Schemas['FamilyDetail']
export type FamilyCreate = Schemas['FamilyCreate']
export type FamilyUpdate = Schemas['FamilyUpdate']
export type FamilyStatus = Family['status']
export type FamilyType = NonNullable<FamilyCreate['family_type']>
export type TargetGroup = NonNullable<FamilyUpdate['target_groups']>[number]
export type Member = Schemas['MemberPublic']
export type MemberCreate = Schemas['MemberCreate']
export type MemberRole = Member['role']
export type Contact = Schemas['ContactPublic']
export type ContactCreate = Schemas['ContactCreate']
export type ContactKind = Contact['kind']
export type AuditEvent = Schemas['AuditEventPublic']
export type FamilyListQuery = NonNullable<paths['/api/v1/families']['get']['parameters']['query']>
