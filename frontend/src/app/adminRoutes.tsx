import { lazy } from 'react'
import { WorklistPage } from '../features/workday/WorklistPage'
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

/** The pages behind a role: team, outcomes, business case, administration and research. */
export const adminRoutes = [
  {
    path: 'team',
    element: (
      <RequireRole roles={['admin', 'coordinator']}>
        <TeamPage />
      </RequireRole>
    ),
  },
  {
    path: 'team/:supporterId',
    element: (
      <RequireRole roles={['admin', 'coordinator']}>
        <WorklistPage />
      </RequireRole>
    ),
  },
  {
    path: 'outcomes',
    element: (
      <RequireRole roles={['admin', 'coordinator']}>
        <CohortPage />
      </RequireRole>
    ),
  },
  {
    path: 'business-case',
    element: (
      <RequireRole roles={['admin', 'coordinator']}>
        <BusinessCasePage />
      </RequireRole>
    ),
  },
  {
    path: 'business-case/print',
    element: (
      <RequireRole roles={['admin', 'coordinator']}>
        <BusinessCasePrintPage />
      </RequireRole>
    ),
  },
  {
    path: 'admin/business-case',
    element: (
      <RequireRole roles={['admin']}>
        <BusinessCaseModelPage />
      </RequireRole>
    ),
  },
  {
    path: 'admin/instruments',
    element: (
      <RequireRole roles={['admin']}>
        <InstrumentsPage />
      </RequireRole>
    ),
  },
  {
    path: 'admin/instruments/:code',
    element: (
      <RequireRole roles={['admin']}>
        <InstrumentPage />
      </RequireRole>
    ),
  },
  {
    path: 'admin/users',
    element: (
      <RequireRole roles={['admin', 'coordinator']}>
        <UsersPage />
      </RequireRole>
    ),
  },
  {
    path: 'admin/regions',
    element: (
      <RequireRole roles={['admin']}>
        <RegionsPage />
      </RequireRole>
    ),
  },
  {
    path: 'admin/notifications',
    element: (
      <RequireRole roles={['admin']}>
        <NotificationsAdminPage />
      </RequireRole>
    ),
  },
  {
    path: 'admin/funders',
    element: (
      <RequireRole roles={['admin']}>
        <FundersPage />
      </RequireRole>
    ),
  },
  {
    path: 'research',
    element: (
      <RequireRole roles={['admin', 'coordinator', 'researcher']}>
        <ResearchPage />
      </RequireRole>
    ),
  },
]
