import { expect, test } from '@playwright/test'
import { apiFamilies, apiToken, COORDINATOR, FATIMA, JEROEN, logIn, PASSWORD } from './helpers'

test.describe('supporter journeys', () => {
  test('log in, create a family, add a member, log out', async ({ page }) => {
    await logIn(page, FATIMA)
    await page.getByRole('link', { name: 'Nieuw gezin' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Nieuw gezin' })).toBeVisible()

    await page.getByLabel(/Naam van het gezin/).fill('Gezin Testmans')
    await page.getByLabel(/Gemeente/).fill('Zwolle')
    await page.getByLabel('Autisme').check()
    await page.getByRole('button', { name: 'Gezin toevoegen' }).click()

    await expect(page.getByRole('heading', { level: 1, name: /Gezin Testmans/ })).toBeVisible()
    await expect(page.getByText('Het gezin is toegevoegd.')).toBeVisible()
    await expect(page.getByText('Zwolle')).toBeVisible()

    await page.getByRole('button', { name: 'Gezinslid toevoegen' }).click()
    const form = page.locator('form.entity-form')
    await form.getByLabel(/^Naam/).fill('Noor Testmans')
    await form.getByLabel(/Rol in het gezin/).selectOption('client')
    await form.getByLabel(/Geboortejaar/).fill('2012')
    await form.getByLabel('Dit is de cliënt').check()
    await form.getByRole('button', { name: 'Opslaan' }).click()

    const members = page.locator('#members')
    await expect(members.locator('.entity-title', { hasText: 'Noor Testmans' })).toBeVisible()
    await expect(members.getByText('geboren in 2012')).toBeVisible()

    await page.getByRole('link', { name: 'Terug naar gezinnen' }).click()
    await page.getByRole('searchbox', { name: 'Zoeken' }).fill('Testmans')
    await expect(page.getByRole('link', { name: 'Gezin Testmans' }).first()).toBeVisible()

    await page.getByRole('button', { name: 'Uitloggen' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible()
    await page.goto('/')
    await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible()
  })

  test('a member with a wrong phone number gets the message at that field', async ({ page }) => {
    await logIn(page, FATIMA)
    await page.getByRole('table').getByRole('link').first().click()
    await page.getByRole('button', { name: 'Gezinslid toevoegen' }).click()
    const form = page.locator('form.entity-form')
    await form.getByLabel(/^Naam/).fill('Kees')
    await form.getByLabel(/Telefoon/).fill('bel me maar')
    await form.getByRole('button', { name: 'Opslaan' }).click()
    await expect(form.getByLabel(/Telefoon/)).toHaveAttribute('aria-invalid', 'true')
    await expect(form.locator('.field-error')).toContainText('Gebruik alleen cijfers, spaties, +, ( ) en -.')
  })

  test('a stale edit shows the conflict message and a reload brings the latest data', async ({ page, request }) => {
    await logIn(page, FATIMA)
    const token = await apiToken(request, FATIMA)
    const [family] = await apiFamilies(request, token)
    expect(family).toBeDefined()
    if (!family) return

    await page.goto(`/families/${family.id}/edit`)
    const name = page.getByLabel(/Naam van het gezin/)
    await expect(name).toHaveValue(family.display_name)
    await name.fill('Gezin Mijn Wijziging')

    // Meanwhile a colleague's session changes the same family.
    const current = await request.get(`/api/v1/families/${family.id}`, {
      headers: { Authorization: `Bearer ${token}` },
    })
    const changed = await request.patch(`/api/v1/families/${family.id}`, {
      headers: { Authorization: `Bearer ${token}`, 'If-Match': current.headers().etag ?? '' },
      data: { display_name: 'Gezin Andermans Wijziging' },
    })
    expect(changed.status()).toBe(200)

    await page.getByRole('button', { name: 'Opslaan' }).click()
    await expect(
      page.getByRole('alert').filter({ hasText: 'Iemand anders heeft dit intussen gewijzigd' }),
    ).toBeVisible()
    await page.getByRole('button', { name: 'Nieuwste gegevens laden' }).click()
    await expect(name).toHaveValue('Gezin Andermans Wijziging')
    await expect(page.getByText('Iemand anders heeft dit intussen gewijzigd')).toHaveCount(0)
  })

  test('edit a member, add and remove a contact, change the status', async ({ page, request }) => {
    await logIn(page, FATIMA)
    const token = await apiToken(request, FATIMA)
    const created = await request.post('/api/v1/families', {
      headers: { Authorization: `Bearer ${token}` },
      data: { display_name: 'Gezin Wisselaar' },
    })
    const family = (await created.json()) as { id: string }
    const member = await request.post(`/api/v1/families/${family.id}/members`, {
      headers: { Authorization: `Bearer ${token}` },
      data: { display_name: 'Ruud Wisselaar', role: 'parent' },
    })
    const memberId = ((await member.json()) as { id: string }).id
    await page.goto(`/families/${family.id}`)

    const members = page.locator('#members')
    await members.getByRole('button', { name: 'Wijzigen: Ruud Wisselaar' }).click()
    const form = page.locator('form.entity-form')
    await form.getByLabel(/Telefoon/).fill('06 1234 5678')
    await form.getByRole('button', { name: 'Opslaan' }).click()
    await expect(members.getByRole('link', { name: '06 1234 5678' })).toBeVisible()

    // A colleague changes the member while this page still has the old version open.
    await members.getByRole('button', { name: 'Wijzigen: Ruud Wisselaar' }).click()
    const fresh = await request.get(`/api/v1/families/${family.id}/members`, {
      headers: { Authorization: `Bearer ${token}` },
    })
    const version =
      ((await fresh.json()) as { id: string; version: number }[]).find((m) => m.id === memberId)?.version ?? 0
    const changed = await request.patch(`/api/v1/families/${family.id}/members/${memberId}`, {
      headers: { Authorization: `Bearer ${token}`, 'If-Match': `"${version}"` },
      data: { display_name: 'Ruud W.' },
    })
    expect(changed.status()).toBe(200)
    await form.getByLabel(/Geboortejaar/).fill('1979')
    await form.getByRole('button', { name: 'Opslaan' }).click()
    await expect(form.getByText('Iemand anders heeft dit intussen gewijzigd')).toBeVisible()
    await form.getByRole('button', { name: 'Nieuwste gegevens laden' }).click()
    await expect(members.locator('.entity-title', { hasText: 'Ruud W.' })).toBeVisible()

    const network = page.locator('#network')
    await network.getByRole('button', { name: 'Contact toevoegen' }).click()
    await form.getByLabel(/^Naam/).fill('Buurvrouw Annie')
    await form.getByLabel(/Relatie tot het gezin/).fill('buurvrouw')
    await form.getByRole('button', { name: 'Opslaan' }).click()
    await expect(network.locator('.entity-title', { hasText: 'Buurvrouw Annie' })).toBeVisible()
    await network.getByRole('button', { name: 'Verwijderen: Buurvrouw Annie' }).click()
    await network.getByRole('button', { name: 'Ja, verwijderen' }).click()
    await expect(network.getByText('Nog geen mensen in het netwerk.')).toBeVisible()

    await page.getByLabel('Nieuwe status').selectOption('active')
    await page.getByRole('button', { name: 'Status wijzigen' }).click()
    await expect(page.getByText('De status is nu ‘Actief’.')).toBeVisible()
    await expect(page.getByRole('heading', { level: 1 }).getByText('Actief')).toBeVisible()
  })

  test("a supporter cannot open another supporter's family", async ({ page, request }) => {
    const coordinator = await apiToken(request, COORDINATOR)
    const jeroenToken = await apiToken(request, JEROEN)
    const jeroens = await apiFamilies(request, jeroenToken)
    const all = await apiFamilies(request, coordinator)
    const other = all.find((family) => jeroens.some((mine) => mine.id === family.id))
    expect(other).toBeDefined()
    if (!other) return

    await logIn(page, FATIMA)
    await page.goto(`/families/${other.id}`)
    await expect(page.getByRole('heading', { level: 1, name: 'Gezin niet gevonden' })).toBeVisible()
    await expect(page.getByText(/geen toegang/)).toBeVisible()
    await expect(page.getByText(other.display_name)).toHaveCount(0)
  })

  test('a coordinator filters by supporter and sees the access log', async ({ page }) => {
    await logIn(page, COORDINATOR)
    const supporter = page.getByLabel('Bondgenoot', { exact: true })
    const option = supporter.locator('option', { hasText: 'Jeroen' })
    await expect(option).toHaveCount(1)
    await supporter.selectOption({ label: (await option.textContent()) ?? '' })
    await expect(page).toHaveURL(/supporter=/)
    await page.getByRole('table').getByRole('link').first().click()
    await page.getByRole('button', { name: 'Toon' }).click()
    await expect(page.getByRole('table').filter({ hasText: 'Wanneer' })).toBeVisible()
  })

  test('an expired session goes to the login page and keeps what was typed', async ({ page, context }) => {
    await logIn(page, FATIMA)
    await page.getByRole('link', { name: 'Nieuw gezin' }).click()
    await page.getByLabel(/Naam van het gezin/).fill('Gezin Onthouden')
    await page.getByLabel(/Gemeente/).fill('Assen')

    // The access token is refused and the refresh cookie is gone: the session is over.
    await context.clearCookies()
    await page.route(
      '**/api/v1/families',
      (route) =>
        route.fulfill({
          status: 401,
          contentType: 'application/problem+json',
          body: JSON.stringify({ type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'expired' }),
        }),
      { times: 1 },
    )
    await page.getByRole('button', { name: 'Gezin toevoegen' }).click()

    await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible()
    await expect(page.getByText('Je sessie is verlopen.', { exact: false })).toBeVisible()
    await page.getByLabel('E-mailadres').fill(FATIMA)
    await page.getByLabel('Wachtwoord').fill(PASSWORD)
    await page.getByRole('button', { name: 'Inloggen' }).click()

    await expect(page.getByRole('heading', { level: 1, name: 'Nieuw gezin' })).toBeVisible()
    await expect(page.getByLabel(/Naam van het gezin/)).toHaveValue('Gezin Onthouden')
    await expect(page.getByLabel(/Gemeente/)).toHaveValue('Assen')
    await expect(page.getByText('Wat je had ingevuld staat er nog.', { exact: false })).toBeVisible()
    await page.getByRole('button', { name: 'Gezin toevoegen' }).click()
    await expect(page.getByRole('heading', { level: 1, name: /Gezin Onthouden/ })).toBeVisible()
  })

  test('the skip link and the forms work with the keyboard alone', async ({ page }) => {
    await logIn(page, FATIMA)
    await page.keyboard.press('Tab')
    const skip = page.getByRole('link', { name: 'Naar de inhoud' })
    await expect(skip).toBeFocused()
    await expect(skip).toBeInViewport()
    await page.keyboard.press('Enter')
    await expect(page.locator('main')).toBeFocused()

    await page.getByRole('table').getByRole('link').first().focus()
    await page.keyboard.press('Enter')
    const add = page.getByRole('button', { name: 'Gezinslid toevoegen' })
    await add.focus()
    await page.keyboard.press('Enter')
    await expect(page.locator('form.entity-form').getByLabel(/^Naam/)).toBeVisible()
    await page.locator('form.entity-form').getByLabel(/^Naam/).focus()
    await page.keyboard.type('Toetsenbord Tineke')
    await page.keyboard.press('Enter')
    await expect(page.locator('#members .entity-title', { hasText: 'Toetsenbord Tineke' })).toBeVisible()
    await expect(page.getByRole('heading', { level: 2, name: 'Gezinsleden' })).toBeFocused()
  })

  test('logging out in one tab logs out the other tabs too', async ({ page, context }) => {
    await logIn(page, FATIMA)
    const other = await context.newPage()
    await other.goto('/')
    await expect(other.getByRole('heading', { level: 1, name: 'Vandaag bij je gezinnen' })).toBeVisible()
    await page.getByRole('button', { name: 'Uitloggen' }).click()
    await expect(other.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible()
    await expect(other.getByText('Gezin', { exact: false })).toHaveCount(0)
  })

  test('the language switch is remembered', async ({ page }) => {
    await logIn(page, FATIMA)
    await page.getByRole('button', { name: 'English' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Today with your families' })).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await page.reload()
    await expect(page.getByRole('heading', { level: 1, name: 'Today with your families' })).toBeVisible()
    await page.getByRole('button', { name: 'Nederlands' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Vandaag bij je gezinnen' })).toBeVisible()
  })
})
