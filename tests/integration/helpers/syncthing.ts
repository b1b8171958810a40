// Two (or more) real Syncthing instances on loopback for tests: each with its own home, free ports,
// and nothing that leaves 127.0.0.1 (no global or local discovery, relays, NAT traversal, usage
// reports, crash reports or upgrades). Started and stopped by the test; stop() always waits for exit.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { join } from 'node:path'

/** Why Syncthing cannot run here, or null when it can. */
export function syncthingMissing(): string | null {
  const r = spawnSync('syncthing', ['--version'], { encoding: 'utf8', timeout: 10_000 })
  if (r.error !== undefined) return `the syncthing binary is not installed (${r.error.message}); apt-get install syncthing`
  if (r.status !== 0) return `syncthing --version failed: ${r.stderr.trim()}`
  return null
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

const LOOPBACK_ONLY: [string, string][] = [
  ['globalAnnounceEnabled', 'false'],
  ['localAnnounceEnabled', 'false'],
  ['relaysEnabled', 'false'],
  ['natEnabled', 'false'],
  ['urAccepted', '-1'],
  ['crashReportingEnabled', 'false'],
  ['autoUpgradeIntervalH', '0'],
  ['startBrowser', 'false'],
  // Syncthing redials a device it could not reach every 60 s. When A dials B before B knows A, B
  // refuses it, and a loaded machine could then wait a whole minute for the next try (the
  // "B holds the case file" timeouts of 2 Dec 2026); two computers on one desk would retry at once.
  ['reconnectionIntervalS', '1']
]

export class SyncthingNode {
  deviceId = ''
  #process: ChildProcess | null = null
  #exited: Promise<void> = Promise.resolve()

  private constructor(
    readonly name: string,
    readonly home: string,
    readonly port: number,
    readonly guiPort: number,
    readonly apiKey: string
  ) {}

  static async create(root: string, name: string): Promise<SyncthingNode> {
    const home = join(root, `${name}-home`)
    await mkdir(home, { recursive: true })
    const node = new SyncthingNode(name, home, await freePort(), await freePort(), `key-${name}-${Math.random().toString(36).slice(2)}`)
    const gen = spawnSync('syncthing', ['generate', `--home=${home}`], { encoding: 'utf8', timeout: 30_000 })
    if (gen.status !== 0) throw new Error(`syncthing generate failed: ${gen.stderr}`)
    const id = spawnSync('syncthing', ['serve', `--home=${home}`, '--device-id'], { encoding: 'utf8', timeout: 30_000 })
    node.deviceId = id.stdout.trim()
    if (!/^[A-Z0-9-]{50,}$/.test(node.deviceId)) throw new Error(`no device id from syncthing: ${id.stdout} ${id.stderr}`)
    const configFile = join(home, 'config.xml')
    let config = await readFile(configFile, 'utf8')
    config = config.replace(/<listenAddress>.*?<\/listenAddress>\s*/g, '')
    config = config.replace('<options>', `<options>\n        <listenAddress>tcp://127.0.0.1:${node.port}</listenAddress>`)
    for (const [tag, value] of LOOPBACK_ONLY) config = config.replace(new RegExp(`<${tag}>.*?</${tag}>`), `<${tag}>${value}</${tag}>`)
    await writeFile(configFile, config)
    return node
  }

  get address(): string {
    return `tcp://127.0.0.1:${this.port}`
  }

  async start(): Promise<void> {
    const child = spawn(
      'syncthing',
      ['serve', `--home=${this.home}`, '--no-browser', '--no-default-folder', '--no-restart', '--no-upgrade', `--gui-address=127.0.0.1:${this.guiPort}`, `--gui-apikey=${this.apiKey}`, `--logfile=${join(this.home, 'log.txt')}`],
      { stdio: 'ignore', env: { ...process.env, STNOUPGRADE: '1', STNODEFAULTFOLDER: '1', STNORESTART: '1' } }
    )
    this.#process = child
    this.#exited = new Promise((resolve) => child.once('exit', () => resolve()))
    const end = Date.now() + 20_000
    for (;;) {
      try {
        const r = await fetch(`http://127.0.0.1:${this.guiPort}/rest/system/ping`, { headers: { 'X-API-Key': this.apiKey } })
        if (r.ok) return
      } catch {
        // not listening yet
      }
      if (Date.now() > end) throw new Error(`syncthing ${this.name} did not start; see ${join(this.home, 'log.txt')}`)
      await new Promise((r) => setTimeout(r, 200))
    }
  }

  async api(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<unknown> {
    const r = await fetch(`http://127.0.0.1:${this.guiPort}${path}`, {
      method,
      headers: { 'X-API-Key': this.apiKey, 'Content-Type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) })
    })
    if (!r.ok) throw new Error(`syncthing ${this.name} ${method} ${path}: ${r.status} ${await r.text()}`)
    const text = await r.text()
    return text === '' ? null : (JSON.parse(text) as unknown)
  }

  async addDevice(other: SyncthingNode): Promise<void> {
    await this.api('POST', '/rest/config/devices', { deviceID: other.deviceId, name: other.name, addresses: [other.address] })
  }

  async shareFolder(id: string, path: string, peers: SyncthingNode[]): Promise<void> {
    await this.api('POST', '/rest/config/folders', {
      id,
      label: id,
      path,
      devices: [this, ...peers].map((n) => ({ deviceID: n.deviceId })),
      rescanIntervalS: 1,
      fsWatcherEnabled: true,
      fsWatcherDelayS: 1
    })
  }

  /** True when this node has a live connection to the other. */
  async connectedTo(other: SyncthingNode): Promise<boolean> {
    const r = (await this.api('GET', '/rest/system/connections')) as { connections?: Record<string, { connected?: boolean }> }
    return r.connections?.[other.deviceId]?.connected === true
  }

  pause = (): Promise<unknown> => this.api('POST', '/rest/system/pause')
  resume = (): Promise<unknown> => this.api('POST', '/rest/system/resume')
  rescan = (folder: string): Promise<unknown> => this.api('POST', `/rest/db/scan?folder=${encodeURIComponent(folder)}`)

  /** True when this node has everything the other has announced for the folder, and is idle. */
  async inSync(folder: string, other: SyncthingNode): Promise<boolean> {
    const status = (await this.api('GET', `/rest/db/status?folder=${encodeURIComponent(folder)}`)) as { state: string; needTotalItems: number }
    const completion = (await this.api('GET', `/rest/db/completion?folder=${encodeURIComponent(folder)}&device=${other.deviceId}`)) as { completion: number; needItems: number }
    return status.state === 'idle' && status.needTotalItems === 0 && completion.completion === 100 && completion.needItems === 0
  }

  /** The top-level names Syncthing holds for the folder (what it carries between computers). */
  async globalNames(folder: string): Promise<string[]> {
    const tree = (await this.api('GET', `/rest/db/browse?folder=${encodeURIComponent(folder)}&levels=0`)) as unknown
    if (Array.isArray(tree)) return tree.map((e) => String((e as { name?: unknown }).name))
    return Object.keys(tree as Record<string, unknown>)
  }

  /** Asks Syncthing to shut down, and kills it if it has not exited within 5 s. Always resolves. */
  async stop(): Promise<void> {
    const child = this.#process
    if (child === null || child.exitCode !== null) return
    await this.api('POST', '/rest/system/shutdown').catch(() => undefined)
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
    await this.#exited
    clearTimeout(timer)
    this.#process = null
  }
}

export async function until(what: string, check: () => Promise<boolean> | boolean, ms: number): Promise<void> {
  const end = Date.now() + ms
  for (;;) {
    if (await check()) return
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting until ${what}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}
