// Child process of store-crash.test.ts: opens the store and performs an endless stream of writes,
// printing one line per ACKNOWLEDGED write ("ack <key> <n>", "del <key> <n>") the moment its
// promise resolves, and "begin-del <key> <n>" before a remove starts.
// The parent SIGKILLs it at a random moment and then checks every acknowledged write survived.
// n is globally increasing (base + local counter), so "the file holds n or a later write" is
// a precise test. Output uses writeSync so an ack is on the pipe before the next write starts.
import { writeSync } from 'node:fs'
import { openStore } from '../../../src/store'
import { makeCase, testSchema } from '../../fixtures/store/schema'

const [dataDir, baseArg, seedArg] = process.argv.slice(2)
if (dataDir === undefined || baseArg === undefined || seedArg === undefined) throw new Error('usage: dataDir base seed')
let n = Number(baseArg)
let seed = Number(seedArg)
const random = (k: number): number => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
  return seed % k
}
const say = (line: string): void => {
  writeSync(1, `${line}\n`)
}

async function main(): Promise<never> {
  const store = await openStore(testSchema(), { dataDir: dataDir as string, holder: 'crash-child', indexDebounceMs: 2 })
  say('ready')
  for (;;) {
    const op = random(10)
    if (op < 4) {
      const id = `c${random(30)}`
      const mine = ++n
      await store.records.cases.put(makeCase(id, mine, 12 + random(12)))
      say(`ack case:${id} ${mine}`)
    } else if (op < 6) {
      // A burst on one file: three puts in flight at once, coalesced by the writer.
      const id = `c${random(30)}`
      await Promise.all(
        [0, 1, 2].map(async () => {
          const mine = ++n
          await store.records.cases.put(makeCase(id, mine, 8))
          say(`ack case:${id} ${mine}`)
        })
      )
    } else if (op < 7) {
      const id = `c${random(30)}`
      if (store.records.cases.has(id)) {
        const mine = ++n
        // Announced first: a remove cut short by the kill may or may not have happened.
        say(`begin-del case:${id} ${mine}`)
        await store.records.cases.remove(id)
        say(`del case:${id} ${mine}`)
      }
    } else if (op < 9) {
      const id = `p${random(60)}`
      const mine = ++n
      await store.sharded.patients.put({ id, name: `Patient ${id}`, n: mine })
      say(`ack patient:${id} ${mine}`)
    } else {
      const mine = ++n
      await store.singletons.settings.put({ theme: mine % 2 === 0 ? 'dark' : 'light', n: mine })
      say(`ack settings ${mine}`)
    }
  }
}

// No top-level await: the package is CommonJS (tsx would run this file as such).
void main()
