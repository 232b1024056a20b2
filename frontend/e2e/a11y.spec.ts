import { expect, test } from '@playwright/test'
import { ADMIN, apiFamilies, apiToken, checkPage, COORDINATOR, FATIMA, logIn, openMenu } from './helpers'

test('login page', async ({ page }) => {
  await page.goto('/login')
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible()
  await checkPage(page, 'login')
  await page.getByRole('button', { name: 'Inloggen' }).click()
  await expect(page.getByText('Vul je e-mailadres en wachtwoord in.')).toBeVisible()
  await checkPage(page, 'login-error')
})

test('supporter pages', async ({ page, request }) => {
  await logIn(page, FATIMA)
  await page.goto('/families')
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn gezinnen' })).toBeVisible()
  await checkPage(page, 'caseload')

  await page.getByRole('searchbox', { name: 'Zoeken' }).fill('zzz-niemand')
  await expect(page.getByText('Geen gezinnen gevonden')).toBeVisible()
  await checkPage(page, 'caseload-empty')
  await page.getByRole('searchbox', { name: 'Zoeken' }).fill('')

  await page.getByRole('link', { name: 'Nieuw gezin' }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: 'Nieuw gezin' })).toBeVisible()
  await checkPage(page, 'family-new')
  await page.getByRole('button', { name: 'Gezin toevoegen' }).click()
  await expect(page.getByRole('alert')).toBeVisible()
  await checkPage(page, 'family-new-errors')

  const token = await apiToken(request, FATIMA)
  const [family] = await apiFamilies(request, token)
  if (!family) throw new Error('the demo data has no family for Fatima')
  await page.goto(`/families/${family.id}`)
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(family.display_name) })).toBeVisible()
  await checkPage(page, 'family')

  await page.getByRole('button', { name: 'Gezinslid toevoegen' }).click()
  await checkPage(page, 'family-member-form')

  await page.goto(`/families/${family.id}/edit`)
  await expect(page.getByLabel(/Naam van het gezin/)).toBeVisible()
  await checkPage(page, 'family-edit')

  await page.goto('/families/00000000-0000-4000-8000-000000000000')
  await expect(page.getByRole('heading', { level: 1, name: 'Gezin niet gevonden' })).toBeVisible()
  await checkPage(page, 'family-not-found')

  await page.goto('/bestaat-niet')
  await expect(page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeVisible()
  await checkPage(page, 'not-found')
})

test('coordinator pages', async ({ page }) => {
  await logIn(page, COORDINATOR)
  await checkPage(page, 'caseload-coordinator')
  await page.getByRole('table').getByRole('link').first().click()
  await page.getByRole('button', { name: 'Toon' }).click()
  await expect(page.getByRole('table', { name: 'Wie keek er in dit dossier?' })).toBeVisible()
  await checkPage(page, 'family-access-log')
  await page.goto('/admin/users')
  await expect(page.getByRole('heading', { level: 1, name: 'Gebruikers' })).toBeVisible()
  await checkPage(page, 'users-coordinator')
})

test('administration pages', async ({ page }) => {
  await logIn(page, ADMIN)
  await openMenu(page, 'Beheer')
  await page.getByRole('link', { name: 'Gebruikers' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Gebruikers' })).toBeVisible()
  await checkPage(page, 'users')
  await page.getByRole('button', { name: 'Gebruiker toevoegen' }).click()
  await expect(page.getByRole('alert')).toBeVisible()
  await checkPage(page, 'users-errors')

  await openMenu(page, 'Beheer')
  await page.getByRole('link', { name: "Regio's" }).click()
  await expect(page.getByRole('heading', { level: 1, name: "Regio's" })).toBeVisible()
  await checkPage(page, 'regions')
  // Regions are shared by every organisation: an organisation's administrator reads them, the platform operator edits.
  await expect(page.getByRole('heading', { name: "Regio's wijzigen" })).toBeVisible()
  await expect(page.getByRole('button', { name: /^Wijzigen/ })).toHaveCount(0)

  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Regions' })).toBeVisible()
  await checkPage(page, 'regions-english')
  await page.getByRole('button', { name: 'Nederlands' }).click()
})
