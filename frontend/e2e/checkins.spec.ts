import { type APIRequestContext, expect, type Page, test } from '@playwright/test'
import { apiFamilies, apiToken, checkPage, FATIMA, logIn } from './helpers'

// The supporter's side of check-ins (family page, links, dashboard, alerts) and a questionnaire answered
// through a member's link on a phone, against the real API.

interface PlanEntry {
  instrument_code: string
  wave: string
  status: string
  due_on: string
  respondent: { kind: string; id: string; display_name: string }
}

const auth = (token: string) => ({ Authorization: `Bearer ${token}` })

/** What a phone does with a link: open a session with the code, then send a check-in. */
async function checkInByApi(
  request: APIRequestContext,
  token: string,
  code: string,
  wellbeing: number,
  burden: number,
) {
  const opened = await request.post('/api/v1/checkin/session', {
    headers: { Authorization: `CheckinLink ${token}` },
    data: { code },
  })
  expect(opened.status()).toBe(200)
  const session = ((await opened.json()) as { session_token: string }).session_token
  const sent = await request.post('/api/v1/checkin/checkins', {
    headers: { ...auth(session), 'Idempotency-Key': crypto.randomUUID() },
    data: { wellbeing, care_burden: burden, needs: ['call_me'], message: 'Het is te veel deze week.' },
  })
  expect(sent.status()).toBe(201)
}

async function fatimasFamily(request: APIRequestContext, staff: string) {
  const family = (await apiFamilies(request, staff)).find((f) => f.supporter_name !== null)
  if (!family) throw new Error('the demo has no family for this supporter')
  return family
}

