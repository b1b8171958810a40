import type { Handlers } from '../router'
import type { HandlerHooks, ServicesRef } from './index'

type CaseChannels = 'cases.deepSearch' | 'cases.list' | 'cases.query' | 'cases.get' | 'cases.add' | 'cases.addBatch' | 'cases.update' | 'cases.addEvent' | 'cases.editEvent' | 'cases.addReminder' | 'cases.removeReminder' | 'cases.trash' | 'cases.restore'

export function caseHandlers(s: ServicesRef, hooks: HandlerHooks = {}): Pick<Handlers, CaseChannels> {
  return {
    'cases.list': (filter) => s().queries.list(filter),
    'cases.query': (request) => s().queries.query(request),
    'cases.get': ({ id, asOf }) => s().queries.view(id, asOf),
    'cases.add': ({ case: fields, sent }) => s().cases.add(fields, sent),
    'cases.addBatch': ({ batch, sent }) => s().cases.addBatch(batch, sent),
    'cases.update': ({ id, patch }) => s().cases.update(id, patch),
    'cases.addEvent': ({ caseId, event }) => s().cases.addEvent(caseId, event),
    'cases.editEvent': ({ caseId, eventId, patch }) => s().cases.editEvent(caseId, eventId, patch),
    'cases.addReminder': ({ caseId, reminder }) => s().cases.addReminder(caseId, reminder),
    'cases.removeReminder': async ({ caseId, reminderId }) => {
      // Through the bulk service, which remembers it for undo.
      await s().bulk.removeReminder(caseId, reminderId)
      return { ok: true as const }
    },
    'cases.trash': ({ id }) => s().bulk.trashOne(id),
    'cases.restore': ({ id }) => s().cases.restore(id),
    'cases.deepSearch': ({ text, taskId }) =>
      s().queries.deepSearch(text, { ...(taskId !== undefined && { taskId }), onProgress: (done, total) => hooks.onProgress?.('cases.deepSearch', done, total) }),
  }
}
