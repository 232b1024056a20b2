import { type APIRequestContext, expect, type Page, test } from '@playwright/test'
import { apiFamilies, apiToken, checkPage, FATIMA } from './helpers'

// The family member's phone page (/c) against the real API: a fresh link per test, made through the staff API.

interface Link {
  familyId: string
  memberId: string
  linkId: string
  token: string
  code: string
  staff: string
}

async function freshLink(request: APIRequestContext, memberIndex = 0): Promise<Link> {
  const staff = await apiToken(request, FATIMA)
  const headers = { Authorization: `Bearer ${staff}` }
  const family = (await apiFamilies(request, staff)).find((f) => f.supporter_name !== null)
  if (!family) throw new Error('the demo has no family for this supporter')
  const detail = await request.get(`/api/v1/families/${family.id}`, { headers })
  const members = ((await detail.json()) as { members: { id: string }[] }).members
  const member = members[memberIndex % members.length]
  if (!member) throw new Error('the demo family has no members')
  const created = await request.post(`/api/v1/families/${family.id}/members/${member.id}/checkin-links`, {
    headers,
    data: {},
  })
  expect(created.status()).toBe(201)
  const link = (await created.json()) as { id: string; token: string; code: string; path: string }
  expect(link.path).toBe(`/c#${link.token}`)
  return { familyId: family.id, memberId: member.id, linkId: link.id, token: link.token, code: link.code, staff }
}

async function checkinCount(request: APIRequestContext, link: Link): Promise<number> {
  const response = await request.get(
    `/api/v1/families/${link.familyId}/checkins?member_id=${link.memberId}&limit=100`,
    {
      headers: { Authorization: `Bearer ${link.staff}` },
    },
  )
  expect(response.ok()).toBeTruthy()
  return ((await response.json()) as { items: unknown[] }).items.length
}

function wrong(code: string): string {
  return code.replace(/^./, (d) => String((Number(d) + 1) % 10))
}

async function enterCode(page: Page, code: string): Promise<void> {
  await page.getByLabel('Je code (6 cijfers)').fill(code)
  await page.getByRole('button', { name: 'Verder' }).click()
}

async function fillCheckin(page: Page, wellbeing: number, burden: number): Promise<void> {
  await page
    .getByRole('group', { name: 'Hoe gaat het met je?' })
    .getByRole('radio', { name: String(wellbeing), exact: true })
    .check()
  await page
    .getByRole('group', { name: 'Hoe zwaar is de zorg nu?' })
    .getByRole('radio', { name: String(burden), exact: true })
    .check()
  await page.getByRole('checkbox', { name: 'Even rust' }).check()
  await page.getByLabel('Iets anders nodig?').fill('Hulp bij de boodschappen')
  await page.getByLabel(/Bericht voor/).fill('Het gaat wel, maar ik ben moe.')
}

