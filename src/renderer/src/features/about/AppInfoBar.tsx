import { errorText } from '../../api/error-text'
import { useChannel } from '../../api/queries'

/** Footer that tells the user where their data lives and which version of the rules judges their cases. */
export function AppInfoBar() {
  const info = useChannel('app.info', {})
  if (info.isPending) return <footer className="app-info">Loading…</footer>
  if (info.isError) {
    return (
      <footer className="app-info app-info--error" role="alert">
        {errorText(info.error)}
      </footer>
    )
  }
  return (
    <footer className="app-info" aria-label="Application information">
      <span data-testid="app-version">Access Advocate {info.data.version}</span>
      <span>
        Data folder: <code data-testid="data-dir">{info.data.dataDir}</code>
      </span>
      <span data-testid="rules-version">Rules {info.data.rulesVersion}</span>
    </footer>
  )
}
