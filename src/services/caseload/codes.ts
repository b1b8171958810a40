// Small integers for the values the filter menus count (holders, states, assignees, tags), and
// columns of them by case number. A query over 20,000 matching cases counts each menu's choices by
// adding to a typed array at the case's code: counting into Maps keyed by strings cost 1–2 µs a
// case (most of a filtered query at 30,000 cases).

/** Values interned as codes; code 0 is "none" (null). Codes are never reused (a reload starts afresh). */
export class Codes {
  readonly #codes = new Map<string, number>()
  readonly #values: Array<string | null> = [null]

  /** The value's code, giving it one if it has none. */
  code(value: string | null | undefined): number {
    if (value === null || value === undefined) return 0
    let code = this.#codes.get(value)
    if (code === undefined) {
      code = this.#values.length
      this.#codes.set(value, code)
      this.#values.push(value)
    }
    return code
  }

  /** The value's code, or undefined if it never had one (a filter naming something unknown). */
  peek(value: string | null): number | undefined {
    return value === null ? 0 : this.#codes.get(value)
  }

  value(code: number): string | null {
    return this.#values[code] ?? null
  }

  /** One more than the highest code. */
  get size(): number {
    return this.#values.length
  }

  clear(): void {
    this.#codes.clear()
    this.#values.length = 1
  }
}

/** A growable Int32Array by case number (or holder code). */
export class IntColumn {
  a: Int32Array

  constructor(readonly fill = 0) {
    this.a = new Int32Array(1024).fill(fill)
  }

  set(n: number, value: number): void {
    if (n >= this.a.length) {
      let size = this.a.length
      while (size <= n) size *= 2
      const next = new Int32Array(size).fill(this.fill)
      next.set(this.a)
      this.a = next
    }
    this.a[n] = value
  }

  get(n: number): number {
    return n < this.a.length ? this.a[n]! : this.fill
  }

  clear(): void {
    this.a = new Int32Array(1024).fill(this.fill)
  }
}

/** Counts by code. Sized at the start of a query; grows if a refresh meanwhile gave out new codes. */
export class Tally {
  a: Int32Array

  constructor(size: number) {
    this.a = new Int32Array(Math.max(size, 1))
  }

  add(code: number): void {
    if (code >= this.a.length) {
      const next = new Int32Array(Math.max(code + 1, this.a.length * 2))
      next.set(this.a)
      this.a = next
    }
    this.a[code]!++
  }

  get(code: number | undefined): number {
    return code === undefined || code >= this.a.length ? 0 : this.a[code]!
  }
}

/** Flags by code of the values a filter picked (unknown values pick nothing). */
export function picked(codes: Codes, values: ReadonlyArray<string | null> | undefined): Uint8Array | undefined {
  if (values === undefined || values.length === 0) return undefined
  const flags = new Uint8Array(codes.size)
  for (const v of values) {
    const c = codes.peek(v)
    if (c !== undefined) flags[c] = 1
  }
  return flags
}

const cmpNullable = (a: string | null, b: string | null): number => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1)

/**
 * The `max` most counted choices (most first, ties by value, "none" last), then any `chosen` value
 * not among them with its count: what sorting every counted value would give, without sorting the
 * 15,000 holders of a large caseload. Only values counted at least as often as the max-th are sorted.
 */
export function topChoices(
  tally: Tally,
  codes: Codes,
  chosen: ReadonlyArray<string | null> | undefined,
  max: number
): Array<{ value: string | null; count: number }> {
  const counts = tally.a
  let most = 0
  for (let c = 0; c < counts.length; c++) if (counts[c]! > most) most = counts[c]!
  // How many values have each count, to find the count the max-th value has.
  const byCount = new Int32Array(most + 1)
  for (let c = 0; c < counts.length; c++) if (counts[c]! > 0) byCount[counts[c]!]!++
  let threshold = 1
  for (let k = most, seen = 0; k >= 1; k--) {
    seen += byCount[k]!
    if (seen >= max) {
      threshold = k
      break
    }
  }
  const top: Array<{ value: string | null; count: number }> = []
  for (let c = 0; c < counts.length; c++) if (counts[c]! >= threshold) top.push({ value: codes.value(c), count: counts[c]! })
  top.sort((a, b) => b.count - a.count || cmpNullable(a.value, b.value))
  top.length = Math.min(top.length, max)
  for (const p of chosen ?? []) if (!top.some((f) => f.value === p)) top.push({ value: p, count: tally.get(codes.peek(p)) })
  return top
}
