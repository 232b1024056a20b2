import './i18n'
import '../styles/base.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { CheckinPage } from './CheckinPage'

// The phone pages' own entry: no router, no query cache, no staff shell; only what a family's phone needs.
const root = document.getElementById('root')
if (!root) throw new Error('#root missing from phone.html')
createRoot(root).render(
  <StrictMode>
    <CheckinPage />
  </StrictMode>,
)
