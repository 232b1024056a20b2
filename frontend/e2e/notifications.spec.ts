import { expect, test } from '@playwright/test'
import { ADMIN, apiFamilies, apiToken, checkPage, FATIMA, logIn, openMenu } from './helpers'

test('a supporter chooses how messages reach them', async ({ page }) => {
  await logIn(page, FATIMA)
  await openMenu(page, 'Mijn account')
  await page.getByRole('link', { name: 'Mijn berichten' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn berichten' })).toBeVisible()
  // make run without BONDGENOOT_SMTP_URL: nothing is sent, and the page says so
  await expect(page.getByText('E-mail staat uit')).toBeVisible()
  await expect(page.getByText('Sms staat uit')).toBeVisible()
  await checkPage(page, 'notifications-settings')
  await page.getByLabel('Mobiel nummer').fill('+31 6 00001234')
  await page.getByRole('radio', { name: 'Sms' }).check()
  await page.getByRole('radio', { name: 'Elke dag (om 7 uur)' }).check()
  await page.getByRole('button', { name: 'Opslaan' }).click()
  await expect(page.getByText('Je instellingen zijn opgeslagen.')).toBeVisible()
  await page.reload()
  await expect(page.getByRole('radio', { name: 'Elke dag (om 7 uur)' })).toBeChecked()
  await expect(page.getByLabel('Mobiel nummer')).toHaveValue('+31 6 00001234')
})

test('the family page shows what was sent to whom', async ({ page, request }) => {
  const token = await apiToken(request, FATIMA)
  let familyId: string | null = null
  for (const family of await apiFamilies(request, token)) {
    const response = await request.get(`/api/v1/families/${family.id}/notifications`, {
      headers: { Authorization: `Bearer ${token}` },
    })
    if (((await response.json()) as { items: unknown[] }).items.length > 0) {
      familyId = family.id
      break
    }
  }
  if (!familyId) throw new Error('the demo queued no reminders for Fatima’s families')
  await logIn(page, FATIMA)
  await page.goto(`/families/${familyId}`)
  const section = page.getByRole('region', { name: 'Berichten' })
  await expect(section.getByRole('table', { name: 'Berichten over dit gezin' })).toBeVisible()
  await expect(section.getByText(/In de wachtrij|Niet verstuurd/).first()).toBeVisible()
  await section.scrollIntoViewIfNeeded()
  await checkPage(page, 'family-notifications')
  await section
    .getByRole('button', { name: /^Wijzig berichten voor/ })
    .first()
    .click()
  const form = section.getByRole('form', { name: /^Berichten voor/ })
  await form.getByLabel('Taal van berichten').selectOption('en')
  await form.getByRole('button', { name: 'Opslaan' }).click()
  await expect(form).toHaveCount(0)
  // The summary line names the language only for someone with consent and a channel, which other specs may
  // have changed for this person: the reopened form shows what was saved whatever the order of the specs.
  await section
    .getByRole('button', { name: /^Wijzig berichten voor/ })
    .first()
    .click()
  await expect(form.getByLabel('Taal van berichten')).toHaveValue('en')
  await checkPage(page, 'family-recipient-form')
})

test('an administrator rewords a message, previews it and reads the delivery log', async ({ page }) => {
  await logIn(page, ADMIN)
  await openMenu(page, 'Beheer')
  await page.getByRole('link', { name: 'Berichten', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Berichten' })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Verzonden en wachtende berichten' })).toBeVisible()
  await checkPage(page, 'notifications-admin')
  await page.getByLabel('Bericht', { exact: true }).selectOption({ label: 'Wekelijkse check-in' })
  const dutch = page.getByRole('form', { name: /Nederlands/ })
  await dutch.getByLabel('Onderwerp').fill('Even bijpraten?')
  await dutch.getByLabel('Tekst').fill('Hoi $name, hoe gaat het deze week? Groet van $supporter. $score')
  await dutch.getByRole('button', { name: 'Voorbeeld bekijken' }).click()
  await expect(
    dutch.getByText('Hoi Sanne, hoe gaat het deze week? Groet van Fatima (begeleider).', { exact: false }),
  ).toBeVisible()
  await expect(dutch.getByText('Deze invulvelden kent dit bericht niet: $score')).toBeVisible()
  await checkPage(page, 'notifications-admin-preview')
  await dutch.getByRole('button', { name: 'Tekst opslaan' }).click()
  await expect(dutch.getByText('De tekst is opgeslagen.')).toBeVisible()
  await expect(dutch.getByText('Eigen tekst')).toBeVisible()
  await dutch.getByRole('button', { name: 'Terug naar standaardtekst' }).click()
  await expect(dutch.getByText('Standaardtekst')).toBeVisible()
  await page.getByLabel('Status').selectOption({ label: 'Niet verstuurd' })
  await expect(
    page.getByRole('table', { name: 'Verzonden en wachtende berichten' }).getByText('Niet verstuurd').first(),
  ).toBeVisible()
})

test('the opt-out page asks before it acts, without logging in', async ({ page }) => {
  await page.goto('/afmelden#niet-geldig')
  await expect(page.getByRole('heading', { level: 1, name: 'Afmelden voor berichten' })).toBeVisible()
  await checkPage(page, 'unsubscribe')
  await page.getByRole('button', { name: 'Afmelden' }).click()
  await expect(page.getByText('Deze link werkt niet (meer).')).toBeVisible()
  await checkPage(page, 'unsubscribe-invalid')
})
