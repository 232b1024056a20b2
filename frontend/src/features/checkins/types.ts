import type { components } from '../../api/schema'

// Names for the generated check-in schemas the supporter's pages use; never write these shapes by hand.
type Schemas = components['schemas']

export type Checkin = Schemas['CheckinPublic']
export type CheckinAlert = Schemas['CheckinAlertPublic']
export type CheckinLink = Schemas['CheckinLinkPublic']
export type CheckinLinkCreated = Schemas['CheckinLinkCreated']
export type CheckinSummary = Schemas['CheckinSummary']
export type FamilyCheckinSummary = Schemas['FamilyCheckinSummary']
export type AlertReason = CheckinAlert['reasons'][number]
export type CheckinNeed = Checkin['needs'][number]
export type LinkStatus = CheckinLink['status']
