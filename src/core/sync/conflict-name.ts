// Syncthing keeps the losing side of a concurrent edit beside the file as
// `<name>.sync-conflict-<YYYYMMDD>-<HHMMSS>-<first 7 characters of the device id>.<ext>`.
// A conflict of a conflict copy nests the marker, so the original is what precedes the FIRST one.
const MARKER = /\.sync-conflict-(\d{8})-(\d{6})-([A-Z0-9]{7})/

export type ConflictName = {
  /** The file the copy belongs to, e.g. `case-1.json`. */
  original: string
  /** When Syncthing made the copy, as an ISO instant (its name is in UTC). */
  madeAt: string
  /** The first 7 characters of the Syncthing device id whose edit lost. */
  syncDevice: string
}

/** Parses a conflict copy's file name (no folder); null when it is not one. */
export function parseConflictName(name: string): ConflictName | null {
  const m = MARKER.exec(name)
  if (m === null || m.index === 0) return null
  const [marker, date, time, device] = m as unknown as [string, string, string, string]
  const stem = name.slice(0, m.index)
  // Everything after the last marker is the extension Syncthing kept (".json", or "" for none).
  const tail = name.slice(m.index + marker.length).replace(new RegExp(MARKER.source, 'g'), '')
  const madeAt = `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4, 6)}.000Z`
  return { original: `${stem}${tail}`, madeAt, syncDevice: device }
}

export const isConflictName = (name: string): boolean => parseConflictName(name) !== null
