import type { Handlers } from '../router'
import type { HandlerHooks, ServicesRef } from './index'

type CaseChannels = 'cases.deepSearch' | 'attachments.add' | 'attachments.read' | 'cases.list' | 'cases.get' | 'cases.add' | 'cases.addBatch' | 'cases.update' | 'cases.addEvent' | 'cases.editEvent' | 'cases.addReminder' | 'cases.removeReminder' | 'cases.trash' | 'cases.restore'

export function caseHandlers(s: ServicesRef, hooks: HandlerHooks = {}): Pick<Handlers, CaseChannels> {
  return {
    'cases.list': (filter) => s().queries.list(filter),
    'cases.get': ({ id, asOf }) => s().queries.view(id, asOf),
    'cases.add': ({ case: fields }) => s().cases.add(fields),
    'cases.addBatch': ({ batch }) => s().cases.addBatch(batch),
    'cases.update': ({ id, patch }) => s().cases.update(id, patch),
    'cases.addEvent': ({ caseId, event }) => s().cases.addEvent(caseId, event),
    'cases.editEvent': ({ caseId, eventId, patch }) => s().cases.editEvent(caseId, eventId, patch),
    'cases.addReminder': ({ caseId, reminder }) => s().cases.addReminder(caseId, reminder),
    'cases.removeReminder': async ({ caseId, reminderId }) => {
      await s().cases.removeReminder(caseId, reminderId)
      return { ok: true as const }
    },
    'cases.trash': ({ id }) => s().cases.trash(id),
    'cases.restore': ({ id }) => s().cases.restore(id),
    'cases.deepSearch': ({ text }) => s().queries.deepSearch(text, { onProgress: (done, total) => hooks.onProgress?.('cases.deepSearch', done, total) }),
    'attachments.add': ({ caseId, eventId, name, base64 }) => s().attachments.attachBytes(caseId, name, Buffer.from(base64, 'base64'), eventId),
    'attachments.read': async ({ sha256 }) => ({ base64: Buffer.from(await s().attachments.read(sha256)).toString('base64') })
  }
}
