import { lazy, Suspense, type ReactNode } from 'react'
import { createBrowserRouter, Outlet } from 'react-router'
import type { Role } from '../api/types'
import { Layout } from '../components/Layout'
import { NotFound } from '../components/NotFound'
import { useMe } from '../features/auth/AuthContext'
import { AuthProvider } from '../features/auth/AuthProvider'
import { LoginPage } from '../features/auth/LoginPage'
import { RequireAuth } from '../features/auth/RequireAuth'
import { RouteError } from '../components/RouteError'
import { CaseloadPage } from '../features/families/CaseloadPage'
import { FamilyLayout } from '../features/families/FamilyLayout'
import { FamilyPage } from '../features/families/FamilyPage'
import { ResearcherHome } from '../features/research/ResearcherHome'
import { StartPage } from '../features/workday/StartPage'
import { WorklistPage } from '../features/workday/WorklistPage'

// Forms and administration load on demand; the caseload and family page come with the first download.
const FamilyNewPage = lazy(() =>
  import('../features/families/FamilyNewPage').then((m) => ({ default: m.FamilyNewPage })),
)
const FamilyEditPage = lazy(() =>
  import('../features/families/FamilyEditPage').then((m) => ({ default: m.FamilyEditPage })),
)
const UsersPage = lazy(() => import('../features/admin/UsersPage').then((m) => ({ default: m.UsersPage })))
const PasswordPage = lazy(() => import('../features/accounts/PasswordPage').then((m) => ({ default: m.PasswordPage })))
const RegionsPage = lazy(() => import('../features/admin/RegionsPage').then((m) => ({ default: m.RegionsPage })))
const FundersPage = lazy(() => import('../features/funders/FundersPage').then((m) => ({ default: m.FundersPage })))
const CheckinsDashboard = lazy(() =>
  import('../features/checkins/CheckinsDashboard').then((m) => ({ default: m.CheckinsDashboard })),
)
const PlanPage = lazy(() => import('../features/plans/PlanPage').then((m) => ({ default: m.PlanPage })))
const PlanPrintPage = lazy(() => import('../features/plans/PlanPrintPage').then((m) => ({ default: m.PlanPrintPage })))
const FamilyMeetingsPage = lazy(() =>
  import('../features/meetings/FamilyMeetingsPage').then((m) => ({ default: m.FamilyMeetingsPage })),
)
const MeetingNewPage = lazy(() =>
  import('../features/meetings/MeetingNewPage').then((m) => ({ default: m.MeetingNewPage })),
)
const MeetingPage = lazy(() => import('../features/meetings/MeetingPage').then((m) => ({ default: m.MeetingPage })))
const MeetingSummaryPage = lazy(() =>
  import('../features/meetings/MeetingSummaryPage').then((m) => ({ default: m.MeetingSummaryPage })),
)
const MeetingsOverviewPage = lazy(() =>
  import('../features/meetings/MeetingsOverviewPage').then((m) => ({ default: m.MeetingsOverviewPage })),
)
const OutcomesPage = lazy(() =>
  import('../features/measurements/OutcomesPage').then((m) => ({ default: m.OutcomesPage })),
)
const MeasurementPage = lazy(() =>
  import('../features/measurements/MeasurementPage').then((m) => ({ default: m.MeasurementPage })),
)
const WorkEngagementPage = lazy(() =>
  import('../features/measurements/WorkEngagementPage').then((m) => ({ default: m.WorkEngagementPage })),
)
const CohortPage = lazy(() => import('../features/measurements/CohortPage').then((m) => ({ default: m.CohortPage })))
const InstrumentsPage = lazy(() =>
  import('../features/measurements/admin/InstrumentsPage').then((m) => ({ default: m.InstrumentsPage })),
)
const NotificationSettingsPage = lazy(() =>
  import('../features/notifications/SettingsPage').then((m) => ({ default: m.SettingsPage })),
)
const NotificationsAdminPage = lazy(() =>
  import('../features/notifications/AdminPage').then((m) => ({ default: m.AdminPage })),
)
const UnsubscribePage = lazy(() =>
  import('../features/notifications/UnsubscribePage').then((m) => ({ default: m.UnsubscribePage })),
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
const CostEventsPage = lazy(() =>
  import('../features/businessCase/CostEventsPage').then((m) => ({ default: m.CostEventsPage })),
)
const TeamPage = lazy(() => import('../features/workday/TeamPage').then((m) => ({ default: m.TeamPage })))
const ClosurePage = lazy(() => import('../features/families/ClosurePage').then((m) => ({ default: m.ClosurePage })))
const ResearchPage = lazy(() => import('../features/research/ResearchPage').then((m) => ({ default: m.ResearchPage })))
const InstrumentPage = lazy(() =>
  import('../features/measurements/admin/InstrumentPage').then((m) => ({ default: m.InstrumentPage })),
)

function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const me = useMe()
  return roles.includes(me.role) ? children : <NotFound />
}

function Root() {
  return (
    <AuthProvider>
      <Outlet />
    </AuthProvider>
  )
}

export const routes = [
  {
    path: '/afmelden',
    element: (
      <Suspense fallback={null}>
        <UnsubscribePage />
      </Suspense>
    ),
  },
  {
    element: <Root />,
    errorElement: <RouteError standalone />,
    children: [
      { path: '/login', element: <LoginPage /> },
      {
        element: (
          <RequireAuth>
            <Layout />
          </RequireAuth>
        ),
        children: [
          // Every page below shows a Dutch error page with "opnieuw laden" instead of the router's own.
          {
            errorElement: <RouteError />,
            children: [
              {
                index: true,
                element: (
                  <ResearcherHome>
                    <StartPage />
                  </ResearcherHome>
                ),
              },
              { path: 'families', element: <CaseloadPage /> },
              { path: 'families/new', element: <FamilyNewPage /> },
              {
                // The family workspace: one header, tabs and "wat vraagt aandacht" (tabs: features/families/familyTabs.ts).
                path: 'families/:familyId',
                element: <FamilyLayout />,
                children: [
                  { index: true, element: <FamilyPage /> },
                  { path: 'plan', element: <PlanPage /> },
                  { path: 'meetings', element: <FamilyMeetingsPage /> },
                  { path: 'outcomes', element: <OutcomesPage /> },
                  { path: 'kosten', element: <CostEventsPage /> },
                  { path: 'afsluiten', element: <ClosurePage /> },
                ],
              },
              { path: 'families/:familyId/edit', element: <FamilyEditPage /> },
              { path: 'families/:familyId/plan/print', element: <PlanPrintPage /> },
              { path: 'checkins', element: <CheckinsDashboard /> },
              { path: 'families/:familyId/meetings/new', element: <MeetingNewPage /> },
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
              { path: 'meetings', element: <MeetingsOverviewPage /> },
              { path: 'meetings/:meetingId', element: <MeetingPage /> },
              { path: 'meetings/:meetingId/summary', element: <MeetingSummaryPage /> },
              { path: 'families/:familyId/measurements/:measurementId', element: <MeasurementPage /> },
              { path: 'me/password', element: <PasswordPage /> },
              {
                path: 'me/work-engagement',
                element: (
                  <RequireRole roles={['supporter']}>
                    <WorkEngagementPage />
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
              { path: 'settings/notifications', element: <NotificationSettingsPage /> },
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
              { path: '*', element: <NotFound /> },
            ],
          },
        ],
      },
    ],
  },
]

export function createRouter() {
  return createBrowserRouter(routes)
}
