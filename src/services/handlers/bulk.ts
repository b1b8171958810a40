import type { Handlers } from '../router'
import type { ServicesRef } from './index'

type BulkChannels = 'cases.bulk' | 'cases.lastChange' | 'cases.undo'

export function bulkHandlers(s: ServicesRef): Pick<Handlers, BulkChannels> {
  return {
    'cases.bulk': (input) => s().bulk.apply(input),
    'cases.lastChange': () => s().bulk.last(),
    'cases.undo': ({ changeSetId }) => s().bulk.undo(changeSetId)
  }
}
