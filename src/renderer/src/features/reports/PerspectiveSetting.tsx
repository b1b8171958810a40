import { errorText } from '../../api/error-text'
import { useChannel, useChannelMutation } from '../../api/queries'
import { ErrorMessage } from '../../ui/ErrorMessage'

/** The workspace's perspective: new cases and the warnings follow it; each case may name its own. */
export function PerspectiveSetting() {
  const settings = useChannel('settings.get', {})
  const set = useChannelMutation('workspace.setPerspective')
  if (settings.data === undefined) return null
  const current = settings.data.perspective ?? 'advocate'
  const change = (perspective: 'advocate' | 'practice') => set.mutate({ perspective })
  return (
    <div className="panel">
      <label>
        This workspace works as{' '}
        <select className="input" value={current} onChange={(e) => change(e.target.value as 'advocate' | 'practice')} data-testid="workspace-perspective">
          <option value="advocate">an advocate (requests we send to records holders)</option>
          <option value="practice">a practice (requests our office receives: audit mode)</option>
        </select>
      </label>
      <ErrorMessage message={set.isError ? errorText(set.error) : null} />
    </div>
  )
}
