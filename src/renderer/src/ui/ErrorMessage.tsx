type Props = { message: string | null | undefined; title?: string }

/** A failure a person can act on, announced to screen readers. Renders nothing without a message. */
export function ErrorMessage({ message, title }: Props) {
  if (!message) return null
  return (
    <div className="error-message" role="alert">
      {title && <strong>{title} </strong>}
      {message}
    </div>
  )
}

/** A quiet confirmation that something worked. */
export function Notice({ message }: { message: string | null | undefined }) {
  if (!message) return null
  return (
    <div className="notice" role="status">
      {message}
    </div>
  )
}
