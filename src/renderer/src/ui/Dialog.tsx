import { useEffect, useId, useRef, type ReactNode } from 'react'

type Props = {
  title: string
  onClose: () => void
  children: ReactNode
  /** Wider dialogs for forms with many fields. */
  size?: 'small' | 'medium' | 'large'
  testId?: string
}

/**
 * A modal dialog on the native <dialog> element: focus stays inside, Escape closes it, and focus
 * returns to what opened it.
 */
export function Dialog({ title, onClose, children, size = 'medium', testId }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const onCloseRef = useRef(onClose)
  useEffect(() => {
    onCloseRef.current = onClose
  })
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (!dialog.open) dialog.showModal()
    // Start where the typing starts: the first field of the body, not the close button.
    const first = dialog.querySelector<HTMLElement>('.dialog__body :is(input, select, textarea):not([disabled])')
    first?.focus()
    return () => {
      if (dialog.open) dialog.close()
      opener?.focus()
    }
  }, [])
  return (
    <dialog
      ref={ref}
      className={`dialog dialog--${size}`}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(e) => {
        // Escape: let React decide (the parent unmounts us), never a half-closed native dialog.
        e.preventDefault()
        onCloseRef.current()
      }}
    >
      <header className="dialog__header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="button button--ghost" aria-label="Close" onClick={() => onCloseRef.current()}>
          ×
        </button>
      </header>
      <div className="dialog__body">{children}</div>
    </dialog>
  )
}
