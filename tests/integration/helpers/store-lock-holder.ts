// Child process of store-lock.test.ts: opens the store as holder "cli", says "ready", and keeps it
// open until killed or until its stdin closes (then it closes the store cleanly).
import { writeSync } from 'node:fs'
import { openStore } from '../../../src/store'
import { testSchema } from '../../fixtures/store/schema'

const dataDir = process.argv[2]
if (dataDir === undefined) throw new Error('usage: dataDir')
// No top-level await: the package is CommonJS, and tsx runs this file as such.
void openStore(testSchema(), { dataDir, holder: 'cli', dailyBackup: false }).then((store) => {
  writeSync(1, 'ready\n')
  process.stdin.resume()
  process.stdin.on('end', () => {
    void store.close().then(() => process.exit(0))
  })
})
