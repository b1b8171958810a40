type Props = { pageIndex: number; pageCount: number; total: number; pageSize: number; onChange: (pageIndex: number) => void }

/** "Cases 101–200 of 10,000" with first / previous / next / last. */
export function Pager({ pageIndex, pageCount, total, pageSize, onChange }: Props) {
  if (total === 0) return null
  const from = pageIndex * pageSize + 1
  const to = Math.min(total, from + pageSize - 1)
  return (
    <nav className="pager" aria-label="Pages">
      <span className="pager__status" aria-live="polite" data-testid="pager-status">
        Cases {from.toLocaleString('en-US')}–{to.toLocaleString('en-US')} of {total.toLocaleString('en-US')}
      </span>
      {pageCount > 1 && (
        <span className="pager__buttons">
          <button type="button" className="button button--small" onClick={() => onChange(0)} disabled={pageIndex === 0} aria-label="First page">
            First
          </button>
          <button type="button" className="button button--small" onClick={() => onChange(pageIndex - 1)} disabled={pageIndex === 0} aria-label="Previous page">
            Previous
          </button>
          <span className="pager__page">
            Page {pageIndex + 1} of {pageCount}
          </span>
          <button type="button" className="button button--small" onClick={() => onChange(pageIndex + 1)} disabled={pageIndex >= pageCount - 1} aria-label="Next page">
            Next
          </button>
          <button type="button" className="button button--small" onClick={() => onChange(pageCount - 1)} disabled={pageIndex >= pageCount - 1} aria-label="Last page">
            Last
          </button>
        </span>
      )}
    </nav>
  )
}
