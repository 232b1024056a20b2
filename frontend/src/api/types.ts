import type { components, paths } from './schema'

// Names for the generated schemas the app uses; never write these shapes by hand.
type Schemas = components['schemas']

export type Problem = Schemas['Problem']
export type TokenResponse = Schemas['TokenResponse']
export type Me = Schemas['Me']
export type User = Schemas['UserPublic']
export type UserCreate = Schemas['UserCreate']
export type Role = Schemas['Role']
export type Region = Schemas['RegionPublic']
export type RegionCreate = Schemas['RegionCreate']
export type Family = Schemas['FamilyPublic']
export type FamilyDetail = Schemas['FamilyDetail']
export type FamilyCreate = Schemas['FamilyCreate']
export type FamilyUpdate = Schemas['FamilyUpdate']
export type FamilyStatus = Schemas['FamilyStatus']
export type FamilyType = Schemas['FamilyType']
export type TargetGroup = Schemas['TargetGroup']
export type Member = Schemas['MemberPublic']
export type MemberCreate = Schemas['MemberCreate']
export type MemberRole = Schemas['MemberRole']
export type Contact = Schemas['ContactPublic']
export type ContactCreate = Schemas['ContactCreate']
export type ContactKind = Schemas['ContactKind']
export type AuditEvent = Schemas['AuditEventPublic']
export type FamilyListQuery = NonNullable<paths['/api/v1/families']['get']['parameters']['query']>
