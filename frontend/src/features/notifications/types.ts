import type { components } from '../../api/schema'

// Names for the generated notification schemas; never write these shapes by hand.
type Schemas = components['schemas']

export type NotificationSettings = Schemas['NotificationSettings']
export type NotificationSettingsUpdate = Schemas['NotificationSettingsUpdate']
export type Template = Schemas['TemplatePublic']
export type TemplateUpdate = Schemas['TemplateUpdate']
export type TemplatePreview = Schemas['TemplatePreview']
export type Message = Schemas['MessagePublic']
export type FamilyMessage = Schemas['FamilyMessagePublic']
export type MessageStatus = Message['status']
export type Channel = Message['channel']
export type Language = NotificationSettings['language']
export type Digest = NotificationSettings['digest']
