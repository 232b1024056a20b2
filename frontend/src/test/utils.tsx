import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import type { ReactElement } from 'react'
import { MemoryRouter, Route, Routes } from 'react-router'
import { vi } from 'vitest'
import type { FamilyDetail, Me } from '../api/types'
import { AuthContext, type AuthValue } from '../features/auth/AuthContext'

export const supporter: Me = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'sam@example.test',
  full_name: 'Sam Supporter',
  role: 'supporter',
  organisation_id: '00000000-0000-4000-8000-0000000000aa',
  organisation_name: 'Demo',
  is_active: true,
  platform_operator: false,
  created_at: '2026-01-01T00:00:00Z',
}

export function json(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  const problem = typeof body === 'object' && body !== null && 'status' in body && 'title' in body
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { 'Content-Type': problem ? 'application/problem+json' : 'application/json', ...init.headers },
  })
}

/** Renders a page inside the app's providers with a signed-in user and a given route. */
export function renderPage(ui: ReactElement, { path = '/', route = '/', me = supporter } = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })
  const auth: AuthValue = { status: 'authenticated', me, signIn: vi.fn(), signOut: vi.fn() }
  return render(
    <QueryClientProvider client={queryClient}>
      <AuthContext value={auth}>
        <MemoryRouter initialEntries={[route]}>
          <Routes>
            <Route path={path} element={ui} />
            <Route path="*" element={<p>elsewhere</p>} />
          </Routes>
        </MemoryRouter>
      </AuthContext>
    </QueryClientProvider>,
  )
}

export function familyFixture(overrides: Partial<FamilyDetail> = {}): FamilyDetail {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    reference: 'GZ-0001',
    display_name: 'Gezin Jansen',
    status: 'intake',
    region_id: null,
    region_name: null,
    municipality: 'Groningen',
    family_type: null,
    target_groups: [],
    supporter_id: supporter.id,
    supporter_name: supporter.full_name,
    coordinator_id: null,
    started_on: '2026-03-05',
    ended_on: null,
    archived_at: null,
    version: 1,
    created_at: '2026-03-05T10:00:00Z',
    updated_at: '2026-03-05T10:00:00Z',
    members: [],
    contacts: [],
    ...overrides,
  }
}

/** A fetch stand-in that answers by "METHOD path" and records every request. */
export function fakeApi(routes: Record<string, (request: Request) => Response | Promise<Response>>) {
  const requests: Request[] = []
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(String(input), init)
    requests.push(request.clone())
    const key = `${request.method} ${new URL(request.url).pathname}`
    const handler = routes[key]
    if (!handler) return json({ type: 'about:blank', title: 'Not Found', status: 404, detail: key }, { status: 404 })
    return handler(request)
  })
  vi.stubGlobal('fetch', fetchMock)
  return { requests, fetchMock }
}
