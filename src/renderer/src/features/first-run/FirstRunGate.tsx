import type { ReactNode } from 'react'
import { useChannel } from '../../api/queries'
import { FirstRunScreen } from './FirstRunScreen'

/** Shows the first-run screen instead of the app on a data folder that was never set up. */
export function FirstRunGate({ sample, children }: { sample: boolean; children: ReactNode }) {
  const state = useChannel('workspace.setupState', {}, { enabled: !sample })
  // The sample caseload is made up: nothing to set up there. An error here must not block the app.
  if (sample || state.isError || !state.data?.needed) return <>{children}</>
  return <FirstRunScreen />
}
