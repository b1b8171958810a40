import type { ComplianceViewValue } from '../../../../shared/channels/reports'
import { FigureButton } from './figure-link'

type Chart = ComplianceViewValue['charts'][number]

// The same SVG the DOCX embeds (drawn in the core, no chart library), shown as an image; the table
// beside it holds the same numbers for screen readers and keyboard users, each linking to its requests.
const dataUri = (svg: string): string => `data:image/svg+xml;base64,${btoa(unescape(encodeURIComponent(svg)))}`

export function ReportCharts({ charts, onShow }: { charts: ReadonlyArray<Chart>; onShow: (title: string, ids: ReadonlyArray<string>) => void }) {
  return (
    <div className="report-charts">
      {charts.map((c) => (
        <figure key={c.id} className="panel report-chart" data-testid={`chart-${c.id}`}>
          <img src={dataUri(c.svg)} alt={`${c.title}. ${c.summary}`} width={640} height={280} className="report-chart__image" />
          <figcaption>{c.summary}</figcaption>
          <table className="simple-table">
            <caption className="visually-hidden">{c.title}: the chart's numbers</caption>
            <thead>
              <tr>
                <th scope="col">{c.title}</th>
                <th scope="col">{c.unit}</th>
                <th scope="col">Requests</th>
              </tr>
            </thead>
            <tbody>
              {c.bars.map((b) => (
                <tr key={b.label}>
                  <th scope="row">{b.label}</th>
                  <td>{b.note}</td>
                  <td>
                    <FigureButton label={`${c.title}, ${b.label}`} ids={b.ids} onShow={onShow} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </figure>
      ))}
    </div>
  )
}
