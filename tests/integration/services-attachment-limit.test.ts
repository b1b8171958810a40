// Issue 10, defect 13: the largest file the window lets you attach must pass the router's payload
// guard (it used to count base64 text at two bytes a character, refusing files of about 3.8–7 MB).
import { describe, expect, it } from 'vitest'
import { guardPayload } from '../../src/services/payload-guard'
import { MAX_WINDOW_ATTACHMENT_BYTES } from '../../src/shared/contract'

const payloadFor = (bytes: number) => ({ caseId: 'case-000001', name: 'scan.pdf', type: 'application/pdf', base64: Buffer.alloc(bytes, 7).toString('base64') })

describe('window and router agree on attachment size', () => {
  it('the largest file the window allows passes the payload guard', () => {
    expect(MAX_WINDOW_ATTACHMENT_BYTES).toBeGreaterThanOrEqual(7 * 1024 * 1024)
    expect(() => guardPayload(payloadFor(MAX_WINDOW_ATTACHMENT_BYTES))).not.toThrow()
  })
  it('a payload over the limit is still refused', () => {
    expect(() => guardPayload(payloadFor(MAX_WINDOW_ATTACHMENT_BYTES * 2))).toThrow(/larger than/)
  })
})
