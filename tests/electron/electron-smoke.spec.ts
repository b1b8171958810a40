// Starts the real Electron app where its binary exists. On our CI machines it cannot be downloaded,
// so the test reports itself skipped with that reason. It never calls require('electron'), which in
// Electron 45 would start a lazy download.
import { existsSync, readFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test, expect, _electron } from '@playwright/test'

const electronPackage = resolve(__dirname, '../../node_modules/electron')

function electronBinary(): string | undefined {
  const pathFile = join(electronPackage, 'path.txt')
  if (!existsSync(pathFile)) return undefined
  const binary = join(electronPackage, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : undefined
}

const binary = electronBinary()

test('the real Electron app opens its window and shows where its data lives', async () => {
  test.skip(!binary, `Electron binary not installed (${electronPackage}/dist is missing; ELECTRON_SKIP_BINARY_DOWNLOAD or no network): cannot launch the real app here`)
  const dataDir = mkdtempSync(join(tmpdir(), 'aa-electron-'))
  const app = await _electron.launch({
    executablePath: binary,
    args: [resolve(__dirname, '../..')],
    env: { ...process.env, ACCESS_ADVOCATE_DATA_DIR: dataDir }
  })
  try {
    const window = await app.firstWindow()
    await expect(window.getByTestId('data-dir')).toHaveText(dataDir)
    // No Node in the page, and only the contract's bridge.
    const page = await window.evaluate(() => ({
      require: typeof (globalThis as Record<string, unknown>)['require'],
      process: typeof (globalThis as Record<string, unknown>)['process'],
      api: Object.keys((globalThis as unknown as Record<string, Record<string, unknown>>)['api'] ?? {})
    }))
    expect(page).toEqual({ require: 'undefined', process: 'undefined', api: ['invoke'] })
  } finally {
    await app.close()
  }
})
