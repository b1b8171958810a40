// The first-run screen of a data folder (services/workspace-setup.ts).
import { z } from 'zod'
import { PERSPECTIVES, SettingsSchema } from '../../core/schemas'
import { channel } from './channel'

export const WorkspaceSetupSchema = z.strictObject({
  perspective: z.enum(PERSPECTIVES),
  name: SettingsSchema.shape.advocateName,
  officeName: SettingsSchema.shape.officeName,
  signatureBlock: SettingsSchema.shape.signatureBlock
})

export const workspaceChannels = {
  /** Whether this folder was never set up (the window then shows the first-run screen). */
  'workspace.setupState': channel(z.strictObject({}), z.object({ needed: z.boolean() })),
  'workspace.setup': channel(WorkspaceSetupSchema, SettingsSchema),
  'workspace.skipSetup': channel(z.strictObject({}), SettingsSchema)
}
