// ESLint flat config. The layer table of docs/architecture.md is enforced here: each folder is a runtime,
// and `no-restricted-imports` makes a wrong import fail `npm test` (tests/integration/lint-layers.test.ts
// proves the rules are live).
import { builtinModules } from 'node:module'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const nodeApis = [...builtinModules.filter((m) => !m.startsWith('_')), 'node:*']
const nodeApiPatterns = nodeApis.flatMap((m) => [m, `${m}/*`])

const msg = {
  electron: 'Only the Electron glue (src/main, src/preload) may import electron (docs/architecture.md).',
  react: 'React belongs to the renderer only (docs/architecture.md).',
  node: 'This layer must not use Node APIs (docs/architecture.md): pass data in, keep it pure.',
  storage: 'Storage and document libraries belong to src/services and src/store (docs/architecture.md).',
  upward: 'This import crosses a layer boundary upwards (docs/architecture.md layer table).',
  alias: 'Reach another layer through its package.json alias (#core/…, #shared/…), not a deep relative path.',
  adapter: 'A CLI command is an adapter over contract channels: call them through ../channels (withChannels), never services or the store (docs/architecture.md).'
}

const ban = (group, message, opts = {}) => ({ group, message, ...opts })
const electron = ban(['electron', 'electron/*', '@electron/*'], msg.electron)
const react = ban(['react', 'react/*', 'react-dom', 'react-dom/*', '@tanstack/react-table'], msg.react)
const node = ban(nodeApiPatterns, msg.node)
const storage = ban(['lowdb', 'lowdb/*', 'docx', 'steno'], msg.storage)
// A layer is reached by a relative path or by its package.json `imports` alias (#core/…, #services/…);
// the patterns are gitignore-style, where a leading # starts a comment, hence the backslash.
const layer = (...folders) =>
  ban(folders.flatMap((f) => [`**/${f}/**`, `**/${f}`, `\\#${f}`, `\\#${f}/*`]), msg.upward, { allowTypeImports: false })

// Deep relative paths into core and shared, which the aliases replace in the renderer and the CLI.
const relativeCrossing = ban(['../**/core/**', '../**/core', '../**/shared/**', '../**/shared'], msg.alias)

const restrict = (files, patterns) => ({
  files,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] }
})

export default tseslint.config(
  // electron-vite writes its config, bundled, beside it for the length of a build (`electron.vite.config.ts.<time>.mjs`):
  // npm test lints while it builds, and a file that vanishes mid-lint would crash ESLint.
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.tmp/**', 'test-results/**', 'playwright-report/**', '*.config.ts.*.mjs', '*.timestamp-*.mjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts}'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }]
    }
  },
  // Config files are the documented exception to "named exports only".
  { files: ['*.config.{ts,mts}', 'electron.vite.config.ts'], rules: { 'no-restricted-syntax': 'off' } },

  // core: pure domain. No Electron, React, Node, storage; never reads the clock.
  restrict(['src/core/**'], [electron, react, node, storage, layer('shared', 'services', 'store', 'main', 'cli', 'preload', 'renderer')]),
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'core never reads the clock: take "today" as an argument.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'core never reads the clock: take "today" as an argument.' },
        { selector: "MemberExpression[object.name='process']", message: 'core is pure: no process access.' }
      ]
    }
  },
  // shared: the IPC contract. core + zod only.
  restrict(['src/shared/**'], [electron, react, node, storage, layer('services', 'store', 'main', 'cli', 'preload', 'renderer')]),
  // services and store: Node, but no Electron, React, or anything above them.
  restrict(['src/services/**', 'src/store/**'], [electron, react, layer('main', 'cli', 'preload', 'renderer')]),
  // cli: a second front door over the same router. Its commands reach the data only through channels.
  restrict(['src/cli/**'], [electron, react, relativeCrossing, layer('main', 'preload', 'renderer')]),
  restrict(['src/cli/commands/**'], [electron, react, relativeCrossing, layer('main', 'preload', 'renderer'),
    ban(['**/services/**', '**/services', '**/store/**', '**/store', '\\#services/*', '\\#store', '\\#store/*'], msg.adapter, { allowTypeImports: false })]),
  // main: the Electron glue.
  restrict(['src/main/**'], [react, layer('cli', 'preload', 'renderer')]),
  // preload: electron and shared types only.
  restrict(['src/preload/**'], [react, node, storage, layer('core', 'services', 'store', 'main', 'cli', 'renderer'),
    ban(['**/shared/**'], 'The preload may import only types from src/shared.', { allowTypeImports: true })]),
  // renderer: the browser. No Electron, Node, services or storage. It may import core (pure code:
  // types, labels, the clock for a preview) and shared, through their aliases.
  restrict(['src/renderer/**'], [electron, node, storage, relativeCrossing, layer('services', 'store', 'main', 'cli', 'preload')]),
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules }
  },
  // tests, benchmarks and e2e: anything but Electron outside the dedicated glue tests.
  restrict(['tests/**', 'bench/**'], [electron])
)
