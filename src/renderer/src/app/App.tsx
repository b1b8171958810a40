import { AppInfoBar } from '../features/about/AppInfoBar'

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>Access Advocate</h1>
      </header>
      <main className="app-main" id="main">
        <p>Your caseload will appear here.</p>
      </main>
      <AppInfoBar />
    </div>
  )
}
