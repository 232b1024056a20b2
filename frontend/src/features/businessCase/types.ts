import type { components } from '../../api/schema'

// Names for the generated business-case schemas; never write these shapes by hand.
type Schemas = components['schemas']

export type Report = Schemas['BusinessCaseReport']
export type TypeFigures = Schemas['FamilyTypeFigures']
export type CohortFigures = Schemas['CohortFigures']
export type PayerFigures = Schemas['PayerFigures']
export type SensitivityFactor = Schemas['SensitivityFactor']
export type Observed = Schemas['ObservedFigures']
export type CostFactorPublic = Schemas['CostFactorPublic']
export type ModelPublic = Schemas['ModelPublic']
export type ModelDefinition = Schemas['ModelDefinition-Output']
export type ModelInput = Schemas['ModelDefinition-Input']
export type ModelEdit = Schemas['ModelEdit']
export type ModelVersion = Schemas['ModelVersionInfo']
export type CostEvent = Schemas['CostEventPublic']
export type CostEventCreate = Schemas['CostEventCreate']

export interface ReportQuery {
  region_id?: string
  from?: string
  to?: string
  families?: number
  model_version?: number
}
