import './sync.css'
import { call } from '../../api/client'
import { useQuery } from '../../api/use-query'
import { formatInstant } from '../../ui/format'

/** "Updated on <computer> at <time>": who last wrote this case's file, from its envelope. */
export function CaseOrigin({ caseId, refresh }: { caseId: string; refresh: unknown }) {
  const [origin] = useQuery(() => call('sync.origin', { caseId }), [caseId, refresh])
  if (origin.status !== 'ready' || origin.data === null) return null
  const o = origin.data
  const where = o.thisDevice ? `this computer${o.deviceName ? ` (${o.deviceName})` : ''}` : (o.deviceName ?? `another computer (${o.deviceId.slice(0, 8)})`)
  return (
    <p className={o.thisDevice ? 'muted case-origin' : 'case-origin case-origin--other'} data-testid="case-origin">
      Updated on {where} at {formatInstant(o.updatedAt)}
    </p>
  )
}
