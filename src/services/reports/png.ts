// SVG → PNG for the DOCX's charts, with resvg (a Rust SVG renderer shipped as prebuilt npm
// packages): no browser, no canvas, the system's fonts for the text.
import { Resvg } from '@resvg/resvg-js'

/** Rendered at twice the SVG's size, so the chart stays sharp when printed. */
const SCALE = 2

export function svgToPng(svg: string): Buffer {
  const r = new Resvg(svg, { fitTo: { mode: 'zoom', value: SCALE }, font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans' } })
  return Buffer.from(r.render().asPng())
}
