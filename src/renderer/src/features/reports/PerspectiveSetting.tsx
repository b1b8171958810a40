import { useState } from 'react'
import { call } from '../../api/client'
import { errorText } from '../../api/error-text'
import { useQuery } from '../../api/use-query'
import { ErrorMessage } from '../../ui/ErrorMessage'

/** The workspace's perspective: new cases and the warnings follow it; each case may name its own. */
export function PerspectiveSetting() {
  const [settings, reload] = useQuery(() => call('settings.get', {}), [])
  const [error, setError] = useState<string | null>(null)
  if (settings.status !== 'ready') return null
  const current = settings.data.perspective ?? 'advocate'
  const change = async (perspective: 'advocate' | 'practice') => {
    setError(null)
    try {
      await call('workspace.setPerspective', { perspective })
      reload()
    } catch (e) {
      setError(errorText(e))
    }
  }
  return (
    <div className="panel">
      <label>
        This workspace works as{' '}
        <select className="input" value={current} onChange={(e) => void change(e.target.value as 'advocate' | 'practice')} data-testid="workspace-perspective">
          <option value="advocate">an advocate (requests we send to records holders)</option>
          <option value="practice">a practice (requests our office receives: audit mode)</option>
        </select>
      </label>
      <ErrorMessage message={error} />
    </div>
  )
}
