/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The API serves dist/ at "/" and keeps itself under /api/v1; in development Vite proxies /api to it.
export default defineConfig({
  base: '/',
  plugins: [react()],
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
  },
})
