import { useDataFolder } from './data-folder'

/** Never let sample cases be mistaken for real ones. */
export function SampleBanner() {
  const { switchTo } = useDataFolder()
  return (
    <div className="banner banner--sample" role="status" data-testid="sample-banner">
      <span>
        <strong>Sample data.</strong> You are exploring a made-up caseload kept in a folder of its own; nothing here is real and your own cases are untouched.
      </span>
      <button type="button" className="button" onClick={() => void switchTo('own')}>
        Back to my data
      </button>
    </div>
  )
}
