import { expect, test } from '@playwright/test'
import { apiFamilies, apiToken, checkPage, FATIMA, logIn } from './helpers'

function isoDay(offset: number): string {
  const day = new Date(Date.now() + offset * 86_400_000)
  return day.toISOString().slice(0, 10)
}

test('write goals, score progress, adopt, compare versions, print', async ({ page, request }, info) => {
  test.skip(info.project.name === 'phone', 'the journey runs once, at desktop size')
  const token = await apiToken(request, FATIMA)
  const headers = { Authorization: `Bearer ${token}` }
  const suffix = String(Date.now()).slice(-6)
  const created = await request.post('/api/v1/families', { headers, data: { display_name: `Gezin Plan ${suffix}` } })
  expect(created.ok()).toBeTruthy()
  const family = (await created.json()) as { id: string }
  const member = await request.post(`/api/v1/families/${family.id}/members`, {
    headers,
    data: { display_name: 'Daan', role: 'client', is_client: true },
  })
  expect(member.ok()).toBeTruthy()

  await logIn(page, FATIMA)
  await page.goto(`/families/${family.id}`)
  await page.getByRole('link', { name: 'Gezinsplan' }).click()
  await expect(page.getByRole('heading', { level: 1, name: /Gezinsplan/ })).toBeVisible()
  await expect(page.getByText('Nog geen doelen')).toBeVisible()
  await expect(page.getByText('Er zijn nog geen scores.')).toBeVisible()

  // The ladder comes first, 0 first; the goal is a proposal until all five steps are written, then active.
  await page.getByRole('button', { name: 'Doel toevoegen' }).click()
  const form = page.locator('form.plan-form')
  await form.getByLabel(/Wat wil het gezin bereiken/).fill('Daan gaat weer elke ochtend naar school.')
  await form.getByLabel(/Levensgebied/).selectOption({ label: 'Onderwijs' })
  await expect(form.getByRole('option', { name: 'Actief (eerst de ladder afmaken)' })).toBeDisabled()
  await form.getByLabel(/^Stap 0/).fill('Daan gaat elke ochtend naar school.')
  await form.getByRole('button', { name: 'Doel opslaan' }).click()
  await expect(form.getByText('Beschrijf ook deze stap, of laat de hele ladder nog leeg.').first()).toBeVisible()

  await form.getByLabel('Daan').check()
  await form.getByLabel(/^Stap −1/).fill('Daan gaat een paar ochtenden per week.')
  await form.getByLabel(/^Stap \+1/).fill('Daan gaat vier hele dagen.')
  await form.getByLabel(/^Stap −2/).fill('Daan gaat helemaal niet naar school.')
  await form.getByLabel(/^Stap \+2/).fill('Daan gaat de hele week en vindt het leuk.')
  await expect(form.getByLabel(/Stand van het doel/)).toHaveValue('active')
  await form.getByLabel(/Waar staan we nu/).selectOption('-2')
  await form.getByRole('button', { name: 'Doel opslaan' }).click()
  const goal = page.locator('article.goal-card', { hasText: 'Daan gaat weer elke ochtend naar school.' })
  await expect(goal.getByRole('heading', { level: 3 })).toBeVisible()
  await expect(goal.getByText('Actief', { exact: true })).toBeVisible()

  // Score progress twice: the chart gets a line, the family's T-score says "as expected".
  await goal.getByRole('button', { name: /^Score invullen/ }).click()
  await goal.getByLabel('Datum').fill(isoDay(-30))
  await goal.getByRole('radio', { name: /^−1 / }).check()
  await goal.getByRole('button', { name: 'Score opslaan' }).click()
  await expect(goal.getByText('Daan gaat een paar ochtenden per week.').first()).toBeVisible()
  await goal.getByRole('button', { name: /^Score invullen/ }).click()
  await goal.getByRole('radio', { name: /^0 / }).check()
  await goal.getByLabel(/Toelichting/).fill('Drie weken elke ochtend gegaan.')
  await goal.getByRole('button', { name: 'Score opslaan' }).click()
  await expect(goal.getByRole('img', { name: /2 scores, van −1 .* tot 0 op/ })).toBeVisible()
  await expect(page.locator('.t-score-number')).toHaveText('50')
  await expect(page.locator('.t-score')).toContainText('Zoals verwacht')

  // An action agreed outside the table, already overdue.
  await goal.getByRole('button', { name: 'Actie toevoegen' }).click()
  await goal.getByLabel(/Wat wordt er gedaan/).fill('Oma Riet brengt Daan op dinsdag naar school.')
  await goal.getByLabel(/Wie doet het/).selectOption({ label: 'Iemand anders (naam invullen)' })
  await goal.getByLabel(/Naam van deze persoon/).fill('Oma Riet')
  await goal.getByLabel(/Uiterlijk klaar op/).fill(isoDay(-3))
  await goal.getByRole('button', { name: 'Opslaan' }).click()
  const action = goal.locator('li.action', { hasText: 'Oma Riet brengt Daan' })
  await expect(action.getByText('Nog niet besproken aan tafel')).toBeVisible()
  await expect(action.getByText('Te laat')).toBeVisible()
  await expect(action).toHaveClass(/action-overdue/)

  // Adopt version 1.
  await page.getByRole('button', { name: 'Plan vaststellen' }).click()
  await page.getByLabel(/Opmerking bij deze versie/).fill('Rondetafel in maart')
  await page.getByRole('button', { name: 'Ja, plan vaststellen' }).click()
  await expect(page.getByText('Het plan is vastgesteld als versie 1.')).toBeVisible()
  await expect(page.locator('.version-list')).toContainText('Versie 1')

  // A second goal, the action done, then version 2.
  await page.getByRole('button', { name: 'Doel toevoegen' }).click()
  await page
    .locator('form.plan-form')
    .getByLabel(/Wat wil het gezin bereiken/)
    .fill('Mama heeft één rustige avond per week.')
  await page
    .locator('form.plan-form')
    .getByLabel(/Levensgebied/)
    .selectOption({ label: 'Gezondheid' })
  await page.locator('form.plan-form').getByRole('button', { name: 'Doel opslaan' }).click()
  await expect(page.getByRole('heading', { level: 3, name: 'Mama heeft één rustige avond per week.' })).toBeVisible()
  await action.getByRole('button', { name: /^Zet op klaar:/ }).click()
  await expect(action.locator('.badge-action-done')).toHaveText('Klaar')
  await page.getByRole('button', { name: 'Plan vaststellen' }).click()
  await page.getByRole('button', { name: 'Ja, plan vaststellen' }).click()
  await expect(page.getByText('Het plan is vastgesteld als versie 2.')).toBeVisible()

  // Compare 1 with 2: the new goal, the action's new status.
  await page.getByLabel('Van', { exact: true }).selectOption('1')
  await page.getByLabel('Naar', { exact: true }).selectOption('2')
  await page.getByRole('button', { name: 'Vergelijken' }).click()
  const differences = page.locator('.differences')
  await expect(differences.getByRole('heading', { name: 'Verschil tussen versie 1 en versie 2' })).toBeVisible()
  await expect(differences).toContainText('Nieuwe doelen')
  await expect(differences).toContainText('Mama heeft één rustige avond per week.')
  await expect(differences).toContainText('Gewijzigde acties')
  await expect(differences).toContainText('Stand: Open → Klaar')

  // The take-home print view.
  await page.getByRole('link', { name: 'Printversie voor het gezin' }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Ons gezinsplan: Gezin Plan ${suffix}` })).toBeVisible()
  await expect(page.getByText('Versie 2, vastgesteld op')).toBeVisible()
  await expect(page.getByRole('table', { name: 'De ladder van dit doel' })).toContainText(
    'Daan gaat elke ochtend naar school. (hier staan we nu)',
  )
  await expect(page.getByText('Oma Riet: Oma Riet brengt Daan op dinsdag naar school.')).toBeVisible()
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('button', { name: 'Afdrukken of opslaan als pdf' })).toBeHidden()
  await expect(page.locator('.site-header')).toBeHidden()
  await page.screenshot({ path: 'screenshots/plan-print-media.png', fullPage: true })
  await page.pdf({ path: 'screenshots/plan-print.pdf', format: 'A4' }).catch(() => undefined)
})

test('plan page and print view pass axe at this size', async ({ page, request }) => {
  const token = await apiToken(request, FATIMA)
  const families = await apiFamilies(request, token)
  // A demo family with goals, if the demo data has plans; otherwise the first one.
  let chosen = families[0]
  for (const family of families) {
    const response = await request.get(`/api/v1/families/${family.id}/plan`, {
      headers: { Authorization: `Bearer ${token}` },
    })
    const plan = (await response.json()) as { goals: unknown[] }
    if (plan.goals.length > 0) {
      chosen = family
      break
    }
  }
  if (!chosen) throw new Error('the demo data has no family for Fatima')
  await logIn(page, FATIMA)
  await page.goto(`/families/${chosen.id}/plan`)
  await expect(page.getByRole('heading', { level: 1, name: /Gezinsplan/ })).toBeVisible()
  await checkPage(page, 'plan')

  await page.getByRole('button', { name: 'Doel toevoegen' }).click()
  await page.locator('form.plan-form').getByRole('button', { name: 'Doel opslaan' }).click()
  await expect(page.locator('form.plan-form [role=alert]')).toBeVisible()
  await checkPage(page, 'plan-goal-form')
  await page.locator('form.plan-form').getByRole('button', { name: 'Annuleren' }).click()

  await page.goto(`/families/${chosen.id}/plan/print`)
  await expect(page.getByRole('heading', { level: 1, name: /Ons gezinsplan/ })).toBeVisible()
  await checkPage(page, 'plan-print')
})
