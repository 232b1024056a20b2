import { type APIRequestContext, expect, type Locator, type Page, test } from '@playwright/test'
import { ADMIN, apiFamilies, apiToken, checkPage, FATIMA, logIn } from './helpers'

async function clientToken(request: APIRequestContext, clientId: string, secret: string): Promise<number> {
  const response = await request.post('/api/v1/auth/token', {
    form: { grant_type: 'client_credentials', client_id: clientId, client_secret: secret },
  })
  return response.status()
}

/** The client_id and secret from the box that shows them once, after which the box is closed. */
async function takeSecret(page: Page, title: RegExp): Promise<{ clientId: string; secret: string }> {
  const box = page.getByRole('region', { name: title })
  await expect(box).toContainText('maar één keer')
  const clientId = await box.getByLabel('Client-ID').inputValue()
  const secret = await box.getByLabel('Geheim (client_secret)').inputValue()
  await box.getByRole('button', { name: 'Ik heb het geheim veilig bewaard' }).click()
  await expect(page.getByRole('region', { name: title })).toHaveCount(0)
  return { clientId, secret }
}

async function confirm(card: Locator, button: RegExp, yes: string): Promise<void> {
  await card.getByRole('button', { name: button }).click()
  await card.getByRole('button', { name: yes }).click()
}

