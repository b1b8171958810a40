// Display names of the computers sharing a folder: devices/<device id>.json, one small file each,
// written only by its own computer and only when its name changes (so it never conflicts and is
// never rewritten on an edit). Encrypted like every record in an encrypted folder.
import { hostname } from 'node:os'
import { z } from 'zod'
import { encodeEnvelope, parseEnvelope } from '../envelope'
import type { FileIo } from '../file-io'
import { DEVICES_DIR } from '../layout'

export { DEVICES_DIR }
const DeviceNameSchema = z.object({ name: z.string().trim().min(1).max(100) })
const fileOf = (deviceId: string): string => `${DEVICES_DIR}/${deviceId}.json`

export const defaultDeviceName = (): string => hostname() || 'this computer'

export class DeviceNames {
  readonly #names = new Map<string, string>()

  constructor(readonly io: FileIo) {}

  get(deviceId: string): string | null {
    return this.#names.get(deviceId) ?? null
  }

  async load(): Promise<void> {
    for (const name of await this.io.list(DEVICES_DIR)) {
      if (name.endsWith('.json') && !name.startsWith('.')) await this.reload(name.slice(0, -5))
    }
  }

  async reload(deviceId: string): Promise<void> {
    const rel = fileOf(deviceId)
    const raw = await this.io.readRaw(rel).catch(() => null)
    if (raw === null) return
    try {
      const parsed = DeviceNameSchema.safeParse(parseEnvelope(this.io.cipher.decrypt(rel, raw)).data)
      if (parsed.success) this.#names.set(deviceId, parsed.data.name)
    } catch {
      // an unreadable name only means the id is shown instead
    }
  }

  /** Writes this computer's name if it is not already the one on disk. */
  async claim(deviceId: string, name: string): Promise<void> {
    const clean = DeviceNameSchema.parse({ name }).name
    if (this.#names.get(deviceId) === clean) return
    const rel = fileOf(deviceId)
    const bytes = encodeEnvelope({ schemaVersion: 1, rev: 1, deviceId, updatedAt: this.io.now().toISOString(), data: { name: clean } })
    await this.io.writeRaw(rel, this.io.cipher.encrypt(rel, bytes))
    this.#names.set(deviceId, clean)
  }
}
