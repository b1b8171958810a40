// A stand-in for node:fs/promises for the benchmark's fixture builder only: every fsync is skipped.
// The builder writes tens of thousands of files through the real services; their durability is
// not what it measures (the measuring process opens the folder with the real file system).
import * as fsp from 'node:fs/promises'
import type { StoreFs } from '../src/store/types'

export const noFsyncFs: StoreFs = {
  ...fsp,
  open: (async (...args: Parameters<typeof fsp.open>) => {
    const handle = await fsp.open(...args)
    handle.sync = async () => undefined
    handle.datasync = async () => undefined
    return handle
  }) as typeof fsp.open
}
