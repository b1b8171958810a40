// Files dropped on the case page go where they were dropped: on an event, to that event; anywhere
// else on the case, to a new note dated today. The window never sees a path: the preload hands
// the dropped files' paths to the main process, which answers with one token per file (the
// files.dropped event), exactly as for files picked in the dialog. Here the innermost zone that
// took the drop claims those tokens.
import { useEffect, useRef, useState, type DragEvent } from 'react'
import type { PickedFile } from '#shared/files'
import { onEvent } from '../../api/push-events'

type Claim = { take: (files: ReadonlyArray<PickedFile>) => void; at: number }

/** A drop whose tokens have not arrived within this long was not a drop of files (text, a link). */
const CLAIM_MS = 10_000

let claim: Claim | null = null
let listening = false

function listen(): void {
  if (listening) return
  listening = true
  onEvent('files.dropped', ({ files }) => {
    const c = claim
    claim = null
    if (c && Date.now() - c.at < CLAIM_MS) c.take(files)
  })
}

/** The zone that received a drop, innermost first (it stops the drop reaching the zones around it). */
export function claimDrop(take: (files: ReadonlyArray<PickedFile>) => void, now = Date.now()): void {
  listen()
  claim = { take, at: now }
}

/** Props for an element that takes dropped files, and whether files are being dragged over it. */
export function useFileDropZone(onFiles: (files: ReadonlyArray<PickedFile>) => void, enabled = true) {
  const [over, setOver] = useState(false)
  const latest = useRef(onFiles)
  useEffect(() => {
    latest.current = onFiles
  })
  useEffect(() => listen(), [])
  const props = enabled
    ? {
        onDragOver: (e: DragEvent) => {
          // Accepting the drag is what lets a file be dropped here (the window never navigates to it).
          e.preventDefault()
          e.stopPropagation()
          setOver(true)
        },
        onDragLeave: (e: DragEvent) => {
          if (e.currentTarget.contains(e.relatedTarget as Node | null)) return
          setOver(false)
        },
        onDrop: (e: DragEvent) => {
          e.preventDefault()
          e.stopPropagation()
          setOver(false)
          claimDrop((files) => latest.current(files))
        }
      }
    : {}
  return { over, props }
}
