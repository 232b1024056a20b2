// Prints the gzipped size of the JavaScript that index.html loads up front (entry + modulepreloads).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

const LIMIT_KB = 200
const html = readFileSync('dist/index.html', 'utf8')
const files = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\/([^"]+\.js)"/g)].map((m) => m[1])
let total = 0
for (const file of files) {
  const size = gzipSync(readFileSync(join('dist', file))).length
  total += size
  console.log(`${(size / 1024).toFixed(1).padStart(7)} KB  ${file}`)
}
const kb = total / 1024
console.log(`Initial JavaScript (gzipped): ${kb.toFixed(1)} KB (budget ${LIMIT_KB} KB)`)
if (kb > LIMIT_KB) process.exit(1)
