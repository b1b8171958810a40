import { z } from 'zod'
import { channel } from './channel'

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  dataDir: z.string(),
  rulesVersion: z.string(),
  encrypted: z.boolean(),
  /** Where this front door serves stored files (aa-file:// in the app); see shared/files.ts. */
  filesUrl: z.string()
})
export type AppInfo = z.infer<typeof AppInfoSchema>

export const appChannels = {
  'app.info': channel(z.object({}).strict(), AppInfoSchema)
}

export const HostStateSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ready'), dataDir: z.string(), sample: z.boolean() }),
  z.object({ state: z.literal('locked'), dataDir: z.string(), sample: z.boolean(), message: z.string() })
])
export type HostStateValue = z.infer<typeof HostStateSchema>

/** Opening the data: which folder, whether it waits for a passphrase, the sample caseload. */
export const hostChannels = {
  'app.status': channel(z.object({}).strict(), HostStateSchema),
  'app.unlock': channel(z.strictObject({ passphrase: z.string().min(1, 'enter the passphrase').max(1024) }), HostStateSchema),
  /** Opens (creating on first use) the sample caseload, kept in a folder of its own. */
  'app.useSample': channel(z.object({}).strict(), HostStateSchema),
  'app.useOwnData': channel(z.object({}).strict(), HostStateSchema)
}
