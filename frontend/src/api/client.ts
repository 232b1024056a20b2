import createClient from 'openapi-fetch'
import { authFetch } from './auth'
import type { paths } from './schema'

// One typed client for the whole app; authFetch adds the bearer token and retries once after a refresh.
export const api = createClient<paths>({
  baseUrl: globalThis.location.origin,
  fetch: authFetch,
})
