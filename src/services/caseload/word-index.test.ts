// The word index against a brute-force reading of every key's words, through a long run of random
// sets, replacements and removals (the index keeps nothing per key: the caller gives back a key's
// previous words, and a mistake there would leave a key found by words it no longer has).
import { describe, expect, it } from 'vitest'
import { WordIndex } from './word-index'

const VOCAB = ['ruiz', 'rubio', 'mercy', 'fax', 'faxed', 'portal', 'req', '2291', '12291', 'denial', 'denied', 'e', 'voicemail', 'mail']

describe('WordIndex', () => {
  it('finds exactly the keys with a word containing the fragment, after every change', () => {
    let seed = 11
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n
    const index = new WordIndex<number>()
    const truth = new Map<number, string[]>()
    for (let step = 0; step < 3000; step++) {
      const key = rand(40)
      if (rand(5) === 0) {
        const before = truth.get(key)
        if (before) index.remove(key, before)
        truth.delete(key)
      } else {
        const words = Array.from({ length: rand(5) }, () => VOCAB[rand(VOCAB.length)]!)
        index.set(key, words, truth.get(key))
        truth.set(key, words)
      }
      if (step % 50 !== 0) continue
      for (const fragment of ['r', 'ru', 'rui', 'fax', 'mail', '229', 'e', 'zzz', 'denie']) {
        const found = new Set<number>()
        index.collect(fragment, found)
        const expected = [...truth].filter(([, ws]) => ws.some((w) => w.includes(fragment))).map(([k]) => k)
        expect([...found].sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b))
      }
    }
    // Words no key has any more are forgotten.
    for (const [key, words] of truth) index.remove(key, words)
    expect(index.vocabulary).toBe(0)
  })
})
