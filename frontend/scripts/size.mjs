// Prints the gzipped size of the JavaScript each page loads up front (entry + modulepreloads), against its budget:
// the staff app (index.html) and the family's phone pages (phone.html, served at /c, for cheap phones and weak signal).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

const PAGES = [
  { html: 'index.html', label: 'Staff app', limitKb: 200 },
  { html: 'phone.html', label: 'Phone pages (/c)', limitKb: 100 },
]
let failed = false
for (const page of PAGES) {
  const html = readFileSync(join('dist', page.html), 'utf8')
  const files = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\/([^"]+\.js)"/g)].map((m) => m[1])
  let total = 0
  for (const file of files) {
    const size = gzipSync(readFileSync(join('dist', file))).length
    total += size
    console.log(`${(size / 1024).toFixed(1).padStart(7)} KB  ${file}`)
  }
  const kb = total / 1024
  console.log(`${page.label}: initial JavaScript (gzipped) ${kb.toFixed(1)} KB (budget ${page.limitKb} KB)\n`)
  if (kb > page.limitKb) failed = true
}
if (failed) process.exit(1)
