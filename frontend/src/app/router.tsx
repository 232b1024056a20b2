import { lazy, Suspense } from 'react'
import { createBrowserRouter, Outlet } from 'react-router'
import { Layout } from '../components/Layout'
import { NotFound } from '../components/NotFound'
import { AuthProvider } from '../features/auth/AuthProvider'
import { LoginPage } from '../features/auth/LoginPage'
import { RequireAuth } from '../features/auth/RequireAuth'
import { RouteError } from '../components/RouteError'
import { CaseloadPage } from '../features/families/CaseloadPage'
import { FamilyLayout } from '../features/families/FamilyLayout'
import { FamilyPage } from '../features/families/FamilyPage'
import { ResearcherHome } from '../features/research/ResearcherHome'
import { StartPage } from '../features/workday/StartPage'
import { adminRoutes } from './adminRoutes'
import { RequireRole } from './RequireRole'

// Forms and administration load on demand; the caseload and family page come with the first download.
const FamilyNewPage = lazy(() =>
  import('../features/families/FamilyNewPage').then((m) => ({ default: m.FamilyNewPage })),
)
const FamilyEditPage = lazy(() =>
  import('../features/families/FamilyEditPage').then((m) => ({ default: m.FamilyEditPage })),
)
const PasswordPage = lazy(() => import('../features/accounts/PasswordPage').then((m) => ({ default: m.PasswordPage })))
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
const NotificationSettingsPage = lazy(() =>
  import('../features/notifications/SettingsPage').then((m) => ({ default: m.SettingsPage })),
)
const UnsubscribePage = lazy(() =>
  import('../features/notifications/UnsubscribePage').then((m) => ({ default: m.UnsubscribePage })),
)
const CostEventsPage = lazy(() =>
  import('../features/businessCase/CostEventsPage').then((m) => ({ default: m.CostEventsPage })),
)
const ClosurePage = lazy(() => import('../features/families/ClosurePage').then((m) => ({ default: m.ClosurePage })))

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
              { path: 'settings/notifications', element: <NotificationSettingsPage /> },
              ...adminRoutes,
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
