import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterEach } from 'vitest'
import '../i18n'

// findBy… waits 1 s by default; a page's first render (lazy chunks, the fake API's answer) can take longer on a
// 2-core machine that also runs the API suites. A real failure still fails, only later.
configure({ asyncUtilTimeout: 5_000 })

afterEach(() => {
  cleanup()
})
