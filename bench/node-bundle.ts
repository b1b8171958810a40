// How a benchmark bundles its measuring code to run in a fresh process, as the app's main process
// runs: one ESM file for Node, with a require() for the CommonJS dependencies that call it.
import type { BuildOptions } from 'esbuild'

export function nodeBundle(entry: string, outfile: string): BuildOptions {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['@resvg/resvg-js'],
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'warning'
  }
}
