import type { Api } from '#shared/contract'

declare global {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- augmenting the DOM Window needs an interface
  interface Window {
    /** Provided by the preload (Electron) or by the e2e harness; nothing else crosses the bridge. */
    readonly api: Api
  }
}
