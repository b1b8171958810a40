import type { ComplianceViewValue } from '../../../../shared/channels/reports'
import { FigureButton } from './figure-link'

type Card = ComplianceViewValue['report']['scorecards'][number]

const pct = (s: number | null) => (s === null ? '—' : `${Math.round(s * 100)}%`)

/** Holders ranked by grade, the formula shown beside the grades. */
export function ScorecardTable({ cards, nameOf, onShow }: { cards: ReadonlyArray<Card>; nameOf: (id: string) => string; onShow: (title: string, ids: ReadonlyArray<string>) => void }) {
  if (cards.length === 0) return <p className="muted">No holders in this period.</p>
  return (
    <>
      <p className="muted" data-testid="grade-formula">
        {cards[0]!.formula}
      </p>
      <div className="table-wrap">
        <table className="grid" aria-label="Holders ranked by grade">
          <thead>
            <tr>
              {['Rank', 'Holder', 'Grade', 'Requests', 'Median days', 'On-time share', 'Findings', 'Extensions', 'Fee findings'].map((h) => (
                <th key={h} scope="col" className="grid__th">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {cards.map((c, i) => (
              <tr key={c.organizationId}>
                <td className="grid__td">{i + 1}</td>
                <td className="grid__td cell-primary">{nameOf(c.organizationId)}</td>
                <td className="grid__td">{c.grade ?? 'no grade'}</td>
                <td className="grid__td">
                  <FigureButton label={`${nameOf(c.organizationId)}: requests`} ids={c.requests} onShow={onShow} />
                </td>
                <td className="grid__td">{c.days.median ?? '—'}</td>
                <td className="grid__td">
                  {pct(c.onTime.share)} of {c.onTime.of.length}
                </td>
                <td className="grid__td">{c.findings.total}</td>
                <td className="grid__td">
                  <FigureButton label={`${nameOf(c.organizationId)}: extensions`} ids={c.extensions} onShow={onShow} />
                </td>
                <td className="grid__td">
                  <FigureButton label={`${nameOf(c.organizationId)}: fee findings`} ids={c.feeFindings} onShow={onShow} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
