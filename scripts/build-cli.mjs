#!/usr/bin/env node
// Bundles the command line for plain Node, out/cli/access-advocate.mjs (package.json `bin`), so it
// runs without tsx or a source checkout: a few files to parse instead of hundreds of TypeScript
// modules to transform. ES modules with code splitting: what `info` or `--help` needs is the entry
// file; the services, the store and the clock engine's holiday calendars (1.3 MB of date-holidays
// and moment-timezone) are chunks loaded only by the commands that use them. The installers ship
// the folder (electron-builder.yml extraResources).
import { build } from 'esbuild'
import { chmodSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
// `--outdir DIR` builds elsewhere: tests that start the command line as a real process build their
// own copy from the source they test (a stale out/ would test old code).
const at = process.argv.indexOf('--outdir')
const outdir = at > 0 ? process.argv[at + 1] : join(root, 'out', 'cli')
export const CLI_BUNDLE = join(outdir, 'access-advocate.mjs')

rmSync(outdir, { recursive: true, force: true })
await build({
  entryPoints: { 'access-advocate': join(root, 'src', 'cli', 'main.ts') },
  outdir,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  // A native module (prebuilt .node per platform) cannot go inside a bundle; only the compliance
  // report's charts load it, on demand.
  external: ['@resvg/resvg-js'],
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  // Stack traces of a bug report should still name our files and lines.
  sourcemap: 'linked',
  legalComments: 'linked',
  // The CommonJS packages inside (date-holidays, docx…) call require(), and our code reads
  // __dirname: ES modules have neither, so each file gets them back.
  banner: {
    js: [
      '#!/usr/bin/env node',
      "import { createRequire as __aaCreateRequire } from 'node:module'",
      "import { dirname as __aaDirname } from 'node:path'",
      "import { fileURLToPath as __aaFileURLToPath } from 'node:url'",
      'const require = __aaCreateRequire(import.meta.url)',
      'const __filename = __aaFileURLToPath(import.meta.url)',
      'const __dirname = __aaDirname(__filename)'
    ].join('\n')
  },
  // The version is fixed at build time: an installed copy has no package.json to read it from.
  define: { __ACCESS_ADVOCATE_VERSION__: JSON.stringify(version) },
  logLevel: 'warning'
})
chmodSync(CLI_BUNDLE, 0o755)
