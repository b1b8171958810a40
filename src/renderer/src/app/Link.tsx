import type { ReactNode } from 'react'
import { routeToHash, type Route } from './routes'

/** A real link (keyboard, middle-click safe) to a screen of the app. */
export function Link({ to, children, className }: { to: Route; children: ReactNode; className?: string }) {
  return (
    <a href={routeToHash(to)} className={className}>
      {children}
    </a>
  )
}
