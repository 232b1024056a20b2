import { type APIRequestContext, expect, type Page, test } from '@playwright/test'
import { ADMIN, apiFamilies, apiToken, checkPage, COORDINATOR, FATIMA, logIn, openMenu } from './helpers'

// Screens of the working day that people look at: plain-language outcomes, the ladder-first goal form, the header.
const SHOTS = process.env.BONDGENOOT_SHOTS ?? '/tmp/shots-workday'

async function look(page: Page, name: string): Promise<void> {
  await checkPage(page, name)
  await page.screenshot({ path: `${SHOTS}/${name}-${page.viewportSize()?.width ?? 0}.png`, fullPage: true })
}

/** A family of Fatima's with finished measurements at the start and a later wave (from the demo data). */
async function familyWithOutcomes(request: APIRequestContext): Promise<string> {
  const token = await apiToken(request, FATIMA)
  for (const family of await apiFamilies(request, token)) {
    const response = await request.get(`/api/v1/families/${family.id}/outcomes`, {
      headers: { Authorization: `Bearer ${token}` },
    })
    const body = (await response.json()) as { instruments: { family: { wave: string }[] }[] }
    if (body.instruments.some((instrument) => instrument.family.some((wave) => wave.wave !== 't0'))) return family.id
  }
  throw new Error('the demo data has no family with a later measurement')
}

test('the header fits one row at 1280 px for every role, and is a menu button on a phone', async ({ page }, info) => {
  for (const [role, email] of [
    ['supporter', FATIMA],
    ['coordinator', COORDINATOR],
    ['admin', ADMIN],
  ] as const) {
    await logIn(page, email)
    const header = page.locator('header').first()
    const width = page.viewportSize()?.width ?? 0
    if (info.project.name === 'desktop') {
      const tops = await page
        .locator('#main-nav > ul > li')
        .evaluateAll((items) => items.map((item) => Math.round(item.getBoundingClientRect().top)))
      expect(new Set(tops).size, `${role}: the navigation is one row`).toBe(1)
      expect((await header.boundingBox())?.height ?? 999, `${role}: the header is one row`).toBeLessThan(90)
    } else {
      await expect(page.getByRole('button', { name: 'Menu', exact: true })).toBeVisible()
      await expect(page.locator('#main-nav')).not.toBeInViewport()
    }
    await header.screenshot({ path: `${SHOTS}/header-${role}-${width}.png` })
    if (info.project.name === 'desktop' && role === 'admin') {
      // the longest header, in English as well
      await page.getByRole('button', { name: 'English' }).click()
      await expect(page.getByRole('button', { name: 'Nederlands' })).toBeVisible()
      const englishTops = await page
        .locator('#main-nav > ul > li')
        .evaluateAll((items) => items.map((item) => Math.round(item.getBoundingClientRect().top)))
      expect(new Set(englishTops).size, 'admin in English: the navigation is one row').toBe(1)
      await header.screenshot({ path: `${SHOTS}/header-admin-en-${width}.png` })
      await page.getByRole('button', { name: 'Nederlands' }).click()
    }
    if (info.project.name !== 'desktop') {
      await page.getByRole('button', { name: 'Menu', exact: true }).click()
      await page.screenshot({ path: `${SHOTS}/header-${role}-menu-${width}.png` })
    }
    await page.context().clearCookies()
  }
})

test('a family’s outcomes speak plain Dutch, with the method folded away', async ({ page, request }) => {
  const familyId = await familyWithOutcomes(request)
  await logIn(page, FATIMA)
  await page.goto(`/families/${familyId}/outcomes`)
  const card = page.locator('section.instrument-outcomes').first()
  await expect(card.getByRole('rowheader', { name: /^Start \d\d-\d\d-\d{4}/ }).first()).toBeVisible()
  await expect(card.locator('.chart-x-labels').first()).toContainText('Start')
  await expect(page.getByText(/\bRCI\b|T0|T-score/).filter({ visible: true })).toHaveCount(0)
  const fontSize = await card
    .locator('.chart-axis')
    .first()
    .evaluate((label) => parseFloat(getComputedStyle(label).fontSize))
  expect(fontSize).toBeGreaterThanOrEqual(12)
  await look(page, 'outcomes')
  await card.screenshot({ path: `${SHOTS}/outcomes-card-${page.viewportSize()?.width ?? 0}.png` })

  await page.getByRole('heading', { name: 'Hoe rekenen we?' }).click()
  await expect(page.getByText(/groter dan 1,96/)).toBeVisible()
  await expect(page.getByText(/Voorbeeldnormen:/)).toBeVisible()
  await look(page, 'outcomes-method')
  await page
    .locator('details.method-details')
    .screenshot({ path: `${SHOTS}/outcomes-method-only-${page.viewportSize()?.width ?? 0}.png` })
})

