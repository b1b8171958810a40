// Loads the built main bundle (out/main/index.js) under Node with the fake `electron` module.
import Module from 'node:module'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { createFakeElectron } from './fake-electron'

export const MAIN_BUNDLE = resolve(__dirname, '../../out/main/index.js')

type ModuleLoader = { _load: (request: string, parent: unknown, isMain: boolean) => unknown }

/** @param bundle another copy of out/main/index.js (e.g. under an install path with a space) */
export async function loadMain(options: { singleInstance?: boolean; userData: string; version?: string; packaged?: boolean; bundle?: string; documents?: string }) {
  const bundle = options.bundle ?? MAIN_BUNDLE
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run "npm run build" first`)
  const fake = createFakeElectron(options)
  const loader = Module as unknown as ModuleLoader
  const original = loader._load
  loader._load = function (request, parent, isMain) {
    if (request === 'electron') return fake.electron
    return original.call(this, request, parent, isMain)
  }
  try {
    const req = Module.createRequire(bundle)
    delete req.cache[bundle]
    req(bundle)
  } finally {
    loader._load = original
  }
  fake.becomeReady()
  // Let the app's whenReady().then(start) chain and its async service opening run.
  for (let i = 0; i < 50 && fake.record.windows.length === 0 && fake.record.exitCode === undefined; i++) {
    await new Promise((r) => setTimeout(r, 10))
  }
  return fake
}

/** Quits the loaded app the way Electron would, so it closes its data folder before the test removes it. */
export async function quitMain(fake: Awaited<ReturnType<typeof loadMain>>): Promise<void> {
  const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) }
  fake.record.quitCalled = false
  fake.electron.app.emit('will-quit', event)
  if (!event.defaultPrevented) return
  for (let i = 0; i < 500 && !fake.record.quitCalled; i++) await new Promise((r) => setTimeout(r, 10))
  if (!fake.record.quitCalled) throw new Error('the app did not finish closing its data on quit')
}
