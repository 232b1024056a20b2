import { type APIRequestContext, expect, type Page, test } from '@playwright/test'
import { ADMIN, apiFamilies, apiToken, checkPage, COORDINATOR, FATIMA, logIn, openMenu } from './helpers'

function isoDay(offset: number): string {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)
}

/** A family of Fatima's that started seven months ago (so T1 is due), with one parent. */
async function newFamily(
  request: APIRequestContext,
  name: string,
): Promise<{ id: string; headers: Record<string, string> }> {
  const headers = { Authorization: `Bearer ${await apiToken(request, FATIMA)}` }
  const created = await request.post('/api/v1/families', {
    headers,
    data: { display_name: name, started_on: isoDay(-214) },
  })
  expect(created.ok()).toBeTruthy()
  const family = (await created.json()) as { id: string }
  const member = await request.post(`/api/v1/families/${family.id}/members`, {
    headers,
    data: { display_name: 'Sanne', role: 'parent' },
  })
  expect(member.ok()).toBeTruthy()
  return { id: family.id, headers }
}

/** Answers the Brief Resilience Scale so its score is `low` (1–3–5 at `low`, the reversed 2–4–6 mirrored). */
async function answerBrs(page: Page, plain: string, mirrored: string): Promise<void> {
  for (const item of [1, 2, 3, 4, 5, 6]) {
    await page
      .locator(`#item-${item}`)
      .getByLabel(item % 2 === 1 ? plain : mirrored, { exact: true })
      .check()
  }
  await expect(page.getByRole('status').filter({ hasText: 'Bewaard: 6 van 6' })).toBeVisible()
}

