import type { Handlers } from '../router'
import { orgMergeService } from '../org-merge'
import type { ServicesRef } from './index'

export function orgMergeHandlers(s: ServicesRef): Pick<Handlers, 'orgs.merge'> {
  // Built per call over the services of the moment: the window may switch data folders.
  return { 'orgs.merge': (input) => orgMergeService(s().context, s().clocks).merge(input) }
}
