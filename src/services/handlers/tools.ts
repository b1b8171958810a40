import { writeFile } from 'node:fs/promises'
import { AppError } from '#shared/errors'
import { BUILT_IN_PROFILES } from '../../core/rules'
import { todayOf } from '../context'
import { writeDemo } from '../demo/write'
import type { Handlers } from '../router'
import type { HandlerHooks, ServicesRef } from './index'

type ToolChannels = 'demo.write' | 'profiles.list' | 'attachments.addFile' | 'attachments.saveTo'

export function toolHandlers(s: ServicesRef, hooks: HandlerHooks): Pick<Handlers, ToolChannels> {
  return {
    'demo.write': ({ cases, seed }) =>
      writeDemo(s(), {
        cases,
        today: todayOf(s().context),
        ...(seed !== undefined && { seed }),
        onProgress: (done, total) => hooks.onProgress?.('demo.write', done, total)
      }),
    'profiles.list': () => [
      ...BUILT_IN_PROFILES.map((p) => ({ id: p.id, label: p.label, version: p.version, source: 'built-in' as const })),
      ...s()
        .settings.get()
        .savedProfiles.map((p) => ({ id: p.id, label: p.label, version: p.version, source: 'saved' as const }))
    ],
    'attachments.addFile': ({ caseId, eventId, path }) => s().attachments.attachFile(caseId, path, eventId),
    'attachments.saveTo': async ({ sha256, path }) => {
      const bytes = await s().store.attachments.read(sha256)
      try {
        await writeFile(path, bytes)
      } catch (error) {
        throw new AppError('INVALID_INPUT', `Cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)}).`, { issues: [{ path: ['path'], message: 'cannot be written' }] })
      }
      return { path, bytes: bytes.byteLength }
    }
  }
}