test('measure T0 and T1, then see the change and its reliable-change badge', async ({ page, request }, info) => {
  test.skip(info.project.name === 'phone', 'the journey runs once, at desktop size')
  const family = await newFamily(request, `Gezin Meting ${String(Date.now()).slice(-6)}`)

  await logIn(page, FATIMA)
  await page.goto(`/families/${family.id}`)
  await page.getByRole('link', { name: 'Metingen en uitkomsten' }).click()
  await expect(page.getByRole('heading', { level: 1, name: /Metingen en uitkomsten/ })).toBeVisible()
  await expect(page.getByText('Nog geen afgeronde metingen')).toBeVisible()

  // T0: start from the plan, answer partly, leave, resume — the answers were kept.
  await page.getByRole('button', { name: /Starten Veerkracht \(Brief Resilience Scale\) Start voor Sanne/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: /Veerkracht/ })).toBeVisible()
  await expect(page.getByText(/Licentie:/)).toBeVisible()
  await page.locator('#item-1').getByLabel('Mee oneens', { exact: true }).check()
  await expect(page.getByRole('status').filter({ hasText: 'Bewaard: 1 van 6' })).toBeVisible()
  await page.getByRole('link', { name: 'Bewaren voor later' }).click()
  await page.getByRole('link', { name: /Verder invullen Veerkracht \(Brief Resilience Scale\) Start/ }).click()
  await expect(page.locator('#item-1').getByLabel('Mee oneens', { exact: true })).toBeChecked()

  // Completing with open questions first says which ones are open.
  await page.getByRole('button', { name: 'Afronden' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Er zijn nog 5 vragen open' })).toBeVisible()
  await answerBrs(page, 'Mee oneens', 'Mee eens')
  await page.getByRole('button', { name: 'Afronden' }).click()
  await expect(page.getByRole('heading', { name: 'Scores' })).toBeVisible()
  await expect(page.getByRole('row', { name: /Veerkracht/ })).toContainText('Lage veerkracht')

  // T1, created through the plan as well: a clearly higher score, past the cut-off (3), so 'recovered'.
  await page.getByRole('link', { name: 'Naar de uitkomsten' }).click()
  await page
    .getByRole('button', { name: /Starten Veerkracht \(Brief Resilience Scale\) Na 6 maanden voor Sanne/ })
    .click()
  await answerBrs(page, 'Mee eens', 'Mee oneens')
  await page.getByRole('button', { name: 'Afronden' }).click()
  await expect(page.getByRole('row', { name: /Veerkracht/ })).toContainText('+2')
  await expect(page.getByTestId('change-badge').first()).toHaveText(/Duidelijk beter, voorbij de grens/)

  // The outcome page: the chart over T0 and T1, the change and the badge.
  await page.getByRole('link', { name: 'Naar de uitkomsten' }).click()
  const card = page.locator('section.instrument-outcomes', { hasText: 'Brief Resilience Scale' })
  await expect(
    card.getByRole('img', { name: /Start \(\d\d-\d\d-\d{4}\) 2, Na 6 maanden \(\d\d-\d\d-\d{4}\) 4/ }),
  ).toBeVisible()
  const t1 = card.getByRole('row', { name: /^Na 6 maanden/ })
  await expect(t1).toContainText('+2')
  await expect(t1.getByTestId('change-badge')).toHaveText(/Duidelijk beter, voorbij de grens/)

  // Hindering and facilitating factors with a note.
  await page.getByRole('button', { name: 'Factor vastleggen' }).click()
  await page.getByRole('combobox', { name: 'Factor' }).selectOption({ label: 'Wachtlijsten' })
  await page.getByLabel(/Toelichting/).fill('Al vier maanden wachten op dagbesteding.')
  await page.getByRole('button', { name: 'Factor opslaan' }).click()
  await expect(page.locator('.factor-item', { hasText: 'Wachtlijsten' })).toContainText('Al vier maanden wachten')

  // The plan page shows what is still due from the evaluation debt: not the BRS T0 and T1 just done.
  await page.goto(`/families/${family.id}/plan`)
  const debt = page.locator('section.measurement-debt')
  await expect(debt).toContainText('Ervaren belasting mantelzorg (EDIZ-plus) · startmeting')
  await expect(debt).not.toContainText('Veerkracht (Brief Resilience Scale) · startmeting')
  await expect(debt).not.toContainText('Veerkracht (Brief Resilience Scale) · meting na 6 maanden')
})

test('measurement pages pass the page check (supporter)', async ({ page, request }) => {
  const family = await newFamily(request, `Gezin Scan ${String(Date.now()).slice(-6)}`)
  const started = await request.post(`/api/v1/families/${family.id}/measurements`, {
    headers: family.headers,
    data: { instrument_code: 'brs', wave: 't0', respondent_member_id: await memberId(request, family) },
  })
  expect(started.ok()).toBeTruthy()
  const measurement = (await started.json()) as { id: string }
  // a seeded family with T0 and T1 answered
  const demo = (await apiFamilies(request, await apiToken(request, FATIMA))).find(
    (f) => !/^Gezin (Scan|Meting) /.test(f.display_name),
  )

  await logIn(page, FATIMA)
  await page.goto(`/families/${family.id}/measurements/${measurement.id}`)
  await expect(page.locator('#item-6')).toBeVisible()
  await checkPage(page, 'measurement-questionnaire')
  if (demo) {
    await page.goto(`/families/${demo.id}/outcomes`)
    await expect(page.getByRole('heading', { name: 'Meetplan' })).toBeVisible()
    await checkPage(page, 'measurement-outcomes')
  }
  await page.goto('/me/work-engagement')
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn werkbeleving' })).toBeVisible()
  await checkPage(page, 'measurement-work-engagement')
})

test('the cohort view passes the page check (coordinator)', async ({ page }) => {
  await logIn(page, COORDINATOR)
  await openMenu(page, 'Resultaten')
  await page.getByRole('link', { name: 'Uitkomsten' }).click()
  await expect(page.getByRole('heading', { name: 'Werkbeleving van bondgenoten' })).toBeVisible()
  await checkPage(page, 'measurement-cohort')
})

test('questionnaire administration passes the page check (admin)', async ({ page }, info) => {
  await logIn(page, ADMIN)
  await openMenu(page, 'Beheer')
  await page.getByRole('link', { name: 'Vragenlijsten' }).click()
  await expect(page.getByRole('heading', { name: 'Lijst met factoren' })).toBeVisible()
  await checkPage(page, 'measurement-instruments')
  await page.getByRole('link', { name: 'Brief Resilience Scale' }).click()
  await expect(page.getByRole('heading', { name: 'Versies' })).toBeVisible()
  await page.getByRole('button', { name: 'Wijzigen' }).click()
  await page.getByText('Vragen (6)').click()
  await page.getByText('Antwoorden (5)').click()
  await checkPage(page, 'measurement-instrument-edit')
  if (info.project.name === 'desktop') {
    // answered versions stay frozen: saving an edit makes a new version
    await expect(page.getByText(/Opslaan maakt versie 2/)).toBeVisible()
    await page.getByLabel('Norm: gemiddelde').fill('drie')
    await page.getByRole('button', { name: 'Opslaan als nieuwe versie' }).click()
    await expect(page.getByRole('alert')).toContainText('vul een getal in')
    await page.getByLabel('Norm: gemiddelde').fill('3,7')
    await page.getByRole('button', { name: 'Opslaan als nieuwe versie' }).click()
    await expect(page.getByText('Opgeslagen als nieuwe versie 2.')).toBeVisible()
    await expect(page.getByText(/Versie 2 van/)).toBeVisible()
    // a licensee types in the licensed wording of an item, and it shows on the instrument page
    await openMenu(page, 'Beheer')
    await page.getByRole('link', { name: 'Vragenlijsten', exact: true }).click()
    await page.getByRole('link', { name: /Beach Center FQOL/ }).click()
    await expect(page.getByRole('heading', { level: 1, name: /Beach Center FQOL/ })).toBeVisible()
    await page.getByRole('button', { name: 'Wijzigen', exact: true }).click()
    await page.getByText('Vragen (25)').click()
    const wording = 'Onze gezinsleden helpen elkaar om doelen te halen.'
    await page
      .getByRole('group', { name: /^Vraag 1\b/ })
      .getByLabel(/^Nederlands/)
      .fill(wording)
    await page.getByRole('button', { name: /^Opslaan/ }).click()
    await expect(page.getByRole('cell', { name: wording })).toBeVisible()
  }
})

async function memberId(
  request: APIRequestContext,
  family: { id: string; headers: Record<string, string> },
): Promise<string> {
  const response = await request.get(`/api/v1/families/${family.id}`, { headers: family.headers })
  const body = (await response.json()) as { members: { id: string }[] }
  const first = body.members[0]
  if (!first) throw new Error('the family has no member')
  return first.id
}
