import { expect, type Page, test } from '@playwright/test'
import { ADMIN, apiFamilies, apiToken, checkPage, COORDINATOR, FATIMA, logIn, openMenu } from './helpers'

async function switchTo(page: Page, email: string): Promise<void> {
  await page.goto('/')
  await page.getByRole('button', { name: 'Uitloggen' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible()
  await logIn(page, email)
}

test('business-case pages pass axe at every width', async ({ page }) => {
  await logIn(page, COORDINATOR)
  await openMenu(page, 'Resultaten')
  await page.getByRole('link', { name: 'Businesscase' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Maatschappelijke businesscase' })).toBeVisible()
  await expect(page.getByText('Netto opbrengst per gezin per jaar')).toBeVisible()
  await expect(page.getByRole('img', { name: /Tornadodiagram/ })).toBeVisible()
  await checkPage(page, 'business-case')

  await page.getByRole('link', { name: 'Samenvatting afdrukken' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Maatschappelijke businesscase bondgenoot' })).toBeVisible()
  await checkPage(page, 'business-case-print')
})

test('model editor and cost events pass axe', async ({ page, request }) => {
  await logIn(page, ADMIN)
  await page.goto('/admin/business-case')
  await expect(page.getByRole('heading', { level: 1, name: 'Businesscase-model' })).toBeVisible()
  await checkPage(page, 'business-case-model')

  const [family] = await apiFamilies(request, await apiToken(request, FATIMA))
  if (!family) throw new Error('the demo data has no family for Fatima')
  await switchTo(page, FATIMA)
  await page.goto(`/families/${family.id}/kosten`)
  await expect(page.getByRole('heading', { level: 1, name: /Kosten van/ })).toBeVisible()
  await checkPage(page, 'family-cost-events')
})

test('journey: a supporter records a crisis, an admin edits the model, the coordinator sees the new version', async ({
  page,
  request,
}) => {
  test.skip(test.info().project.name === 'phone', 'the journey runs once, on the desktop')
  const [family] = await apiFamilies(request, await apiToken(request, FATIMA))
  if (!family) throw new Error('the demo data has no family for Fatima')

  await logIn(page, FATIMA)
  await page.goto(`/families/${family.id}`)
  await page.getByRole('link', { name: 'Kosten', exact: true }).click()
  await page.getByLabel('Wat gebeurde er?').selectOption({ label: 'Crisisopvang of spoedlogeerzorg' })
  await page.getByLabel('Datum (begin)').fill('2026-10-05')
  await page.getByLabel(/Einddatum/).fill('2026-10-08')
  await page.getByLabel(/Toelichting/).fill('Crisisopvang na een zware week')
  await page.getByRole('button', { name: 'Vastleggen' }).click()
  const row = page.getByRole('row').filter({ hasText: 'Crisisopvang na een zware week' })
  await expect(row).toContainText('4 dag')

  await switchTo(page, ADMIN)
  await page.goto('/admin/business-case')
  const rate = page.getByLabel('Uurtarief (€)').first()
  await rate.fill('90')
  await page.getByLabel('Wat is er veranderd en waarom?').fill('Uurtarief 2027 van onze organisatie')
  await page.getByRole('button', { name: 'Opslaan als nieuwe versie' }).click()
  await expect(page.getByText(/Opgeslagen als versie 2/)).toBeVisible()

  await switchTo(page, COORDINATOR)
  await page.goto('/business-case?families=1000')
  await expect(page.getByText(/versie 2/).first()).toBeVisible()
  await expect(page.getByText('Netto opbrengst per jaar voor 1000 gezinnen')).toBeVisible()
  await page.getByLabel('Modelversie').selectOption({ label: 'Versie 1' })
  await expect(page.getByText('Voorbeeldmodel', { exact: true }).first()).toBeVisible()
  await expect(page).toHaveURL(/model_version=1/)
})
