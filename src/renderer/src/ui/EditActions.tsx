/** The buttons of every edit dialog: save, cancel (forgetting the draft), and undo the edits made so far. */
export function EditActions({ saving, onCancel, onUndo }: { saving: boolean; onCancel: () => void; onUndo: () => void }) {
  return (
    <div className="form__actions">
      <button type="submit" className="button button--primary" disabled={saving}>
        {saving ? 'Saving…' : 'Save changes'}
      </button>
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="button" className="button button--ghost form__actions-end" onClick={onUndo}>
        Undo my edits
      </button>
    </div>
  )
}
