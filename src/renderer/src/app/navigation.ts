import { useSyncExternalStore } from 'react'
import { hashToRoute, routeToHash, type Route } from './routes'

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}
const snapshot = () => window.location.hash

/** The current route; re-renders when it changes. */
export function useRoute(): Route {
  return hashToRoute(useSyncExternalStore(subscribe, snapshot))
}

export function navigate(route: Route): void {
  const hash = routeToHash(route)
  if (window.location.hash !== hash) window.location.hash = hash
}

export const hrefOf = routeToHash
