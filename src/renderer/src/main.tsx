import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import './ui/base.css'
import './ui/layout.css'
import './ui/badges.css'
import './ui/table.css'
import './ui/forms.css'
import './ui/case.css'
import './ui/settings.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>
)
