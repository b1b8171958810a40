import { describe, expect, it } from 'vitest'
import { dataDirError } from './data-dir'

const errno = (code: string) => Object.assign(new Error(`${code}: boom`), { code })

describe('dataDirError', () => {
  it.each([
    ['ENOSPC', 'DISK_FULL', /disk holding the data folder \/d is full/],
    ['EDQUOT', 'DISK_FULL', /is full/],
    ['EACCES', 'DATA_DIR_UNWRITABLE', /cannot write to its data folder \/d \(EACCES\)/],
    ['EROFS', 'DATA_DIR_UNWRITABLE', /\(EROFS\).*ACCESS_ADVOCATE_DATA_DIR/],
    ['ENOTDIR', 'DATA_DIR_UNWRITABLE', /ENOTDIR/],
    ['EIO', 'INTERNAL', /could not be prepared/]
  ])('turns %s into %s with a message a person can act on', (code, expected, message) => {
    const e = dataDirError('/d', errno(code))
    expect(e.code).toBe(expected)
    expect(e.message).toMatch(message)
    expect(e.message).not.toMatch(/\n\s+at /)
  })
})