test('admin registers a funder client, sees the secret once, rotates and revokes it', async ({
  page,
  request,
}, info) => {
  test.skip(info.project.name === 'phone', 'the journey runs once, at desktop size')
  const admin = { Authorization: `Bearer ${await apiToken(request, ADMIN)}` }
  const regions = (await (await request.get('/api/v1/regions', { headers: admin })).json()) as {
    items: { id: string; name: string }[]
  }
  const region = regions.items[0] as { id: string; name: string }
  const name = `E2E koppeling ${String(Date.now()).slice(-6)}`

  await logIn(page, ADMIN)
  const nav = page.getByRole('navigation', { name: /hoofd|main/i })
  await nav.getByRole('button', { name: 'Beheer' }).click()
  await nav.getByRole('link', { name: 'Financiers' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Koppelingen met financiers' })).toBeVisible()
  await page.getByLabel(/Naam van de koppeling/).fill(name)
  await page.getByRole('checkbox', { name: new RegExp(`^${region.name}`) }).check()
  await expect(page.getByLabel(/^Financier/)).not.toHaveValue('')
  await page.getByRole('checkbox', { name: /Webhooks beheren/ }).check()
  await page.getByRole('button', { name: 'Koppeling aanmaken' }).click()
  const first = await takeSecret(page, /Koppeling aangemaakt/)

  // The secret works at the token endpoint, exactly as an OAuth2 client library would send it.
  const token = await request.post('/api/v1/auth/token', {
    form: { grant_type: 'client_credentials', client_id: first.clientId, client_secret: first.secret },
  })
  expect(token.status()).toBe(200)
  const funder = { Authorization: `Bearer ${((await token.json()) as { access_token: string }).access_token}` }
  expect((await request.get('/api/v1/funder/outcomes', { headers: funder })).status()).toBe(200)

  // The funder registers a webhook; a consenting family in its region is closed; the admin sees the message queued.
  const hook = await request.post('/api/v1/funder/webhooks', {
    headers: funder,
    data: { url: 'http://127.0.0.1:9/e2e-hook', event_types: ['family.closed'] },
  })
  expect(hook.status()).toBe(201)
  const created = await request.post('/api/v1/families', {
    headers: admin,
    data: { display_name: `Gezin ${name}`, region_id: region.id },
  })
  let family = (await created.json()) as { id: string; version: number }
  expect(
    (
      await request.put(`/api/v1/families/${family.id}/consent`, {
        headers: admin,
        data: { funder_data: true, research: false, aggregates_only: false },
      })
    ).ok(),
  ).toBeTruthy()
  for (const status of ['active', 'phasing_out', 'closed']) {
    const changed = await request.patch(`/api/v1/families/${family.id}`, {
      headers: { ...admin, 'If-Match': `"${family.version}"` },
      data: { status },
    })
    expect(changed.ok()).toBeTruthy()
    family = (await changed.json()) as { id: string; version: number }
  }
  await page.reload()
  const card = page.getByRole('listitem', { name: new RegExp(name) })
  await card.getByRole('button', { name: /Webhooks tonen/ }).click()
  await expect(card).toContainText('http://127.0.0.1:9/e2e-hook')
  const deliveries = page.getByRole('table', { name: /Verstuurde webhooks/ })
  await expect(deliveries.getByRole('row').filter({ hasText: name }).first()).toContainText('Traject afgesloten')

  // Rotate: the old secret stops working, the new one works.
  await confirm(card, /Nieuw geheim/, 'Ja, maak een nieuw geheim')
  const second = await takeSecret(page, /Nieuw geheim gemaakt/)
  expect(second.clientId).toBe(first.clientId)
  expect(second.secret).not.toBe(first.secret)
  expect(await clientToken(request, first.clientId, first.secret)).not.toBe(200)
  expect(await clientToken(request, second.clientId, second.secret)).toBe(200)

  // Revoke: nothing works any more, and the list says so.
  await confirm(card, /Intrekken/, 'Ja, trek de koppeling in')
  await expect(card.getByText('Ingetrokken').first()).toBeVisible()
  await expect(card.getByRole('button', { name: /Nieuw geheim/ })).toHaveCount(0)
  expect(await clientToken(request, second.clientId, second.secret)).not.toBe(200)
})

test('a supporter records what the family agrees to share', async ({ page, request }, info) => {
  test.skip(info.project.name === 'phone', 'the journey runs once, at desktop size')
  const token = await apiToken(request, FATIMA)
  const headers = { Authorization: `Bearer ${token}` }
  const [family] = await apiFamilies(request, token)
  if (!family) throw new Error('Fatima has no families in the demo')
  const before = (await (await request.get(`/api/v1/families/${family.id}/consent`, { headers })).json()) as {
    research: boolean
  }

  await logIn(page, FATIMA)
  await page.goto(`/families/${family.id}`)
  const card = page.getByRole('region', { name: 'Toestemming om gegevens te delen' })
  await expect(card).toContainText('We delen nooit namen')
  const research = card.getByRole('checkbox', { name: /onderzoekers/ })
  await expect(research).toBeChecked({ checked: before.research })
  await research.setChecked(!before.research)
  await card.getByRole('button', { name: 'Toestemming opslaan' }).click()
  await expect(card.getByText('De toestemming is opgeslagen.')).toBeVisible()
  await expect(card).toContainText('Vastgelegd op')
  const after = (await (await request.get(`/api/v1/families/${family.id}/consent`, { headers })).json()) as {
    research: boolean
  }
  expect(after.research).toBe(!before.research)
})

test('funder pages pass the page check', async ({ page, request }) => {
  await logIn(page, ADMIN)
  await page.goto('/admin/funders')
  await expect(page.getByRole('heading', { level: 1, name: 'Koppelingen met financiers' })).toBeVisible()
  await page
    .getByRole('listitem')
    .filter({ hasText: '(demo)' })
    .first()
    .getByRole('button', { name: /Webhooks tonen/ })
    .click()
  await checkPage(page, 'funders')
  // The secret box, as an administrator sees it right after a rotation.
  const card = page.getByRole('listitem').filter({ hasText: '(demo)' }).first()
  await confirm(card, /Nieuw geheim/, 'Ja, maak een nieuw geheim')
  await expect(page.getByRole('region', { name: /Nieuw geheim gemaakt/ })).toBeVisible()
  await checkPage(page, 'funders-secret')

  const [family] = await apiFamilies(request, await apiToken(request, FATIMA))
  if (!family) throw new Error('no demo family')
  await page.goto(`/families/${family.id}`)
  await expect(
    page.getByRole('region', { name: 'Toestemming om gegevens te delen' }).getByRole('checkbox').first(),
  ).toBeVisible()
  await page.getByRole('region', { name: 'Toestemming om gegevens te delen' }).scrollIntoViewIfNeeded()
  await checkPage(page, 'funders-consent')
})
