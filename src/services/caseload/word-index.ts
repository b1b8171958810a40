// An incremental index of words: which keys (cases, patients, holders) have a word containing a
// fragment of text. Each key's words are replaced when its text changes, so the index stays current
// on every write without a rescan. A fragment of 3 characters or more is looked up through the
// trigrams of the distinct words (a few candidate words, then a substring check); a shorter one
// scans the vocabulary of distinct words, which grows far slower than the caseload (names and
// phrases repeat). Either answer is cached for the fragment until the vocabulary changes.

/** Lower-cased words of a text: runs of letters and digits. "REQ-2291/b" → req, 2291, b. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0)
}

const GRAM = 3
const CACHED_FRAGMENTS = 64

function gramsOf(word: string): Set<string> {
  const grams = new Set<string>()
  for (let i = 0; i + GRAM <= word.length; i++) grams.add(word.slice(i, i + GRAM))
  return grams
}

export class WordIndex<K> {
  /** word → the keys whose text has it. */
  readonly #keysOf = new Map<string, Set<K>>()
  /** key → its distinct words, to take them out again. */
  readonly #wordsOf = new Map<K, string[]>()
  /** trigram → the distinct words containing it. */
  readonly #wordsWith = new Map<string, Set<string>>()
  /** Fragments' matching words, valid until the vocabulary changes (typing asks for the same ones twice). */
  #cache = new Map<string, string[]>()

  get size(): number {
    return this.#wordsOf.size
  }

  /** Replaces what `key` is found by. */
  set(key: K, words: Iterable<string>): void {
    const next = [...new Set(words)]
    const before = this.#wordsOf.get(key)
    if (before !== undefined && before.length === next.length && before.every((w, i) => w === next[i])) return
    this.remove(key)
    if (next.length === 0) return
    this.#wordsOf.set(key, next)
    for (const word of next) {
      let keys = this.#keysOf.get(word)
      if (keys === undefined) {
        keys = new Set()
        this.#keysOf.set(word, keys)
        this.#addWord(word)
      }
      keys.add(key)
    }
  }

  remove(key: K): void {
    const words = this.#wordsOf.get(key)
    if (words === undefined) return
    this.#wordsOf.delete(key)
    for (const word of words) {
      const keys = this.#keysOf.get(word)
      if (keys === undefined) continue
      keys.delete(key)
      if (keys.size === 0) {
        this.#keysOf.delete(word)
        this.#dropWord(word)
      }
    }
  }

  /** Adds to `into` every key with a word containing `fragment` (already lower-cased). */
  collect(fragment: string, into: Set<K>): void {
    this.visit(fragment, (k) => into.add(k))
  }

  /** Calls `fn` for each key with a word containing `fragment`, once per such word (a key may come twice). */
  visit(fragment: string, fn: (key: K) => void): void {
    for (const word of this.#wordsContaining(fragment)) {
      const keys = this.#keysOf.get(word)
      if (keys !== undefined) for (const k of keys) fn(k)
    }
  }

  /** How many keys `visit` would call back with: what looking `fragment` up costs. */
  postings(fragment: string): number {
    let n = 0
    for (const word of this.#wordsContaining(fragment)) n += this.#keysOf.get(word)?.size ?? 0
    return n
  }

  #wordsContaining(fragment: string): ReadonlyArray<string> {
    let hit = this.#cache.get(fragment)
    if (hit === undefined) {
      hit = this.#lookUp(fragment)
      if (this.#cache.size >= CACHED_FRAGMENTS) this.#cache.clear()
      this.#cache.set(fragment, hit)
    }
    return hit
  }

  #lookUp(fragment: string): string[] {
    const out: string[] = []
    if (fragment.length < GRAM) {
      for (const word of this.#keysOf.keys()) if (word.includes(fragment)) out.push(word)
      return out
    }
    // The rarest trigram's words, checked against the whole fragment.
    let rarest: Set<string> | undefined
    for (const g of gramsOf(fragment)) {
      const words = this.#wordsWith.get(g)
      if (words === undefined) return out
      if (rarest === undefined || words.size < rarest.size) rarest = words
    }
    if (rarest !== undefined) for (const word of rarest) if (word.includes(fragment)) out.push(word)
    return out
  }

  #addWord(word: string): void {
    if (this.#cache.size > 0) this.#cache.clear()
    for (const g of gramsOf(word)) {
      let words = this.#wordsWith.get(g)
      if (words === undefined) {
        words = new Set()
        this.#wordsWith.set(g, words)
      }
      words.add(word)
    }
  }

  #dropWord(word: string): void {
    if (this.#cache.size > 0) this.#cache.clear()
    for (const g of gramsOf(word)) {
      const words = this.#wordsWith.get(g)
      if (words === undefined) continue
      words.delete(word)
      if (words.size === 0) this.#wordsWith.delete(g)
    }
  }
}
