// A column's resize handle: drag it, or focus it and use ←/→ (Shift for bigger steps).
import { useRef, type PointerEvent } from 'react'

const MIN = 40
const MAX = 1200

export function ColumnResizer({ label, width, onResize }: { label: string; width: number; onResize: (w: number) => void }) {
  const start = useRef<{ x: number; w: number } | null>(null)
  const clamp = (w: number) => Math.round(Math.max(MIN, Math.min(MAX, w)))
  return (
    <span
      role="separator"
      aria-orientation="vertical"
      aria-label={`Resize ${label}`}
      aria-valuenow={width}
      aria-valuemin={MIN}
      aria-valuemax={MAX}
      tabIndex={0}
      className="column-resizer"
      onClick={(e) => e.stopPropagation()}
      onPointerDown={(e: PointerEvent<HTMLSpanElement>) => {
        e.preventDefault()
        e.currentTarget.setPointerCapture(e.pointerId)
        start.current = { x: e.clientX, w: width }
      }}
      onPointerMove={(e) => {
        if (start.current) onResize(clamp(start.current.w + e.clientX - start.current.x))
      }}
      onPointerUp={() => (start.current = null)}
      onKeyDown={(e) => {
        if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return
        e.preventDefault()
        const step = e.shiftKey ? 40 : 10
        onResize(clamp(width + (e.key === 'ArrowRight' ? step : -step)))
      }}
    />
  )
}
