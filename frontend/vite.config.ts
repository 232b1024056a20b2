/// <reference types="vitest/config" />
import { readdirSync, readFileSync } from 'node:fs'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'
import { assetsHash, withAssetsHash } from './src/phone/worker/version.ts'

const WORKER = new URL('./src/phone/worker/checkin-sw.js', import.meta.url)
const PUBLIC = new URL('./public/', import.meta.url)

// The check-in service worker, written to dist/checkin-sw.js with its cache named after the built files' hash
// (the bundle and the public files it keeps), so a deploy that changes them clears the old cache on activation.
function checkinWorker(): Plugin {
  return {
    name: 'bondgenoot-checkin-worker',
    configureServer(server) {
      server.middlewares.use('/checkin-sw.js', (_request, response) => {
        response.setHeader('Content-Type', 'text/javascript')
        response.end(withAssetsHash(readFileSync(WORKER, 'utf8'), 'dev'))
      })
    },
    generateBundle(_options, bundle) {
      const files: Record<string, string | Uint8Array> = {}
      for (const name of readdirSync(PUBLIC)) files[`public/${name}`] = readFileSync(new URL(name, PUBLIC))
      for (const output of Object.values(bundle)) {
        files[output.fileName] = output.type === 'chunk' ? output.code : output.source
      }
      const source = withAssetsHash(readFileSync(WORKER, 'utf8'), assetsHash(files))
      this.emitFile({ type: 'asset', fileName: 'checkin-sw.js', source })
    },
  }
}

// The API serves dist/ at "/" and keeps itself under /api/v1; in development Vite proxies /api to it.
export default defineConfig({
  base: '/',
  plugins: [react(), checkinWorker()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: process.env.BONDGENOOT_API_URL ?? 'http://127.0.0.1:8000', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: false,
    // Two entries: the staff app (index.html) and the family's phone pages (phone.html, served at /c).
    rollupOptions: { input: { main: 'index.html', phone: 'phone.html' } },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    // Form tests type character by character; on a 2-core machine that also runs the API suites, 5 s is too tight.
    testTimeout: 20_000,
  },
})