test.describe('check-in on a phone', () => {
  test.describe.configure({ timeout: 60_000 })
  test.skip(({ isMobile }) => !isMobile, 'phone viewport only (the phone project)')

  test('link, wrong code, right code, check-in, own trend', async ({ page, request }) => {
    const link = await freshLink(request, 0)
    const before = await checkinCount(request, link)

    await page.goto('/c')
    await expect(page.getByText('Open de link die je van je begeleider kreeg.')).toBeVisible()
    await checkPage(page, 'checkin-no-link')

    await page.goto(`/c#${link.token}`)
    await expect(page.getByRole('heading', { level: 2, name: 'Vul je code in' })).toBeVisible()
    // The token leaves the address bar (and history) at once.
    expect(new URL(page.url()).hash).toBe('')
    await checkPage(page, 'checkin-code')

    await enterCode(page, wrong(link.code))
    await expect(page.getByText('Deze code klopt niet. Je kunt het nog 4 keer proberen.')).toBeVisible()
    await checkPage(page, 'checkin-code-wrong')

    await enterCode(page, link.code)
    await expect(page.getByRole('heading', { level: 1, name: /^Hoi .+!$/ })).toBeVisible()
    await checkPage(page, 'checkin-form')

    await page.getByRole('button', { name: 'Versturen' }).click()
    await expect(page.getByText('Je bent nog iets vergeten:')).toBeVisible()
    await expect(page.getByText('Kies een cijfer.')).toHaveCount(2)
    await checkPage(page, 'checkin-form-missing')

    await fillCheckin(page, 6, 7)
    await checkPage(page, 'checkin-form-filled')
    await page.getByRole('button', { name: 'Versturen' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Dank je wel!' })).toBeVisible()
    await expect(page.getByRole('table')).toBeVisible()
    await expect(page.getByRole('table').getByRole('row')).not.toHaveCount(0)
    await checkPage(page, 'checkin-thanks')
    expect(await checkinCount(request, link)).toBe(before + 1)

    // The English switch.
    await page.getByRole('button', { name: 'English' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Thank you!' })).toBeVisible()
    await checkPage(page, 'checkin-thanks-en')
    await page.getByRole('button', { name: 'Nederlands' }).click()

    // A reload in the same visit keeps the session (no code again), and the token stays out of the address bar.
    await page.reload()
    await expect(page.getByRole('heading', { level: 1, name: /^Hoi .+!$/ })).toBeVisible()
  })

  test('the same at 320 pixels wide', async ({ page, request }) => {
    await page.setViewportSize({ width: 320, height: 640 })
    const link = await freshLink(request, 1)
    await page.goto(`/c#${link.token}`)
    await expect(page.getByRole('heading', { level: 2, name: 'Vul je code in' })).toBeVisible()
    await checkPage(page, 'checkin-code')
    await enterCode(page, link.code)
    await expect(page.getByRole('heading', { level: 1, name: /^Hoi .+!$/ })).toBeVisible()
    await checkPage(page, 'checkin-form')
    // Every number and choice is a big touch target.
    for (const box of await page.locator('.ci-number, .ci-need, .ci-button').all()) {
      const size = await box.boundingBox()
      expect(size?.height ?? 0).toBeGreaterThanOrEqual(48)
      expect(size?.width ?? 0).toBeGreaterThanOrEqual(48)
    }
    await fillCheckin(page, 4, 8)
    await page.getByRole('button', { name: 'Versturen' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Dank je wel!' })).toBeVisible()
    await checkPage(page, 'checkin-thanks')
  })

  test('a check-in made offline is kept and sent exactly once when the connection returns', async ({
    page,
    context,
    request,
  }) => {
    const link = await freshLink(request, 2)
    const before = await checkinCount(request, link)
    await page.goto(`/c#${link.token}`)
    await enterCode(page, link.code)
    await expect(page.getByRole('heading', { level: 1, name: /^Hoi .+!$/ })).toBeVisible()
    await fillCheckin(page, 3, 9)

    await context.setOffline(true)
    await page.getByRole('button', { name: 'Versturen' }).click()
    await expect(page.getByText('Bewaard op je telefoon, wordt verstuurd zodra er weer internet is.')).toBeVisible()
    const kept = await page.evaluate(
      () => JSON.parse(localStorage.getItem('bondgenoot.checkin.queue') ?? '[]') as { key: string }[],
    )
    expect(kept).toHaveLength(1)
    expect(kept[0]?.key).toMatch(/^[0-9a-f-]{36}$/)
    await checkPage(page, 'checkin-kept')
    // Trying again without a connection keeps it (still one, same key).
    await page.getByRole('button', { name: 'Nu versturen' }).click()
    await expect(page.getByText('Bewaard op je telefoon, wordt verstuurd zodra er weer internet is.')).toBeVisible()
    expect(await checkinCount(request, link)).toBe(before)

    await context.setOffline(false)
    await expect(page.getByRole('heading', { level: 1, name: 'Dank je wel!' })).toBeVisible()
    expect(await page.evaluate(() => localStorage.getItem('bondgenoot.checkin.queue'))).toBeNull()
    expect(await checkinCount(request, link)).toBe(before + 1)
    // Opening the page again sends nothing more.
    await page.reload()
    await expect(page.getByRole('heading', { level: 1, name: /^Hoi .+!$/ })).toBeVisible()
    expect(await checkinCount(request, link)).toBe(before + 1)
  })

  test('the page opens without a connection once it was visited (installable app shell)', async ({
    page,
    context,
    request,
  }) => {
    const link = await freshLink(request, 2)
    await page.goto(`/c#${link.token}`)
    await expect(page.getByRole('heading', { level: 2, name: 'Vul je code in' })).toBeVisible()
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready
    })
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/checkin-manifest.json')
    await page.reload()
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true)
    await context.setOffline(true)
    await page.reload()
    await expect(page.getByRole('heading', { level: 2, name: 'Vul je code in' })).toBeVisible()
    await context.setOffline(false)
  })

  test('locked and revoked links say what to do', async ({ page, request }) => {
    const link = await freshLink(request, 3)
    await page.goto(`/c#${link.token}`)
    for (let attempt = 0; attempt < 4; attempt += 1) {
      await enterCode(page, wrong(link.code))
      await expect(page.getByText(`Je kunt het nog ${4 - attempt} keer proberen.`, { exact: false })).toBeVisible()
    }
    await enterCode(page, wrong(link.code))
    await expect(page.getByText('Deze link is nu op slot.', { exact: false })).toBeVisible()
    await checkPage(page, 'checkin-locked')

    const revoked = await freshLink(request, 3)
    const response = await request.post(`/api/v1/families/${revoked.familyId}/checkin-links/${revoked.linkId}/revoke`, {
      headers: { Authorization: `Bearer ${revoked.staff}` },
    })
    expect(response.ok()).toBeTruthy()
    await page.goto(`/c#${revoked.token}`)
    await enterCode(page, revoked.code)
    await expect(page.getByText('Deze link werkt niet meer.', { exact: false })).toBeVisible()
    await checkPage(page, 'checkin-revoked')
  })
})

test('check-in page on a desktop screen', async ({ page, request, isMobile }) => {
  test.skip(isMobile, 'desktop only')
  const link = await freshLink(request, 4)
  await page.goto(`/c#${link.token}`)
  await expect(page.getByRole('heading', { level: 2, name: 'Vul je code in' })).toBeVisible()
  await checkPage(page, 'checkin-code')
  await enterCode(page, link.code)
  await expect(page.getByRole('heading', { level: 1, name: /^Hoi .+!$/ })).toBeVisible()
  await checkPage(page, 'checkin-form')
})
