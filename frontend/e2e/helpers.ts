import AxeBuilder from '@axe-core/playwright'
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
  const response = await request.get(`/api/v1/families?limit=100${query}`, {
    headers: { Authorization: `Bearer ${token}` },
  })
  expect(response.ok()).toBeTruthy()
  return ((await response.json()) as { items: ApiFamily[] }).items
}

/**
 * Waits until the page has settled, then: no sideways scrolling, a full-page screenshot for people to look at
 * (`screenshots/<name>-<width>.png`), and axe-core (WCAG 2.1 A/AA + best practices) without violations.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  const width = page.viewportSize()?.width ?? 0
  await page.waitForLoadState('networkidle')
  await expect(page.locator('.loading')).toHaveCount(0)
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow, `${name} must not scroll sideways at ${width}px`).toBeLessThanOrEqual(0)
  await page.screenshot({ path: `screenshots/${name}-${width}.png`, fullPage: true })
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze()
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  )
  expect(summary, `axe violations on ${name} at ${width}px`).toEqual([])
}

/** Opens a header menu (Beheer, Resultaten, Mijn account); on a phone, the header's menu button first. */
export async function openMenu(page: Page, name: string) {
  const menu = page.getByRole('button', { name: 'Menu', exact: true })
  if (await menu.isVisible()) await menu.click()
  await page.getByRole('button', { name, exact: true }).click()
}
