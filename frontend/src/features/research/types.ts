import type { components } from '../../api/schema'

// Names for the generated research schemas; never write these shapes by hand.
type Schemas = components['schemas']

export type ResearchProject = Schemas['ProjectPublic']
export type ResearchProjectDetail = Schemas['ProjectDetail']
export type ResponseTracking = Schemas['ResponseTracking']
export type ResponseRow = Schemas['ResponseRow']
