import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  main: {
    // lowdb is ESM-only: bundle it into the CJS main instead of relying on require() of an ES module,
    // which the Node inside Electron supports only behind a flag.
    build: {
      externalizeDeps: { exclude: ['lowdb', 'steno'] },
      rollupOptions: { input: { index: resolve(__dirname, 'src/main/index.ts') } }
    }
  },
  // A sandboxed preload cannot require() npm packages (only a few Electron modules): bundle everything.
  preload: { build: { externalizeDeps: false } },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    // Minified: the window parses about a third of the bytes at every start (electron-vite leaves
    // builds unminified by default). Source maps keep a stack trace readable.
    build: { minify: true, sourcemap: true, rollupOptions: { input: resolve(__dirname, 'src/renderer/index.html') } },
    plugins: [react()]
  }
})
