/** A figure's count as a button that lists the requests behind it. */
export function FigureButton({ label, ids, onShow }: { label: string; ids: ReadonlyArray<string>; onShow: (title: string, ids: ReadonlyArray<string>) => void }) {
  return (
    <button type="button" className="link-button" onClick={() => onShow(label, ids)} aria-label={`${label}: show the ${ids.length} request${ids.length === 1 ? '' : 's'}`}>
      {ids.length} request{ids.length === 1 ? '' : 's'}
    </button>
  )
}
