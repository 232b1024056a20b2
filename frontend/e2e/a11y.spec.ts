import AxeBuilder from '@axe-core/playwright'
import { expect, type Page, test } from '@playwright/test'
import { ADMIN, apiFamilies, apiToken, COORDINATOR, FATIMA, logIn } from './helpers'

/** Scans the page with axe-core (WCAG 2.1 A and AA) and keeps a full-page screenshot for people to look at. */
async function check(page: Page, name: string, project: string): Promise<void> {
  await page.waitForLoadState('networkidle')
  await expect(page.locator('.loading')).toHaveCount(0)
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow, `${name} must not scroll sideways`).toBeLessThanOrEqual(0)
  await page.screenshot({ path: `screenshots/${project}-${name}.png`, fullPage: true })
  await page.screenshot({ path: `screenshots/${project}-${name}-top.png` })
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
  expect(summary, `axe violations on ${name}`).toEqual([])
}

test('login page', async ({ page }, info) => {
  await page.goto('/login')
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible()
  await check(page, 'login', info.project.name)
  await page.getByRole('button', { name: 'Inloggen' }).click()
  await expect(page.getByText('Vul je e-mailadres en wachtwoord in.')).toBeVisible()
  await check(page, 'login-error', info.project.name)
})

test('supporter pages', async ({ page, request }, info) => {
  const project = info.project.name
  await logIn(page, FATIMA)
  await check(page, 'caseload', project)

  await page.getByRole('searchbox', { name: 'Zoeken' }).fill('zzz-niemand')
  await expect(page.getByText('Geen gezinnen gevonden')).toBeVisible()
  await check(page, 'caseload-empty', project)
  await page.getByRole('searchbox', { name: 'Zoeken' }).fill('')

  await page.getByRole('link', { name: 'Nieuw gezin' }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: 'Nieuw gezin' })).toBeVisible()
  await check(page, 'family-new', project)
  await page.getByRole('button', { name: 'Gezin toevoegen' }).click()
  await expect(page.getByRole('alert')).toBeVisible()
  await check(page, 'family-new-errors', project)

  const token = await apiToken(request, FATIMA)
  const [family] = await apiFamilies(request, token)
  if (!family) throw new Error('the demo data has no family for Fatima')
  await page.goto(`/families/${family.id}`)
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(family.display_name) })).toBeVisible()
  await check(page, 'family', project)

  await page.getByRole('button', { name: 'Gezinslid toevoegen' }).click()
  await check(page, 'family-member-form', project)

  await page.goto(`/families/${family.id}/edit`)
  await expect(page.getByLabel(/Naam van het gezin/)).toBeVisible()
  await check(page, 'family-edit', project)

  await page.goto('/families/00000000-0000-4000-8000-000000000000')
  await expect(page.getByRole('heading', { level: 1, name: 'Gezin niet gevonden' })).toBeVisible()
  await check(page, 'family-not-found', project)

  await page.goto('/bestaat-niet')
  await expect(page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeVisible()
  await check(page, 'not-found', project)
})

test('coordinator pages', async ({ page }, info) => {
  const project = info.project.name
  await logIn(page, COORDINATOR)
  await check(page, 'caseload-coordinator', project)
  await page.getByRole('table').getByRole('link').first().click()
  await page.getByRole('button', { name: 'Toon' }).click()
  await expect(page.getByRole('table').filter({ hasText: 'Wanneer' })).toBeVisible()
  await check(page, 'family-access-log', project)
  await page.goto('/admin/users')
  await expect(page.getByRole('heading', { level: 1, name: 'Gebruikers' })).toBeVisible()
  await check(page, 'users-coordinator', project)
})

test('administration pages', async ({ page }, info) => {
  const project = info.project.name
  await logIn(page, ADMIN)
  await page.getByRole('link', { name: 'Gebruikers' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Gebruikers' })).toBeVisible()
  await check(page, 'users', project)
  await page.getByRole('button', { name: 'Gebruiker toevoegen' }).click()
  await expect(page.getByRole('alert')).toBeVisible()
  await check(page, 'users-errors', project)

  await page.getByRole('link', { name: "Regio's" }).click()
  await expect(page.getByRole('heading', { level: 1, name: "Regio's" })).toBeVisible()
  await check(page, 'regions', project)
  await page.getByRole('button', { name: /^Wijzigen/ }).first().click()
  await check(page, 'regions-edit', project)

  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Regions' })).toBeVisible()
  await check(page, 'regions-english', project)
  await page.getByRole('button', { name: 'Nederlands' }).click()
})
