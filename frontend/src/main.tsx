import './i18n'
import './styles/base.css'
import './styles/layout.css'
import './styles/forms.css'
import './styles/components.css'
import './styles/pages.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { reloadOnceForChunk } from './components/RouteError'

// After a deploy the old page asks for chunks that are gone: reload once to get the new version.
window.addEventListener('vite:preloadError', (event) => {
  if (reloadOnceForChunk(event.payload)) event.preventDefault()
})

const root = document.getElementById('root')
if (!root) throw new Error('#root missing from index.html')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