test('the cohort page speaks plain Dutch, with the method folded away', async ({ page }) => {
  await logIn(page, COORDINATOR)
  await openMenu(page, 'Resultaten')
  await page.getByRole('link', { name: 'Uitkomsten' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Uitkomsten van alle gezinnen' })).toBeVisible()
  await expect(page.getByRole('combobox', { name: 'Vergelijk de start met' })).toBeVisible()
  await expect(page.getByText(/T-score/).filter({ visible: true })).toHaveCount(0)
  await page.getByRole('heading', { name: 'Hoe rekenen we?' }).click()
  await expect(page.getByText(/T-score/).first()).toBeVisible()
  await look(page, 'cohort')
  const width = page.viewportSize()?.width ?? 0
  await page
    .locator('section.card', { hasText: 'De groep in deze periode' })
    .screenshot({ path: `${SHOTS}/cohort-summary-${width}.png` })
  await page
    .locator('section.card', { has: page.getByRole('table') })
    .first()
    .screenshot({ path: `${SHOTS}/cohort-table-${width}.png` })
})

test('the goal form asks for the ladder first, and its draft survives a reload', async ({ page, request }) => {
  const token = await apiToken(request, FATIMA)
  const family = (await apiFamilies(request, token, '&status=active'))[0]
  if (!family) throw new Error('no active family for Fatima')
  await logIn(page, FATIMA)
  await page.goto(`/families/${family.id}/plan`)
  await page.getByRole('button', { name: 'Doel toevoegen' }).click()
  const form = page.locator('form.plan-form')
  await form.getByLabel(/Wat wil het gezin bereiken/).fill('Mama slaapt weer een hele nacht door.')
  await form.getByLabel(/^Stap 0/).fill('Mama slaapt vier nachten per week door.')
  await expect(form.getByText('1 van de 5 stappen beschreven.')).toBeVisible()
  await look(page, 'goal-form')
  await form.screenshot({ path: `${SHOTS}/goal-form-only-${page.viewportSize()?.width ?? 0}.png` })
  const card = page.locator('article.goal-card').first()
  if ((await card.count()) > 0)
    await card.screenshot({ path: `${SHOTS}/goal-card-${page.viewportSize()?.width ?? 0}.png` })

  await page.reload()
  const back = page.locator('form.plan-form')
  await expect(back.getByText('Je was hier al mee bezig. Wat je had ingevuld staat er nog.')).toBeVisible()
  await expect(back.getByLabel(/^Stap 0/)).toHaveValue('Mama slaapt vier nachten per week door.')
  await back.getByRole('button', { name: 'Annuleren' }).click()
})

test('the worklist and the team page, as people see them', async ({ page }) => {
  await logIn(page, FATIMA)
  await expect(page.getByRole('heading', { level: 1, name: 'Vandaag bij je gezinnen' })).toBeVisible()
  await look(page, 'worklist')
  await page.context().clearCookies()
  await logIn(page, COORDINATOR)
  await page.goto('/team')
  await expect(page.getByRole('heading', { level: 1, name: 'Team' })).toBeVisible()
  await look(page, 'team')
})

test('offline while moving to another page: a Dutch message, and the page loads when the network is back', async ({
  page,
  context,
}, info) => {
  test.skip(info.project.name !== 'desktop', 'once is enough')
  await logIn(page, FATIMA)
  await context.setOffline(true)
  await expect(page.getByText('Je bent offline.', { exact: false })).toBeVisible()
  await page.getByRole('link', { name: 'Mijn werkbeleving' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Geen verbinding' })).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/offline-1280.png` })
  await context.setOffline(false)
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn werkbeleving' })).toBeVisible()
})

test('a member’s check-in trend has axes with dates and 0–10 labels', async ({ page, request }) => {
  const token = await apiToken(request, FATIMA)
  const summary = (await (
    await request.get('/api/v1/checkin-summary', { headers: { Authorization: `Bearer ${token}` } })
  ).json()) as {
    families: { family_id: string }[]
  }
  const family = summary.families[0]
  if (!family) throw new Error('the demo has no check-ins for this supporter')
  await logIn(page, FATIMA)
  await page.goto(`/families/${family.family_id}`)
  const member = page.locator('.ck-member').first()
  await expect(member).toBeVisible()
  const chart = member.locator('.ck-chart')
  if ((await chart.count()) > 0) {
    await expect(chart.locator('.chart-x-labels .chart-axis')).toHaveCount(2)
    await expect(chart.locator('.chart-x-labels')).toContainText(/\d\d-\d\d-\d{4}/)
    const size = await chart
      .locator('.chart-axis')
      .first()
      .evaluate((label) => parseFloat(getComputedStyle(label).fontSize))
    expect(size).toBeGreaterThanOrEqual(12)
  } else {
    await expect(member.getByText('Na de volgende check-in zie je hier de lijn.')).toBeVisible()
  }
  await look(page, 'checkin-trend')
  await member.screenshot({ path: `${SHOTS}/checkin-trend-member-${page.viewportSize()?.width ?? 0}.png` })
})
