import { describe, expect, it } from 'vitest'
import { computeClock } from '../clocks'
import { caseClockScenario } from '../cases/to-clock'
import { makeCase } from './fixtures'
import { openRequestWarnings } from './warnings'

function warningsOn(c: ReturnType<typeof makeCase>, asOf: string) {
  const { receiptAssumed: _a, ignoredBeforeReceipt: _i, ...input } = caseClockScenario(c)!
  return openRequestWarnings(c, computeClock({ ...input, asOf }), asOf).map((w) => w.code)
}

describe('warnings while a request is open', () => {
  // Received 2026-01-05: due 2026-02-04.
  const c = makeCase({ id: 'req-w', received: '2026-01-05', requestedFormat: 'PDF' })

  it('says nothing while the due date is more than 5 days away', () => {
    expect(warningsOn(c, '2026-01-29')).toEqual([])
  })

  it('warns 5 days before the due date, and that an extension notice must go out by it', () => {
    expect(warningsOn(c, '2026-01-30')).toEqual(['due-soon', 'extension-notice-deadline'])
  })

  it('stops the extension warning once a notice is logged, and all warnings once answered', () => {
    const noticed = makeCase({ id: 'req-w', received: '2026-01-05', events: [{ type: 'extension-notice', date: '2026-01-28', reason: 'volume', newDate: '2026-02-20' }] })
    expect(warningsOn(noticed, '2026-02-01')).toEqual([])
    const done = makeCase({ id: 'req-w', received: '2026-01-05', events: [{ type: 'records-delivered', date: '2026-02-01' }] })
    expect(warningsOn(done, '2026-02-02')).toEqual([])
  })

  it('flags a fee quote without advance notice, and a partial delivery in another format', () => {
    const fee = makeCase({
      id: 'req-w',
      received: '2026-01-05',
      requestedFormat: 'PDF',
      events: [
        { type: 'fee-quoted', date: '2026-01-10', amount: 6.5 },
        { type: 'partial-delivery', date: '2026-01-12', format: 'paper' },
        { type: 'partial-delivery', date: '2026-01-13', format: ' pdf ' }
      ]
    })
    expect(warningsOn(fee, '2026-01-15')).toEqual(['fee-no-advance-notice', 'format-differs'])
  })
})
