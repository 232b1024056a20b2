// The check-in service worker's cache name: a content hash of the built files, put in by the build.
import { createHash } from 'node:crypto'

export const PLACEHOLDER = '__ASSETS_HASH__'

/** A short hash over the names and contents of the built files (order-independent). */
export function assetsHash(files: Record<string, string | Uint8Array>): string {
  const hash = createHash('sha256')
  for (const name of Object.keys(files).sort()) {
    hash.update(name)
    hash.update('\0')
    hash.update(files[name] ?? '')
    hash.update('\0')
  }
  return hash.digest('hex').slice(0, 16)
}

/** The worker's source with its cache named after `hash`. */
export function withAssetsHash(source: string, hash: string): string {
  if (!source.includes(PLACEHOLDER)) throw new Error(`the service worker has no ${PLACEHOLDER} to replace`)
  return source.replaceAll(PLACEHOLDER, hash)
}
