import type { Handlers } from '../router'
import type { ServicesRef } from './index'

export function worklistHandlers(s: ServicesRef): Pick<Handlers, 'worklist.today'> {
  return {
    'worklist.today': ({ asOf }) => s().worklist.today(asOf)
  }
}
