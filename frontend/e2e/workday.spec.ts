import { type APIRequestContext, expect, type Page, test } from '@playwright/test'
import { apiToken, checkPage, COORDINATOR, FATIMA, JEROEN, logIn } from './helpers'

const SANNE = 'sanne@demo.bondgenoot.nl'

interface Worklist {
  alert_groups: {
    member_id: string
    family_id: string
    member_name: string
    alerts: { id: string; message: string | null }[]
  }[]
  goals_without_score: { goal_id: string; family_id: string; text: string; days: number }[]
  questionnaires: { family_id: string }[]
}

async function worklist(request: APIRequestContext, token: string): Promise<Worklist> {
  const response = await request.get('/api/v1/worklist', { headers: { Authorization: `Bearer ${token}` } })
  expect(response.ok()).toBeTruthy()
  return (await response.json()) as Worklist
}

/** The demo supporter whose worklist has an open alert (the demo's "crisis" check-in asks to be called). */
async function supporterWithAlert(
  request: APIRequestContext,
): Promise<{ email: string; token: string; list: Worklist }> {
  for (const email of [FATIMA, JEROEN, SANNE]) {
    const token = await apiToken(request, email)
    const list = await worklist(request, token)
    if (list.alert_groups.length > 0) return { email, token, list }
  }
  throw new Error('the demo data has no open alert')
}

async function heading(page: Page, name: string | RegExp) {
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
}

test.describe('the working day', () => {
  test.skip(({ viewport }) => (viewport?.width ?? 0) < 1000, 'journeys change data: run once, at 1280 px')

  test("a supporter's morning: alert called back and handled, a score, a questionnaire", async ({ page, request }) => {
    const { email, token, list } = await supporterWithAlert(request)
    const group = list.alert_groups[0]
    if (!group) throw new Error('no alert group')
    // the member's phone number, so the worklist can offer a call-back
    const member = await request.patch(`/api/v1/families/${group.family_id}/members/${group.member_id}`, {
      headers: { Authorization: `Bearer ${token}`, 'If-Match': '*' },
      data: { phone: '06-12345678' },
    })
    expect(member.ok()).toBeTruthy()

    await logIn(page, email)
    await heading(page, 'Vandaag bij je gezinnen')
    const alerts = page.getByRole('region', { name: /^Meldingen/ })
    await expect(alerts.getByText('Kun je me bellen?', { exact: false }).first()).toBeVisible()
    await expect(alerts.getByRole('link', { name: /^Bel .*06-12345678/ })).toHaveAttribute('href', 'tel:0612345678')
    await checkPage(page, 'worklist')

    await alerts
      .getByLabel(/Wat heb je gedaan/)
      .first()
      .fill('Teruggebeld, het gaat weer. Respijtzorg aangevraagd.')
    await alerts
      .getByRole('button', { name: /afhandelen/i })
      .first()
      .click()
    await expect(page.getByText(`De meldingen van ${group.member_name} zijn afgehandeld.`)).toBeVisible()

    // a goal without a score for too long: from the worklist to the plan, and scored
    const goals = page.getByRole('region', { name: /^Doelen zonder recente score/ })
    const overdue = list.goals_without_score[0]
    if (overdue) {
      await expect(goals.getByText(`${overdue.days} dagen geen score`).first()).toBeVisible()
      await goals.getByRole('link', { name: overdue.text }).first().click()
      await expect(page).toHaveURL(new RegExp(`/families/${overdue.family_id}/plan`))
      await page.getByRole('button', { name: `Score invullen: ${overdue.text}` }).click()
      await page.getByRole('radio', { name: /^0 / }).first().check()
      await page.getByRole('button', { name: 'Score opslaan' }).click()
      await expect(page.getByRole('button', { name: `Score invullen: ${overdue.text}` })).toBeVisible()
      const after = await worklist(request, token)
      expect(after.goals_without_score.map((g) => g.goal_id)).not.toContain(overdue.goal_id)
    }

    // a questionnaire that is due, started from the worklist
    await page.getByRole('link', { name: 'Vandaag' }).click()
    await heading(page, 'Vandaag bij je gezinnen')
    const questionnaires = page.getByRole('region', { name: /^Vragenlijsten die nu moeten/ })
    await questionnaires
      .getByRole('button', { name: /^Starten/ })
      .first()
      .click()
    await expect(page).toHaveURL(/\/families\/[^/]+\/measurements\/[^/]+$/)
  })

  test("a coordinator's week: team page, the family with the most debt, reassigned", async ({ page }) => {
    await logIn(page, COORDINATOR)
    await page.getByRole('link', { name: 'Team', exact: true }).click()
    await heading(page, 'Team')
    await checkPage(page, 'team')

    // the supporter with the heaviest caseload comes first (after the families without a supporter, if any)
    await page.getByRole('table').locator('a[href^="/team/"]').first().click()
    await heading(page, 'Werklijst van een bondgenoot')
    await checkPage(page, 'team-supporter')

    const table = page.getByRole('table', { name: 'Gezinnen met wat er aandacht vraagt' })
    const first = table.getByRole('row').nth(1)
    const familyName = (await first.getByRole('rowheader').innerText()).trim()
    const target = first.getByLabel(/^Naar/)
    const options = await target.locator('option').allInnerTexts()
    const newSupporter = options[1]
    if (!newSupporter) throw new Error('no other supporter to hand over to')
    await target.selectOption({ label: newSupporter })
    await first.getByLabel(/^Reden/).fill('Caseload boven de norm; Sanne heeft ruimte.')
    await first.getByRole('button', { name: /^Overdragen/ }).click()
    await expect(table.getByRole('rowheader', { name: familyName })).toHaveCount(0)

    // the family's timeline says who took over and why
    await page.goto('/families')
    await page.getByRole('searchbox', { name: 'Zoeken' }).fill(familyName)
    await page.getByRole('table').getByRole('link', { name: familyName }).first().click()
    await expect(page.getByText(`Nieuwe bondgenoot: ${newSupporter}`)).toBeVisible()
    await expect(page.getByText('Caseload boven de norm; Sanne heeft ruimte.')).toBeVisible()
  })
})

