// Whether the daily backup failed. It runs in the background after the data folder opens; the
// main process pushes each change of its status (backup.status events, see api/push-events.ts),
// which replaces this query's answer: asked once, never polled.
import { useChannel } from '../../api/queries'

export const useBackupStatus = () => useChannel('backup.status', {})
