import './sync.css'
import { useChannel } from '../../api/queries'
import { formatInstant } from '../../ui/format'

/** "Updated on <computer> at <time>": who last wrote this case's file, from its envelope. */
export function CaseOrigin({ caseId }: { caseId: string }) {
  const origin = useChannel('sync.origin', { caseId })
  const o = origin.data
  if (o === undefined || o === null) return null
  const where = o.thisDevice ? `this computer${o.deviceName ? ` (${o.deviceName})` : ''}` : (o.deviceName ?? `another computer (${o.deviceId.slice(0, 8)})`)
  return (
    <p className={o.thisDevice ? 'muted case-origin' : 'case-origin case-origin--other'} data-testid="case-origin">
      Updated on {where} at {formatInstant(o.updatedAt)}
    </p>
  )
}
