import { QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { installPushEvents } from './api/push-events'
import { createQueryClient } from './api/queries'
import { App } from './app/App'
import { startFirstReads } from './app/first-reads'
import { hashToRoute } from './app/routes'
import './ui/base.css'
import './ui/layout.css'
import './ui/badges.css'
import './ui/table.css'
import './ui/forms.css'
import './ui/case.css'
import './ui/settings.css'
import './features/appearance/appearance.css'
import { applyCachedTheme } from './features/appearance/theme'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
applyCachedTheme()
const queryClient = createQueryClient()
installPushEvents(queryClient)
// The first screen's reads, side by side, before React draws anything (app/first-reads.ts).
startFirstReads(queryClient, hashToRoute(window.location.hash))
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>
)
