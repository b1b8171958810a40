#!/usr/bin/env node
// Bundles the command line into one file, out/cli/access-advocate.cjs (package.json `bin`), so it
// starts in plain Node without tsx or a source checkout: one file to parse instead of hundreds of
// TypeScript modules to transform. The installers ship it (electron-builder.yml extraResources).
import { build } from 'esbuild'
import { chmodSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
export const CLI_BUNDLE = join(root, 'out', 'cli', 'access-advocate.cjs')

await build({
  entryPoints: [join(root, 'src', 'cli', 'main.ts')],
  outfile: CLI_BUNDLE,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  // Stack traces of a bug report should still name our files and lines.
  sourcemap: 'linked',
  legalComments: 'linked',
  banner: { js: '#!/usr/bin/env node' },
  // The version is fixed at build time: an installed copy has no package.json to read it from.
  define: { __ACCESS_ADVOCATE_VERSION__: JSON.stringify(version) },
  logLevel: 'warning'
})
chmodSync(CLI_BUNDLE, 0o755)