test('new pages have no axe violations and fit the screen', async ({ page, request }) => {
  await logIn(page, FATIMA)
  await heading(page, 'Vandaag bij je gezinnen')
  await checkPage(page, 'worklist-start')

  const token = await apiToken(request, FATIMA)
  const families = (await (
    await request.get('/api/v1/families?limit=5', { headers: { Authorization: `Bearer ${token}` } })
  ).json()) as {
    items: { id: string; display_name: string; status: string }[]
  }
  const family = families.items.find((f) => f.status !== 'closed')
  if (!family) throw new Error('the demo data has no open family for Fatima')
  await page.goto(`/families/${family.id}`)
  await expect(page.getByRole('navigation', { name: 'Onderdelen van dit gezin' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'Wat vraagt aandacht' })).toBeVisible()
  await checkPage(page, 'family-workspace')

  await page
    .getByRole('navigation', { name: 'Onderdelen van dit gezin' })
    .getByRole('link', { name: 'Gezinsplan' })
    .click()
  await expect(page.getByRole('navigation', { name: 'Onderdelen van dit gezin' })).toBeVisible()

  await page.goto(`/families/${family.id}/afsluiten`)
  await heading(page, 'Begeleiding afsluiten')
  await expect(page.getByText(/^Schrijf als dd-mm-jjjj/)).toBeVisible()
  await checkPage(page, 'family-closure')
})

test('the team page has no axe violations and fits the screen', async ({ page }) => {
  await logIn(page, COORDINATOR)
  await page.goto('/team')
  await heading(page, 'Team')
  await checkPage(page, 'team-page')
  // heaviest caseload first: the supporters' "n van norm" never grows down the table
  const caseloads = await page
    .getByRole('table')
    .locator('tr:has(a[href^="/team/"]) td[data-label="Gezinnen"]')
    .allInnerTexts()
  const counts = caseloads.map((text) => Number.parseInt(text, 10))
  expect(counts.length).toBeGreaterThan(0)
  expect(counts).toEqual([...counts].sort((a, b) => b - a))
})
