import { type APIRequestContext, expect, type Page } from '@playwright/test'

export const PASSWORD = process.env.BONDGENOOT_DEMO_PASSWORD ?? 'e2e-demo-password'
export const ADMIN = 'admin@demo.bondgenoot.nl'
export const COORDINATOR = 'coordinator@demo.bondgenoot.nl'
export const FATIMA = 'fatima@demo.bondgenoot.nl'
export const JEROEN = 'jeroen@demo.bondgenoot.nl'

export async function logIn(page: Page, email: string): Promise<void> {
  await page.goto('/login')
  await page.getByLabel('E-mailadres').fill(email)
  await page.getByLabel('Wachtwoord').fill(PASSWORD)
  await page.getByRole('button', { name: 'Inloggen' }).click()
  await expect(page.getByRole('heading', { level: 1, name: /gezinnen/i })).toBeVisible()
}

/** A separate API session, as another device or colleague would have. */
export async function apiToken(request: APIRequestContext, email: string): Promise<string> {
  const response = await request.post('/api/v1/auth/token', {
    form: { grant_type: 'password', username: email, password: PASSWORD },
  })
  expect(response.ok()).toBeTruthy()
  const body = (await response.json()) as { access_token: string }
  return body.access_token
}

export interface ApiFamily {
  id: string
  display_name: string
  supporter_id: string | null
  supporter_name: string | null
  version: number
}

export async function apiFamilies(request: APIRequestContext, token: string, query = ''): Promise<ApiFamily[]> {
  const response = await request.get(`/api/v1/families?limit=100${query}`, { headers: { Authorization: `Bearer ${token}` } })
  expect(response.ok()).toBeTruthy()
  return ((await response.json()) as { items: ApiFamily[] }).items
}
