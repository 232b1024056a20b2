import { readFile } from 'node:fs/promises'
import { expect, type Page, test } from '@playwright/test'
import { ADMIN, checkPage, openMenu, PASSWORD } from './helpers'

const RESEARCHER = 'researcher@demo.bondgenoot.nl'
const PROJECT = 'Evaluatie bondgenoten (demo)'

async function logInAsResearcher(page: Page) {
  await page.goto('/login')
  await page.getByLabel('E-mailadres').fill(RESEARCHER)
  await page.getByLabel('Wachtwoord').fill(PASSWORD)
  await page.getByRole('button', { name: 'Inloggen' }).click()
  // a researcher starts on the research page, the only page that role reaches
  await expect(page.getByRole('heading', { level: 1, name: 'Onderzoek' })).toBeVisible()
}

test('a researcher sees the project and downloads the dataset while it streams', async ({ page }, info) => {
  await logInAsResearcher(page)
  await expect(page).toHaveURL(/\/research$/)
  const project = page.getByRole('region', { name: PROJECT })
  await expect(project).toBeVisible()
  await expect(project.getByRole('table', { name: /Respons per organisatie/ })).toBeVisible()
  await checkPage(page, 'research-researcher')

  const downloaded = page.waitForEvent('download')
  await project.getByRole('button', { name: 'Dataset downloaden' }).click()
  const download = await downloaded
  expect(download.suggestedFilename()).toMatch(/^onderzoek-[0-9a-f]{8}\.zip$/)
  await expect(project.getByRole('status').filter({ hasText: /Klaar: .* kB opgeslagen/ })).toBeVisible()
  const body = await readFile(await download.path())
  expect(body.subarray(0, 2).toString()).toBe('PK')
  expect(body.includes(Buffer.from('datapackage.json'))).toBeTruthy()

  // the header offers the research page only (no families, no check-ins, no administration)
  if (info.project.name === 'desktop') {
    const nav = page.getByRole('navigation', { name: /hoofd|main/i })
    await expect(nav.getByRole('link', { name: 'Onderzoek' })).toBeVisible()
    await expect(nav.getByRole('link', { name: /Gezinnen|Check-ins/ })).toHaveCount(0)
    await expect(nav.getByRole('button', { name: 'Beheer' })).toHaveCount(0)
  }
})

test('an administrator sees who takes part, who has access and the downloads made', async ({ page }) => {
  await page.goto('/login')
  await page.getByLabel('E-mailadres').fill(ADMIN)
  await page.getByLabel('Wachtwoord').fill(PASSWORD)
  await page.getByRole('button', { name: 'Inloggen' }).click()
  await expect(page.getByRole('heading', { level: 1, name: /gezinnen/i })).toBeVisible()
  await openMenu(page, 'Resultaten')
  await page.getByRole('link', { name: 'Onderzoek' }).click()
  const project = page.getByRole('region', { name: PROJECT })
  await expect(project.getByText(/Doet mee sinds/)).toBeVisible()
  await expect(project.getByText(/Dr\. Ilse Onderzoek \(researcher@/)).toBeVisible()
  await expect(project.getByRole('heading', { name: 'Downloads' })).toBeVisible()
  // the researcher's download (the journey above) is listed from the audit log
  await expect(project.getByText(/— Dr\. Ilse Onderzoek$/).first()).toBeVisible()
  await expect(project.getByRole('button', { name: 'Dataset downloaden' })).toHaveCount(0)
  await checkPage(page, 'research-admin')
})
