import { z } from 'zod'
import { channel } from './channel'

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  dataDir: z.string(),
  rulesVersion: z.string(),
  encrypted: z.boolean()
})
export type AppInfo = z.infer<typeof AppInfoSchema>

export const appChannels = {
  'app.info': channel(z.object({}).strict(), AppInfoSchema)
}
