import { describe, expect, it } from 'vitest'
import { historyFieldLabel } from './history-labels'

describe('historyFieldLabel', () => {
  it('names the request fields as the forms do', () => {
    expect(historyFieldLabel('requestedFormat')).toBe('Requested format')
    expect(historyFieldLabel('fields.requestedFormat')).toBe('Requested format')
    expect(historyFieldLabel('requested.range.from')).toBe('Records from')
    expect(historyFieldLabel('organizationId')).toBe('Records holder')
  })

  it('words an unknown path part by part, without array indexes or camel case', () => {
    expect(historyFieldLabel('requestLog.receivedVia')).toBe('Request log › Received via')
    expect(historyFieldLabel('references.0.value')).toBe('Reference numbers › Value')
  })
})
