import { describe, expect, it } from 'vitest'
import { csvCell } from './csv'

describe('CSV cells', () => {
  it('makes formula-looking text inert and quotes what needs quoting', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`)
    expect(csvCell('+1 555')).toBe("'+1 555")
    expect(csvCell('-2')).toBe("'-2")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell('a, b')).toBe('"a, b"')
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"')
    expect(csvCell(-2)).toBe('-2')
    expect(csvCell(null)).toBe('')
  })
})