test('a supporter makes a link, sees the alert of a heavy check-in and acknowledges it', async ({
  page,
  request,
}, info) => {
  test.skip(info.project.name === 'phone', 'the journey runs once, at desktop size')
  const staff = await apiToken(request, FATIMA)
  const family = await fatimasFamily(request, staff)
  const detail = (await (await request.get(`/api/v1/families/${family.id}`, { headers: auth(staff) })).json()) as {
    members: { id: string; display_name: string }[]
  }
  const member = detail.members.at(-1)
  if (!member) throw new Error('the demo family has no members')

  await logIn(page, FATIMA)
  await page.goto(`/families/${family.id}`)
  await expect(page.getByRole('heading', { level: 2, name: 'Check-in-links' })).toBeVisible()
  await page.getByLabel('Gezinslid').selectOption(member.id)
  await page.getByRole('button', { name: 'Maak een link' }).click()
  await expect(page.getByRole('heading', { name: `De link voor ${member.display_name} is klaar` })).toBeVisible()
  await expect(page.getByText('Je ziet de link en de code alleen nu.')).toBeVisible()
  const url = await page.getByLabel('Link', { exact: true }).inputValue()
  const code = await page.getByLabel('Code', { exact: true }).inputValue()
  expect(url).toMatch(/\/c#[\w-]{40,}$/)
  expect(code).toMatch(/^\d{6}$/)
  await checkPage(page, 'checkins-link-created')
  await page.getByRole('button', { name: 'Klaar, verberg de code' }).click()
  await expect(page.getByLabel('Code', { exact: true })).toHaveCount(0)

  // The member checks in from a phone (here through the API): a heavy week raises an alert.
  await checkInByApi(request, url.split('#')[1] ?? '', code, 3, 9)

  await page.getByRole('link', { name: /^Check-ins/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Check-ins' })).toBeVisible()
  const alert = page
    .locator('.ck-alert')
    .filter({ hasText: member.display_name })
    .filter({ hasText: 'Zorg zwaar: 9/10' })
  await expect(alert).toHaveCount(1)
  await expect(alert.getByText('Vraagt om te bellen')).toBeVisible()
  await expect(page.getByRole('link', { name: /^Check-ins \(\d+ open melding(en)?\)/ })).toBeVisible()
  await checkPage(page, 'checkins-dashboard-alert')
  await alert.getByRole('button', { name: 'Gezien en opgepakt' }).click()
  await expect(page.getByText(`De melding van ${member.display_name} is afgehandeld.`)).toBeVisible()
  await expect(alert).toHaveCount(0)

  // Back on the family page: the check-in is in the member's trend; the link is stopped.
  await page.goto(`/families/${family.id}`)
  await expect(page.getByRole('heading', { level: 3, name: member.display_name })).toBeVisible()
  await page.getByRole('button', { name: `Stop de link van ${member.display_name}` }).click()
  await page.getByRole('button', { name: 'Ja, stop de link' }).click()
  await expect(page.getByText(`De link van ${member.display_name} is gestopt.`)).toBeVisible()
})

/** The wave the link offers of a member's open entries: the one started, else the latest due. */
function offered(open: PlanEntry[]): PlanEntry | undefined {
  const rank = (e: PlanEntry) => `${e.status === 'in_progress' ? 1 : 0}${e.due_on}`
  return [...open].sort((a, b) => rank(b).localeCompare(rank(a)))[0]
}

/** A member with the resilience questionnaire (BRS) open: due, or started now by the supporter. */
async function memberWithQuestionnaire(request: APIRequestContext, staff: string) {
  for (const family of await apiFamilies(request, staff)) {
    const response = await request.get(`/api/v1/families/${family.id}/measurement-plan`, { headers: auth(staff) })
    const brs = ((await response.json()) as { entries: PlanEntry[] }).entries.filter(
      (e) => e.instrument_code === 'brs' && e.respondent.kind === 'member',
    )
    const first = brs.find((e) => ['due', 'overdue', 'in_progress'].includes(e.status))
    const open =
      first &&
      offered(
        brs.filter(
          (e) => e.respondent.id === first.respondent.id && ['due', 'overdue', 'in_progress'].includes(e.status),
        ),
      )
    const entry = open ?? brs.find((e) => e.status === 'upcoming')
    if (!entry) continue
    if (!open) {
      const started = await request.post(`/api/v1/families/${family.id}/measurements`, {
        headers: auth(staff),
        data: { instrument_code: 'brs', wave: entry.wave, respondent_member_id: entry.respondent.id },
      })
      expect(started.status()).toBe(201)
    }
    // The shipped BRS has English wording only: the phone offers it to a member who reads English.
    const detail = (await (await request.get(`/api/v1/families/${family.id}`, { headers: auth(staff) })).json()) as {
      members: { id: string; version: number }[]
    }
    const member = detail.members.find((m) => m.id === entry.respondent.id)
    const reads = await request.patch(`/api/v1/families/${family.id}/members/${entry.respondent.id}`, {
      headers: { ...auth(staff), 'If-Match': `"${member?.version ?? 0}"` },
      data: { language: 'en' },
    })
    expect(reads.ok()).toBeTruthy()
    const created = await request.post(`/api/v1/families/${family.id}/members/${entry.respondent.id}/checkin-links`, {
      headers: auth(staff),
      data: {},
    })
    expect(created.status()).toBe(201)
    return { familyId: family.id, entry, link: (await created.json()) as { token: string; code: string } }
  }
  throw new Error('no member of the demo families answers the BRS')
}

/** Answers `count` questions with "Mee eens", waiting for each next question (a save may come in between). */
async function answer(page: Page, count: number) {
  const progress = page.getByText(/^Vraag \d van 6$/)
  for (let n = 0; n < count; n += 1) {
    const at = Number((await progress.textContent())?.match(/\d/)?.[0])
    await page.getByRole('radio', { name: 'Mee eens', exact: true }).check()
    await page.getByRole('button', { name: /^(Volgende|Klaar, versturen)$/ }).click()
    if (at < 6) await expect(progress).toHaveText(`Vraag ${at + 1} van 6`)
  }
}

test('a member answers a due questionnaire through the link on a 320 px phone, stopping halfway', async ({
  page,
  request,
}, info) => {
  test.skip(info.project.name !== 'phone', 'the phone journey runs once, on the phone')
  await page.setViewportSize({ width: 320, height: 640 })
  const staff = await apiToken(request, FATIMA)
  const { familyId, entry, link } = await memberWithQuestionnaire(request, staff)

  await page.goto(`/c#${link.token}`)
  await page.getByLabel(/Je code \(6 cijfers\)/).fill(link.code)
  await page.getByRole('button', { name: 'Verder' }).click()
  const list = page.getByRole('region', { name: 'Vragenlijsten' })
  await expect(list).toBeVisible()
  await checkPage(page, 'checkins-c-questionnaires')
  await list.getByRole('button', { name: /Veerkracht/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Vragenlijst' })).toBeVisible()
  await expect(page.getByText(/^Vraag \d van 6$/)).toBeVisible()
  const first = Number((await page.getByText(/^Vraag \d van 6$/).textContent())?.match(/\d/)?.[0])
  await checkPage(page, 'checkins-c-question')
  for (const box of await page.locator('.ck-q-option').all()) {
    expect((await box.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(48)
  }

  // Two answers, then stop: they are saved, and opening it again goes on at the next question.
  await answer(page, 2)
  await page.getByRole('button', { name: 'Stoppen, later verder' }).click()
  await list.getByRole('button', { name: /Veerkracht/ }).click()
  await expect(page.getByText(`Vraag ${first + 2} van 6`)).toBeVisible()
  await answer(page, 6 - (first + 1))
  await expect(page.getByText(/Je antwoorden zijn verstuurd/)).toBeVisible()
  await checkPage(page, 'checkins-c-questionnaire-done')

  const measurements = (await (
    await request.get(`/api/v1/families/${familyId}/measurements?limit=100`, { headers: auth(staff) })
  ).json()) as {
    items: { instrument_code: string; wave: string; status: string; respondent: { id: string } }[]
  }
  const done = measurements.items.find(
    (m) => m.instrument_code === 'brs' && m.wave === entry.wave && m.respondent.id === entry.respondent.id,
  )
  expect(done?.status).toBe('completed')
})

test('check-in pages pass the scan at both sizes', async ({ page, request }) => {
  const staff = await apiToken(request, FATIMA)
  const summary = (await (await request.get('/api/v1/checkin-summary', { headers: auth(staff) })).json()) as {
    families: { family_id: string }[]
  }
  await logIn(page, FATIMA)
  await page.goto('/checkins')
  await expect(page.getByRole('heading', { level: 2, name: 'Laatste check-in per gezin' })).toBeVisible()
  await checkPage(page, 'checkins-dashboard')
  const withCheckins = summary.families[0]
  if (!withCheckins) throw new Error('the demo has no check-ins for this supporter')
  await page.goto(`/families/${withCheckins.family_id}`)
  await expect(page.getByRole('heading', { level: 2, name: 'Check-in-links' })).toBeVisible()
  await expect(page.locator('.ck-member').first()).toBeVisible()
  await checkPage(page, 'checkins-family')
  // The link shown once, at both sizes (for the last member: the demo's printed link belongs to the first).
  const memberSelect = page.getByLabel('Gezinslid')
  const last = await memberSelect.locator('option').last().getAttribute('value')
  await memberSelect.selectOption(last ?? '')
  await page.getByRole('button', { name: 'Maak een link' }).click()
  await expect(page.getByRole('heading', { name: /^De link voor .+ is klaar$/ })).toBeVisible()
  await page.locator('.ck-created').scrollIntoViewIfNeeded()
  await checkPage(page, 'checkins-link-shown')
})
