// The window opens where it was closed, at the size it had. The file is in Electron's userData
// folder (not the data folder: it is this computer's, not the caseload's), read through zod, and a
// position no display shows any more (a monitor unplugged) is dropped so the window opens centred.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { z } from 'zod'

export const MIN_WIDTH = 900
export const MIN_HEIGHT = 600
export const DEFAULT_SIZE = { width: 1280, height: 820 }
/** How much of the window must lie on some display for its old position to be kept. */
const MIN_VISIBLE = { width: 160, height: 80 }

const px = z.number().int().min(-100_000).max(100_000)
export const WindowStateSchema = z.strictObject({
  x: px.optional(),
  y: px.optional(),
  width: z.number().int().min(MIN_WIDTH).max(20_000),
  height: z.number().int().min(MIN_HEIGHT).max(20_000),
  maximized: z.boolean().default(false)
})
export type WindowState = z.infer<typeof WindowStateSchema>

type Rect = { x: number; y: number; width: number; height: number }

export const windowStateFile = (userData: string): string => join(userData, 'window-state.json')

/** The saved state, or the defaults when there is none or it does not parse. */
export function readWindowState(file: string): WindowState {
  try {
    const parsed = WindowStateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')))
    if (parsed.success) return parsed.data
  } catch {
    // No file yet, or not JSON: the defaults.
  }
  return { ...DEFAULT_SIZE, maximized: false }
}

const overlap = (a: Rect, b: Rect) => ({
  width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
  height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
})

/** The state made to fit today's displays (their work areas): sizes no larger than the largest, positions on screen. */
export function fitToDisplays(state: WindowState, workAreas: ReadonlyArray<Rect>): WindowState {
  if (workAreas.length === 0) return state
  const widest = Math.max(...workAreas.map((a) => a.width))
  const tallest = Math.max(...workAreas.map((a) => a.height))
  const width = Math.max(MIN_WIDTH, Math.min(state.width, widest))
  const height = Math.max(MIN_HEIGHT, Math.min(state.height, tallest))
  const sized: WindowState = { width, height, maximized: state.maximized }
  if (state.x === undefined || state.y === undefined) return sized
  const rect = { x: state.x, y: state.y, width, height }
  const shown = workAreas.some((area) => {
    const o = overlap(rect, area)
    // The title bar must be reachable: the top edge inside the display.
    return o.width >= MIN_VISIBLE.width && o.height >= MIN_VISIBLE.height && rect.y >= area.y && rect.y < area.y + area.height
  })
  return shown ? { ...sized, x: state.x, y: state.y } : sized
}

/**
 * Writes the state beside its final name first, so a crash mid-write leaves the old file whole.
 * Synchronous: it runs as the window closes, and the app may quit right after.
 */
export function saveWindowState(file: string, state: WindowState): void {
  const checked = WindowStateSchema.safeParse(state)
  if (!checked.success) return
  const temp = `${file}.tmp-${process.pid}`
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(temp, JSON.stringify(checked.data))
  renameSync(temp, file)
}
