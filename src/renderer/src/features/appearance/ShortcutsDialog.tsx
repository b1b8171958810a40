import { COMMANDS } from '../../app/commands'
import { Dialog } from '../../ui/Dialog'

/** The list of keyboard shortcuts, opened with "?" or Help › Keyboard shortcuts. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} size="small" testId="shortcuts-dialog">
      <p className="hint shortcut-list__hint">
        They work whenever the cursor is not in a field. The same commands are in the menu.
      </p>
      <dl className="shortcut-list">
        {COMMANDS.map((c) => (
          <div key={c.id} className="shortcut-list__row">
            <dt>
              <kbd>{c.shown}</kbd>
            </dt>
            <dd>{c.label.replace(/…$/, '')}</dd>
          </div>
        ))}
        <dt>
          <kbd>Esc</kbd>
        </dt>
        <dd>Close a dialog</dd>
      </dl>
    </Dialog>
  )
}
