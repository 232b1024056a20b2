import { expect, type Page, test } from '@playwright/test'
import { ADMIN, checkPage, JEROEN, logIn, openMenu, PASSWORD } from './helpers'

const SANNE = 'sanne@demo.bondgenoot.nl'

function cspViolations(page: Page): string[] {
  const seen: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('Content Security Policy')) seen.push(message.text())
  })
  return seen
}

test('an administrator deactivates, reactivates and resets a colleague', async ({ page }) => {
  const csp = cspViolations(page)
  await logIn(page, ADMIN)
  await page.goto('/admin/users')
  const sanne = page.getByRole('listitem').filter({ hasText: SANNE })
  await sanne.getByText('Beheren').click()
  await checkPage(page, 'users-manage')

  page.once('dialog', (dialog) => void dialog.accept())
  await sanne.getByRole('button', { name: 'Deactiveren' }).click()
  await expect(sanne.getByText('kan niet meer inloggen')).toBeVisible()
  await expect(sanne.getByText('Gedeactiveerd')).toBeVisible()
  await checkPage(page, 'users-deactivated')
  await sanne.getByRole('button', { name: 'Weer activeren' }).click()
  await expect(sanne.getByText('kan weer inloggen')).toBeVisible()

  await sanne.getByLabel('Tijdelijk wachtwoord').fill('wachtwoord123')
  await sanne.getByRole('button', { name: 'Wachtwoord instellen' }).click()
  await expect(sanne.getByRole('alert').first()).toBeVisible()
  await checkPage(page, 'users-reset-error')
  expect(csp).toEqual([])
})

test('you change your own password and stay logged in', async ({ page }) => {
  const csp = cspViolations(page)
  await logIn(page, JEROEN)
  await openMenu(page, 'Mijn account')
  await page.getByRole('link', { name: 'Wachtwoord wijzigen' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Je wachtwoord wijzigen' })).toBeVisible()
  await checkPage(page, 'password')
  await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click()
  await expect(page.getByRole('alert').first()).toBeVisible()
  await checkPage(page, 'password-errors')

  const next = 'een heel nieuwe zin voor 2026'
  for (const [from, to] of [
    [PASSWORD, next],
    [next, PASSWORD],
  ] as const) {
    await page.getByLabel('Huidig wachtwoord').fill(from)
    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(to)
    await page.getByLabel('Nieuw wachtwoord nog een keer').fill(to)
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click()
    await expect(page.getByText('Je wachtwoord is gewijzigd')).toBeVisible()
  }
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: /gezinnen/i })).toBeVisible() // still logged in
  expect(csp).toEqual([])
})
