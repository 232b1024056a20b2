import type { components } from '../../api/schema'

// Names for the generated funder schemas; never write these shapes by hand.
type Schemas = components['schemas']

export type FunderClient = Schemas['ClientPublic']
export type FunderClientWithSecret = Schemas['ClientWithSecret']
export type FunderClientCreate = Schemas['ClientCreate']
export type FunderScope = FunderClientCreate['scopes'][number]
export type WebhookEndpoint = Schemas['WebhookPublic']
export type Delivery = Schemas['DeliveryPublic']
export type DeliveryStatus = Delivery['status']
export type Consent = Schemas['ConsentPublic']
export type ConsentUpdate = Schemas['ConsentUpdate']

export const SCOPES: readonly FunderScope[] = ['outcomes:read', 'trajectories:read', 'webhooks:manage']
