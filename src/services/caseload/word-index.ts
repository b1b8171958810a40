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

/**
 * Memory is what bounds it at 30,000 cases, so each distinct word is held once (an id, its string
 * shared by every key that has it), a word found in one key keeps that key bare (most reference
 * numbers and ids), and nothing is kept per key: a key's previous words are given back by the
 * caller, which can always compute them (a case's summary, a person's name, as they were).
 */
export class WordIndex<K extends string | number> {
  /** word → its id, and back (one string, shared). */
  readonly #ids = new Map<string, number>()
  readonly #words: Array<string | undefined> = []
  /** id → the keys whose text has the word: one bare, several in an array (order does not matter). */
  readonly #postings: Array<K | K[] | undefined> = []
  readonly #free: number[] = []
  /** trigram → the ids of the distinct words containing it. */
  readonly #grams = new Map<string, number[]>()
  /** Fragments' matching word ids, valid until the vocabulary changes (typing asks for the same ones twice). */
  #cache = new Map<string, number[]>()

  /** Distinct words held. */
  get vocabulary(): number {
    return this.#ids.size
  }

  /** Replaces what `key` is found by; `previous`: the words it was given last (none: a new key). */
  set(key: K, words: Iterable<string>, previous?: Iterable<string>): void {
    const next = new Set(words)
    if (previous === undefined) {
      for (const w of next) this.#link(w, key)
      return
    }
    const before = new Set(previous)
    for (const w of before) if (!next.has(w)) this.#unlink(w, key)
    for (const w of next) if (!before.has(w)) this.#link(w, key)
  }

  /** Takes `key` out; `previous`: the words it was given last. */
  remove(key: K, previous: Iterable<string>): void {
    for (const w of new Set(previous)) this.#unlink(w, key)
  }

  clear(): void {
    this.#ids.clear()
    this.#words.length = 0
    this.#postings.length = 0
    this.#free.length = 0
    this.#grams.clear()
    this.#cache = new Map()
  }

  /** Adds to `into` every key with a word containing `fragment` (already lower-cased). */
  collect(fragment: string, into: Set<K>): void {
    this.visit(fragment, (k) => into.add(k))
  }

  /** Calls `fn` for each key with a word containing `fragment`, once per such word (a key may come twice). */
  visit(fragment: string, fn: (key: K) => void): void {
    for (const id of this.#wordsContaining(fragment)) {
      const keys = this.#postings[id]
      if (keys === undefined) continue
      if (Array.isArray(keys)) for (const k of keys) fn(k)
      else fn(keys)
    }
  }

  /** How many keys `visit` would call back with: what looking `fragment` up costs. */
  postings(fragment: string): number {
    let n = 0
    for (const id of this.#wordsContaining(fragment)) {
      const keys = this.#postings[id]
      n += keys === undefined ? 0 : Array.isArray(keys) ? keys.length : 1
    }
    return n
  }

  #link(word: string, key: K): void {
    let id = this.#ids.get(word)
    if (id === undefined) {
      id = this.#free.pop() ?? this.#postings.length
      this.#ids.set(word, id)
      this.#words[id] = word
      this.#postings[id] = key
      this.#addGrams(word, id)
      return
    }
    const keys = this.#postings[id]
    if (keys === undefined) this.#postings[id] = key
    else if (Array.isArray(keys)) keys.push(key)
    else this.#postings[id] = [keys, key]
  }

  #unlink(word: string, key: K): void {
    const id = this.#ids.get(word)
    if (id === undefined) return
    const keys = this.#postings[id]
    if (Array.isArray(keys)) {
      const at = keys.indexOf(key)
      if (at < 0) return
      keys[at] = keys[keys.length - 1]!
      keys.pop()
      if (keys.length === 1) this.#postings[id] = keys[0]
      return
    }
    if (keys !== key) return
    this.#postings[id] = undefined
    this.#words[id] = undefined
    this.#ids.delete(word)
    this.#free.push(id)
    this.#dropGrams(word, id)
  }

  #wordsContaining(fragment: string): ReadonlyArray<number> {
    let hit = this.#cache.get(fragment)
    if (hit === undefined) {
      hit = this.#lookUp(fragment)
      if (this.#cache.size >= CACHED_FRAGMENTS) this.#cache.clear()
      this.#cache.set(fragment, hit)
    }
    return hit
  }

  #lookUp(fragment: string): number[] {
    const out: number[] = []
    if (fragment.length < GRAM) {
      for (const [word, id] of this.#ids) if (word.includes(fragment)) out.push(id)
      return out
    }
    // The rarest trigram's words, checked against the whole fragment.
    let rarest: number[] | undefined
    for (const g of gramsOf(fragment)) {
      const ids = this.#grams.get(g)
      if (ids === undefined) return out
      if (rarest === undefined || ids.length < rarest.length) rarest = ids
    }
    if (rarest !== undefined) for (const id of rarest) if (this.#words[id]!.includes(fragment)) out.push(id)
    return out
  }

  #addGrams(word: string, id: number): void {
    if (this.#cache.size > 0) this.#cache.clear()
    for (const g of gramsOf(word)) {
      const ids = this.#grams.get(g)
      if (ids === undefined) this.#grams.set(g, [id])
      else ids.push(id)
    }
  }

  #dropGrams(word: string, id: number): void {
    if (this.#cache.size > 0) this.#cache.clear()
    for (const g of gramsOf(word)) {
      const ids = this.#grams.get(g)
      if (ids === undefined) continue
      const at = ids.indexOf(id)
      if (at < 0) continue
      ids[at] = ids[ids.length - 1]!
      ids.pop()
      if (ids.length === 0) this.#grams.delete(g)
    }
  }
}
