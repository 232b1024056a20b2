// Fails when src/api/schema.d.ts is not what openapi-typescript makes of ../openapi/openapi.json.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const dir = mkdtempSync(join(tmpdir(), 'bondgenoot-gen-'))
const fresh = join(dir, 'schema.d.ts')
try {
  execFileSync('npx', ['--no-install', 'openapi-typescript', '../openapi/openapi.json', '-o', fresh], { stdio: 'pipe' })
  if (readFileSync(fresh, 'utf8') !== readFileSync('src/api/schema.d.ts', 'utf8')) {
    console.error(
      'frontend/src/api/schema.d.ts is stale: run `cd frontend && npm run gen` and commit it with openapi/openapi.json.',
    )
    process.exit(1)
  }
  console.log('src/api/schema.d.ts matches ../openapi/openapi.json')
} finally {
  rmSync(dir, { recursive: true, force: true })
}
