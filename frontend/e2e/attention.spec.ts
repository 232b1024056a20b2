import { expect, type Page, test } from '@playwright/test'
import { apiToken, checkPage, COORDINATOR, FATIMA, logIn } from './helpers'

interface Listed {
  display_name: string
  supporter_id: string | null
  attention: { total: number } | null
}

const wide = (page: Page) => (page.viewportSize()?.width ?? 0) >= 1000

/** On a phone the filters fold away behind a button; open them. */
async function unfold(page: Page) {
  await expect(page.getByRole('heading', { level: 1, name: /gezinnen/i })).toBeVisible()
  const toggle = page.getByRole('button', { name: /^Filters/ })
  if (await toggle.isVisible()) await toggle.click()
}

test.describe('the caseload\'s "aandacht" column', () => {
  test('a supporter sorts by attention and keeps only the families that ask for it', async ({ page, request }) => {
    const token = await apiToken(request, FATIMA)
    const response = await request.get('/api/v1/families?limit=100&sort=attention', {
      headers: { Authorization: `Bearer ${token}` },
    })
    expect(response.ok()).toBeTruthy()
    const ordered = ((await response.json()) as { items: Listed[] }).items
    const first = ordered[0]
    if (!first?.attention || first.attention.total === 0) throw new Error('the demo caseload asks for no attention')

    await logIn(page, FATIMA)
    await page.goto('/families')
    await unfold(page)
    if (wide(page)) {
      await page.getByRole('button', { name: /Aandacht/ }).click() // the column header sorts
      await expect(page.getByRole('columnheader', { name: /Aandacht/ })).toHaveAttribute('aria-sort', 'descending')
    } else {
      await page.getByLabel('Volgorde').selectOption({ label: 'Aandacht eerst' })
    }
    await expect(page).toHaveURL(/sort=attention/)
    const firstRow = page.getByRole('row').nth(1)
    await expect(firstRow.getByRole('rowheader')).toHaveText(first.display_name)
    await expect(firstRow.getByText(`${first.attention.total} punten van aandacht`)).toBeAttached()
    // The box follows the address, which the router updates a moment after the click: click, then wait for it.
    const onlyAttention = page.getByLabel('Alleen gezinnen die aandacht vragen')
    await onlyAttention.click()
    await expect(page).toHaveURL(/attention=1/)
    await expect(onlyAttention).toBeChecked()
    const asking = ordered.filter((f) => (f.attention?.total ?? 0) > 0).length
    await expect(page.getByRole('rowheader')).toHaveCount(asking)
    await expect(page.getByText('Niets open')).toHaveCount(0)
    await checkPage(page, 'caseload-attention')
  })

  test('a coordinator sees attention per caseload, once a supporter is chosen', async ({ page }) => {
    await logIn(page, COORDINATOR)
    await page.goto('/families')
    await unfold(page)
    await expect(page.getByLabel('Alleen gezinnen die aandacht vragen')).toBeDisabled()
    await expect(page.getByText('Kies eerst een bondgenoot: aandacht zie je per caseload.')).toBeVisible()
    await expect(page.getByRole('columnheader', { name: /Aandacht/ })).toHaveCount(0)
    await page.getByRole('combobox', { name: 'Bondgenoot' }).selectOption({ label: 'Fatima El Amrani' })
    await expect(page.getByText(/punten? van aandacht/).first()).toBeAttached()
    await expect(page.getByLabel('Alleen gezinnen die aandacht vragen')).toBeEnabled()
    await checkPage(page, 'caseload-attention-coordinator')
  })
})
