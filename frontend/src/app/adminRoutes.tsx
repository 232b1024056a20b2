import { lazy, type ReactNode } from 'react'
import { WorklistPage } from '../features/workday/WorklistPage'
import type { Role } from '../api/types'
import { RequireRole } from './RequireRole'

// Like the rest of the app's pages, these load on demand (the worklist is shared with the start page and comes first).
const UsersPage = lazy(() => import('../features/admin/UsersPage').then((m) => ({ default: m.UsersPage })))
const RegionsPage = lazy(() => import('../features/admin/RegionsPage').then((m) => ({ default: m.RegionsPage })))
const FundersPage = lazy(() => import('../features/funders/FundersPage').then((m) => ({ default: m.FundersPage })))
const CohortPage = lazy(() => import('../features/measurements/CohortPage').then((m) => ({ default: m.CohortPage })))
const InstrumentsPage = lazy(() =>
  import('../features/measurements/admin/InstrumentsPage').then((m) => ({ default: m.InstrumentsPage })),
)
const NotificationsAdminPage = lazy(() =>
  import('../features/notifications/AdminPage').then((m) => ({ default: m.AdminPage })),
)
const BusinessCasePage = lazy(() =>
  import('../features/businessCase/BusinessCasePage').then((m) => ({ default: m.BusinessCasePage })),
)
const BusinessCasePrintPage = lazy(() =>
  import('../features/businessCase/PrintSummaryPage').then((m) => ({ default: m.PrintSummaryPage })),
)
const BusinessCaseModelPage = lazy(() =>
  import('../features/businessCase/ModelEditorPage').then((m) => ({ default: m.ModelEditorPage })),
)
const TeamPage = lazy(() => import('../features/workday/TeamPage').then((m) => ({ default: m.TeamPage })))
const ResearchPage = lazy(() => import('../features/research/ResearchPage').then((m) => ({ default: m.ResearchPage })))
const InstrumentPage = lazy(() =>
  import('../features/measurements/admin/InstrumentPage').then((m) => ({ default: m.InstrumentPage })),
)

const SUPERVISORS: Role[] = ['admin', 'coordinator']
const ADMIN: Role[] = ['admin']
const RESEARCH: Role[] = ['admin', 'coordinator', 'researcher']

function behind(roles: Role[], path: string, page: ReactNode) {
  return { path, element: <RequireRole roles={roles}>{page}</RequireRole> }
}

/** The pages behind a role: team, outcomes, business case, administration and research. */
export const adminRoutes = [
  behind(SUPERVISORS, 'team', <TeamPage />),
  behind(SUPERVISORS, 'team/:supporterId', <WorklistPage />),
  behind(SUPERVISORS, 'outcomes', <CohortPage />),
  behind(SUPERVISORS, 'business-case', <BusinessCasePage />),
  behind(SUPERVISORS, 'business-case/print', <BusinessCasePrintPage />),
  behind(ADMIN, 'admin/business-case', <BusinessCaseModelPage />),
  behind(ADMIN, 'admin/instruments', <InstrumentsPage />),
  behind(ADMIN, 'admin/instruments/:code', <InstrumentPage />),
  behind(SUPERVISORS, 'admin/users', <UsersPage />),
  behind(ADMIN, 'admin/regions', <RegionsPage />),
  behind(ADMIN, 'admin/notifications', <NotificationsAdminPage />),
  behind(ADMIN, 'admin/funders', <FundersPage />),
  behind(RESEARCH, 'research', <ResearchPage />),
]
