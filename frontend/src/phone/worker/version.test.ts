import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { assetsHash, withAssetsHash } from './version'

const SOURCE = readFileSync(join(__dirname, 'checkin-sw.js'), 'utf8')

type Listener = (event: { waitUntil: (work: Promise<unknown>) => void }) => void

/** Run the worker's source against a fake `self` and `caches`, fire `activate`, and tell which caches it deleted. */
async function activate(source: string, existing: string[]): Promise<string[]> {
  const listeners: Record<string, Listener> = {}
  const deleted: string[] = []
  const self = {
    addEventListener: (type: string, listener: Listener) => (listeners[type] = listener),
    clients: { claim: () => Promise.resolve() },
    location: { origin: 'https://example.test' },
  }
  const caches = {
    keys: () => Promise.resolve(existing),
    delete: (key: string) => {
      deleted.push(key)
      return Promise.resolve(true)
    },
  }
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the worker's own source, in a sandbox of fakes
  const run = new Function('self', 'caches', source) as (self: unknown, caches: unknown) => void
  run(self, caches)
  let work: Promise<unknown> = Promise.resolve()
  listeners.activate?.({
    waitUntil: (promise) => {
      work = promise
    },
  })
  await work
  return deleted
}

describe('the check-in service worker cache name', () => {
  it('changes when the built files change and stays for the same files', () => {
    const first = assetsHash({ 'assets/phone-a1.js': 'console.log(1)', 'phone.html': '<html>' })
    const again = assetsHash({ 'phone.html': '<html>', 'assets/phone-a1.js': 'console.log(1)' })
    const changed = assetsHash({ 'assets/phone-b2.js': 'console.log(2)', 'phone.html': '<html>' })
    expect(first).toBe(again)
    expect(changed).not.toBe(first)
    expect(withAssetsHash(SOURCE, first)).toContain(`'bondgenoot-checkin-${first}'`)
    expect(withAssetsHash(SOURCE, first)).not.toBe(withAssetsHash(SOURCE, changed))
  })

  it('deletes the older caches of the check-in page on activation, and nothing else', async () => {
    const current = assetsHash({ 'assets/phone-b2.js': 'console.log(2)' })
    const deleted = await activate(withAssetsHash(SOURCE, current), [
      'bondgenoot-checkin-v1',
      'bondgenoot-checkin-0123456789abcdef',
      `bondgenoot-checkin-${current}`,
      'some-other-app',
    ])
    expect(deleted).toEqual(['bondgenoot-checkin-v1', 'bondgenoot-checkin-0123456789abcdef'])
  })
})
