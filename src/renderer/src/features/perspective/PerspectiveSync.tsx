import { useEffect } from 'react'
import { useChannel } from '../../api/queries'
import { setWordingPerspective } from '../../ui/perspective-words'

/** Keeps the window's words in step with the workspace's perspective (settings). Renders nothing. */
export function PerspectiveSync() {
  const settings = useChannel('settings.get', {})
  const perspective = settings.data?.perspective ?? 'advocate'
  useEffect(() => setWordingPerspective(perspective), [perspective])
  return null
}
