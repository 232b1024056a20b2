import { lazy, type ReactNode } from 'react'
import { createBrowserRouter, Outlet } from 'react-router'
import type { Role } from '../api/types'
import { Layout } from '../components/Layout'
import { NotFound } from '../components/NotFound'
import { useMe } from '../features/auth/AuthContext'
import { AuthProvider } from '../features/auth/AuthProvider'
import { LoginPage } from '../features/auth/LoginPage'
import { RequireAuth } from '../features/auth/RequireAuth'
import { CaseloadPage } from '../features/families/CaseloadPage'
import { FamilyPage } from '../features/families/FamilyPage'

// Forms and administration load on demand; the caseload and family page come with the first download.
const FamilyNewPage = lazy(() => import('../features/families/FamilyNewPage').then((m) => ({ default: m.FamilyNewPage })))
const FamilyEditPage = lazy(() => import('../features/families/FamilyEditPage').then((m) => ({ default: m.FamilyEditPage })))
const UsersPage = lazy(() => import('../features/admin/UsersPage').then((m) => ({ default: m.UsersPage })))
const RegionsPage = lazy(() => import('../features/admin/RegionsPage').then((m) => ({ default: m.RegionsPage })))
const FundersPage = lazy(() => import('../features/funders/FundersPage').then((m) => ({ default: m.FundersPage })))
const CheckinsDashboard = lazy(() => import('../features/checkins/CheckinsDashboard').then((m) => ({ default: m.CheckinsDashboard })))
const PlanPage = lazy(() => import('../features/plans/PlanPage').then((m) => ({ default: m.PlanPage })))
const PlanPrintPage = lazy(() => import('../features/plans/PlanPrintPage').then((m) => ({ default: m.PlanPrintPage })))
const FamilyMeetingsPage = lazy(() => import('../features/meetings/FamilyMeetingsPage').then((m) => ({ default: m.FamilyMeetingsPage })))
const MeetingNewPage = lazy(() => import('../features/meetings/MeetingNewPage').then((m) => ({ default: m.MeetingNewPage })))
const MeetingPage = lazy(() => import('../features/meetings/MeetingPage').then((m) => ({ default: m.MeetingPage })))
const MeetingSummaryPage = lazy(() => import('../features/meetings/MeetingSummaryPage').then((m) => ({ default: m.MeetingSummaryPage })))
const MeetingsOverviewPage = lazy(() => import('../features/meetings/MeetingsOverviewPage').then((m) => ({ default: m.MeetingsOverviewPage })))
const OutcomesPage = lazy(() => import('../features/measurements/OutcomesPage').then((m) => ({ default: m.OutcomesPage })))
const MeasurementPage = lazy(() => import('../features/measurements/MeasurementPage').then((m) => ({ default: m.MeasurementPage })))
const WorkEngagementPage = lazy(() => import('../features/measurements/WorkEngagementPage').then((m) => ({ default: m.WorkEngagementPage })))
const CohortPage = lazy(() => import('../features/measurements/CohortPage').then((m) => ({ default: m.CohortPage })))
const InstrumentsPage = lazy(() => import('../features/measurements/admin/InstrumentsPage').then((m) => ({ default: m.InstrumentsPage })))
const InstrumentPage = lazy(() => import('../features/measurements/admin/InstrumentPage').then((m) => ({ default: m.InstrumentPage })))

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
    element: <Root />,
    children: [
      { path: '/login', element: <LoginPage /> },
      {
        element: (
          <RequireAuth>
            <Layout />
          </RequireAuth>
        ),
        children: [
          { index: true, element: <CaseloadPage /> },
          { path: 'families/new', element: <FamilyNewPage /> },
          { path: 'families/:familyId', element: <FamilyPage /> },
          { path: 'families/:familyId/edit', element: <FamilyEditPage /> },
          { path: 'families/:familyId/plan', element: <PlanPage /> },
          { path: 'families/:familyId/plan/print', element: <PlanPrintPage /> },
          { path: 'checkins', element: <CheckinsDashboard /> },
          { path: 'families/:familyId/meetings', element: <FamilyMeetingsPage /> },
          { path: 'families/:familyId/meetings/new', element: <MeetingNewPage /> },
          { path: 'meetings', element: <MeetingsOverviewPage /> },
          { path: 'meetings/:meetingId', element: <MeetingPage /> },
          { path: 'meetings/:meetingId/summary', element: <MeetingSummaryPage /> },
          { path: 'families/:familyId/outcomes', element: <OutcomesPage /> },
          { path: 'families/:familyId/measurements/:measurementId', element: <MeasurementPage /> },
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
            path: 'admin/funders',
            element: (
              <RequireRole roles={['admin']}>
                <FundersPage />
              </RequireRole>
            ),
          },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]

export function createRouter() {
  return createBrowserRouter(routes)
}
