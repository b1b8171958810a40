// Proves the layer rules of docs/architecture.md are live: a deliberately wrong import fails lint.
import { resolve } from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: resolve(__dirname, '../..') })

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(__dirname, '../..', filePath) })
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`)
}

const restricted = expect.arrayContaining([expect.stringMatching(/^@typescript-eslint\/no-restricted-imports/)])

describe('layer rules', () => {
  it.each([
    ['src/core/clocks/bad.ts', "import { readFileSync } from 'node:fs'\nexport const x = readFileSync\n"],
    ['src/core/bad.ts', "import { app } from 'electron'\nexport const x = app\n"],
    ['src/core/bad.ts', "import { useState } from 'react'\nexport const x = useState\n"],
    ['src/core/bad.ts', "import { Low } from 'lowdb'\nexport const x = Low\n"],
    ['src/core/bad.ts', "import { openServices } from '../services/app-services'\nexport const x = openServices\n"],
    ['src/services/bad.ts', "import { app } from 'electron'\nexport const x = app\n"],
    ['src/cli/bad.ts', "import { BrowserWindow } from 'electron'\nexport const x = BrowserWindow\n"],
    ['src/renderer/src/bad.ts', "import { readFile } from 'fs/promises'\nexport const x = readFile\n"],
    ['src/renderer/src/bad.ts', "import { openServices } from '../../services/app-services'\nexport const x = openServices\n"],
    ['src/renderer/src/bad.ts', "import { ipcRenderer } from 'electron'\nexport const x = ipcRenderer\n"],
    ['src/shared/bad.ts', "import { join } from 'node:path'\nexport const x = join\n"],
    ['src/preload/bad.ts', "import { contract } from '../shared/contract'\nexport const x = contract\n"],
    // A CLI command is an adapter over channels: services and the store are out of its reach, by any path.
    ['src/cli/commands/bad.ts', "import { openServices } from '../../services/app-services'\nexport const x = openServices\n"],
    ['src/cli/commands/bad.ts', "import { openStore } from '../../store'\nexport const x = openStore\n"],
    ['src/cli/commands/bad.ts', "import { createRouter } from '#services/router'\nexport const x = createRouter\n"],
    ['src/cli/commands/bad.ts', "import { openStore } from '#store'\nexport const x = openStore\n"],
    ['src/cli/commands/bad.ts', "import type { BackupInfo } from '#store/types'\nexport type B = BackupInfo\n"],
    // The aliases are the only way across: a deep relative path into core or shared is refused.
    ['src/renderer/src/features/bad.ts', "import { formatDate } from '../../../../core/clocks'\nexport const x = formatDate\n"],
    ['src/renderer/src/bad.ts', "import { openServices } from '#services/app-services'\nexport const x = openServices\n"],
    ['src/cli/bad.ts', "import { contract } from '../shared/contract'\nexport const x = contract\n"]
  ])('rejects a wrong import in %s', async (file, code) => {
    expect(await ruleIds(code, file)).toEqual(restricted)
  })

  it('rejects reading the clock in src/core', async () => {
    expect(await ruleIds('export const t = Date.now()\n', 'src/core/bad.ts')).toEqual([expect.stringMatching(/core never reads the clock/)])
    expect(await ruleIds('export const t = new Date()\n', 'src/core/bad.ts')).toEqual([expect.stringMatching(/core never reads the clock/)])
  })

  it.each([
    ['src/core/ok.ts', "import { z } from 'zod'\nimport { addDays } from 'date-fns'\nexport const x = [z, addDays]\nexport const d = new Date(0)\n"],
    ['src/main/ok.ts', "import { app } from 'electron'\nimport { createRouter } from '../services/router'\nexport const x = [app, createRouter]\n"],
    ['src/preload/ok.ts', "import { contextBridge } from 'electron'\nimport type { Api } from '../shared/contract'\nexport type A = Api\nexport const x = contextBridge\n"],
    ['src/renderer/src/ok.tsx', "import { useState } from 'react'\nimport type { Channel } from '#shared/contract'\nexport type C = Channel\nexport const x = useState\n"],
    ['src/renderer/src/ok.ts', "import { formatDate } from '#core/clocks'\nexport const x = formatDate\n"],
    ['src/cli/commands/ok.ts', "import { parseArgs } from 'node:util'\nimport { ORGANIZATION_KINDS } from '#core/schemas'\nimport { withChannels } from '../channels'\nexport const x = [parseArgs, ORGANIZATION_KINDS, withChannels]\n"],
    ['src/cli/channels-ok.ts', "import { createRouter } from '#services/router'\nexport const x = createRouter\n"]
  ])('allows the imports its layer may use in %s', async (file, code) => {
    expect(await ruleIds(code, file)).toEqual([])
  })
})
