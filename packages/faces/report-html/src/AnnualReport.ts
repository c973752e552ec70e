/**
 * An organisation's annual report as one self-contained HTML file: every report result as a
 * chart (drawn by Observable Plot, whose code is inlined) and as a data table, in the
 * organisation's language, grouped by the three Results-Based Accountability questions. It
 * opens offline and makes no network request (its Content-Security-Policy forbids any).
 *
 * The file shows exactly the cells of the results it is given: a suppressed cell is shown as
 * "suppressed" in the chart and the table, and no count is computed here (totals are the
 * results' own, suppressed where they are).
 *
 * @since 0.2.0
 */
import type { Language, Plugin, ReportResult, Store, Suppression } from "@pomoc/core"
import { Effect, Schema } from "effect"
import { chartCode } from "./internal/assets.js"
import { clientScript } from "./internal/client.js"
import { escape, scriptJson } from "./internal/html.js"
import { type Texts, texts } from "./internal/texts.js"
import { builtin, type ValueLabel } from "./ValueLabels.js"

/**
 * What goes into an annual report.
 *
 * @since 0.2.0
 * @category models
 */
export interface Input {
  /** The organisation's name, as it should appear on the title page. */
  readonly organisation: string
  /** The language of the whole report: headings, explanations, labels, numbers and dates. */
  readonly language: Language
  /** The period the results cover: ISO dates, `to` exclusive (as `Report.run` takes them). */
  readonly period: { readonly from: string; readonly to: string }
  /** The results to show, as `Report.run` (or the case-work API's `report`) returns them. */
  readonly results: ReadonlyArray<ReportResult>
  /** A title instead of "Annual report" in the report's language. */
  readonly title?: string
  /** Display names of the services the results are scoped to, by service id. */
  readonly services?: Readonly<Record<string, string>>
  /** Words for the values the results group by, e.g. `ValueLabels.fromRegistry(registry)`. */
  readonly valueLabel?: ValueLabel
}

/**
 * The chart library could not be read from the installed packages (`d3`,
 * `@observablehq/plot`), so no self-contained file can be made.
 *
 * @since 0.2.0
 * @category errors
 */
export class ChartLibraryMissing
  extends Schema.TaggedError<ChartLibraryMissing>("@pomoc/report-html/ChartLibraryMissing")(
    "ChartLibraryMissing",
    { reason: Schema.String }
  )
{
  override get message(): string {
    return `The chart library could not be read: ${this.reason}`
  }
}

const questions: ReadonlyArray<Plugin.ReportQuestion> = ["how-much", "how-well", "better-off"]

/** The last day of a period whose `to` is exclusive. */
const lastDay = (to: string): Date => new Date(Date.parse(to.length === 10 ? `${to}T00:00:00Z` : to) - 1)
const firstDay = (from: string): Date => new Date(Date.parse(from.length === 10 ? `${from}T00:00:00Z` : from))

interface Words {
  readonly t: Texts
  readonly number: (n: number) => string
  readonly value: (dimension: string, value: Store.FacetValue) => string
  readonly dimension: (name: string) => string
  readonly cell: (cell: Suppression.Cell) => string
  /** A rate's share as a percentage, "suppressed" where hidden, a dash where nobody was counted. */
  readonly share: (share: number | null, hidden: boolean) => string
}

const wordsFor = (input: Input): Words => {
  const t = texts[input.language]
  const format = new Intl.NumberFormat(input.language)
  const percent = new Intl.NumberFormat(input.language, { style: "percent", maximumFractionDigits: 1 })
  return {
    t,
    number: (n) => format.format(n),
    // The outcome columns of rates and change per person are core's, never a plugin's codes.
    value: (dimension, value) =>
      (dimension === "rate" || dimension === "change"
        ? undefined
        : input.valueLabel?.(dimension, value, input.language)) ?? builtin(dimension, value, input.language),
    dimension: (name) => t.dimensions[name] ?? name,
    cell: (cell) => (cell._tag === "Value" ? format.format(cell.count) : t.suppressed),
    share: (share, hidden) => (share !== null ? percent.format(share) : hidden ? t.suppressed : "–")
  }
}

const sumLabel = (facet: string, w: Words): string => w.t.sums[facet] ?? `${w.t.measures.sum}: ${facet}`

const measureLabel = (result: ReportResult, w: Words): string =>
  result.measure === "records" ?
    w.t.measures.records
    : result.measure === "people" ?
    w.t.measures.people
    : "sum" in result.measure ?
    sumLabel(result.measure.sum, w)
    // A rate of two sums splits its whole (the people reached) into the part and the rest.
    : "rate" in result.measure && result.measure.rate.sum !== undefined ?
    sumLabel(result.measure.rate.sum.whole, w)
    // Rates count records in their columns, change per person people.
    : "rate" in result.measure && result.measure.rate.of !== "people" ?
    w.t.measures.records
    : w.t.measures.people

const count = (cell: Suppression.Cell): number | null => (cell._tag === "Value" ? cell.count : null)

/** Room for the longest axis label (shortened to 36 characters by the page; about 7.5 px each at 13 px). */
const margin = (labels: ReadonlyArray<string>): number =>
  Math.round(Math.max(60, 14 + 7.5 * Math.min(36, Math.max(0, ...labels.map((l) => l.length)))))

const overlapping = (result: ReportResult): boolean => {
  const table = result.table
  const names = table._tag === "OneWay" ? [table.dimension.name] : [table.rows.name, table.columns.name]
  return result.measure === "people" || names.includes("tag")
}

const chartSpec = (result: ReportResult, w: Words, title: string) => {
  const table = result.table
  const description = `${w.t.dataTable}: ${w.t.total} ${w.cell(table.total)}`
  if (table._tag === "OneWay") {
    const items = table.cells.map((cell, i) => ({
      key: String(i),
      keyLabel: w.value(table.dimension.name, table.dimension.values[i] ?? null),
      count: count(cell),
      text: w.cell(cell)
    }))
    return {
      type: "bars",
      title,
      description,
      measure: measureLabel(result, w),
      suppressed: w.t.suppressed,
      marginLeft: margin(items.map((d) => d.keyLabel)),
      items
    }
  }
  const rowLabels = table.rows.values.map((v) => w.value(table.rows.name, v))
  const columnLabels = table.columns.values.map((v) => w.value(table.columns.name, v))
  const items = table.cells.flatMap((row, r) =>
    row.map((cell, c) => ({
      row: `r${r}`,
      rowLabel: rowLabels[r]!,
      column: `c${c}`,
      columnLabel: columnLabels[c]!,
      count: count(cell),
      text: w.cell(cell)
    }))
  )
  const longestColumn = Math.min(36, Math.max(0, ...columnLabels.map((l) => l.length)))
  return {
    type: "cells",
    title,
    description,
    suppressed: w.t.suppressed,
    marginLeft: margin(rowLabels),
    marginTop: longestColumn > 12 ? Math.min(160, 20 + 6 * longestColumn) : 30,
    rows: rowLabels.map((_, r) => `r${r}`),
    columns: columnLabels.map((_, c) => `c${c}`),
    items
  }
}

const td = (cell: Suppression.Cell, w: Words): string =>
  cell._tag === "Value" ? `<td>${w.number(cell.count)}</td>` : `<td class="suppressed">${escape(w.t.suppressed)}</td>`

const dataTable = (result: ReportResult, w: Words, title: string): string => {
  const table = result.table
  // A one-way table names its measure in its column head; a two-way table (rates among them) in its caption.
  const caption = `<caption>${escape(w.t.dataTable)}: ${escape(title)}${
    table._tag === "OneWay" ? "" : ` (${escape(measureLabel(result, w))})`
  }</caption>`
  if (table._tag === "OneWay") {
    const head = `<thead><tr><th scope="col">${escape(w.dimension(table.dimension.name))}</th><th scope="col">${
      escape(measureLabel(result, w))
    }</th></tr></thead>`
    const rows = table.cells.map((cell, i) =>
      `<tr><th scope="row">${escape(w.value(table.dimension.name, table.dimension.values[i] ?? null))}</th>${
        td(cell, w)
      }</tr>`
    )
    const foot = `<tfoot><tr><th scope="row">${escape(w.t.total)}</th>${td(table.total, w)}</tr></tfoot>`
    return `<table>${caption}${head}<tbody>${rows.join("")}</tbody>${foot}</table>`
  }
  const columns = table.columns.values.map((v) => `<th scope="col">${escape(w.value(table.columns.name, v))}</th>`)
    .join("")
  const corner = `${escape(w.dimension(table.rows.name))} / ${escape(w.dimension(table.columns.name))}`
  // A rate's share of each row (the numerator over the row total), as core computed it.
  const rates = result.rates
  const share = (value: number | null | undefined, numerator: Suppression.Cell, all: Suppression.Cell) =>
    rates === undefined
      ? ""
      : `<td class="share">${escape(w.share(value ?? null, numerator._tag !== "Value" || all._tag !== "Value"))}</td>`
  const head = `<thead><tr><th scope="col">${corner}</th>${columns}<th scope="col">${escape(w.t.total)}</th>${
    rates === undefined ? "" : `<th scope="col">${escape(w.t.share)}</th>`
  }</tr></thead>`
  const rows = table.cells.map((row, r) =>
    `<tr><th scope="row">${escape(w.value(table.rows.name, table.rows.values[r] ?? null))}</th>${
      row.map((cell) => td(cell, w)).join("")
    }${td(table.rowTotals[r]!, w)}${share(rates?.rows[r], row[0]!, table.rowTotals[r]!)}</tr>`
  )
  const foot = `<tfoot><tr><th scope="row">${escape(w.t.total)}</th>${
    table.columnTotals.map((cell) => td(cell, w)).join("")
  }${td(table.total, w)}${share(rates?.total, table.columnTotals[0]!, table.total)}</tr></tfoot>`
  return `<table>${caption}${head}<tbody>${rows.join("")}</tbody>${foot}</table>`
}

const figure = (result: ReportResult, index: number, input: Input, w: Words): string => {
  const title = result.labels[input.language]
  const serviceId = result.scope.serviceId
  const service = serviceId === undefined ? undefined : input.services?.[serviceId] ?? serviceId
  const notes = [
    ...(service !== undefined ? [`<p class="scope">${escape(service)}</p>`] : []),
    `<p class="note">${escape(w.t.suppression(result.threshold))}${
      overlapping(result) ? ` ${escape(w.t.overlapping)}` : ""
    }</p>`
  ]
  return [
    `<figure id="report-${index + 1}" data-chart data-report-id="${escape(result.reportId)}">`,
    `<figcaption><h3>${escape(title)}</h3>${notes.join("")}</figcaption>`,
    `<div class="chart"></div>`,
    `<script type="application/json">${scriptJson(chartSpec(result, w, title))}</script>`,
    dataTable(result, w, title),
    `</figure>`
  ].join("\n")
}

const style = `
:root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #1a1a1a; }
body { margin: 0; background: #fafafa; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; background: #fff; }
h1 { margin: 0 0 .25rem; font-size: 2rem; }
h2 { margin-top: 2.5rem; border-bottom: 2px solid #2f6690; padding-bottom: .25rem; }
h3 { margin: 0 0 .25rem; font-size: 1.1rem; }
.organisation { font-size: 1.25rem; margin: 0; }
.period { color: #444; margin: .25rem 0 0; }
.about { background: #f1f5f9; padding: .75rem 1rem; border-radius: .5rem; margin-top: 1.5rem; }
.about p { margin: .5rem 0; }
.about h2 { margin-top: .25rem; }
figure { margin: 2rem 0; }
figcaption p { margin: .1rem 0; color: #444; font-size: .9rem; }
.chart { overflow-x: auto; margin: .75rem 0; }
table { border-collapse: collapse; font-size: .9rem; margin-top: .5rem; }
caption { text-align: left; font-weight: 600; padding-bottom: .25rem; }
th, td { border: 1px solid #ccd; padding: .2rem .6rem; text-align: left; }
td { text-align: right; font-variant-numeric: tabular-nums; }
td.suppressed { font-style: italic; color: #555; }
tfoot th, tfoot td { font-weight: 600; }
footer { margin-top: 3rem; color: #555; font-size: .85rem; }
`

/**
 * Renders an annual report to the text of one HTML file. Fails only when the chart library is
 * not installed.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { writeFileSync } from "node:fs"
 * import { AnnualReport } from "@pomoc/report-html"
 * const program = Effect.gen(function*() {
 *   const html = yield* AnnualReport.render({
 *     organisation: "Ostrov, z. s.", language: "cs", period: { from: "2026-01-01", to: "2027-01-01" },
 *     results: [] // the results of Report.run, one per report definition
 *   })
 *   writeFileSync("annual-report-2026.html", html)
 * })
 * ```
 * @since 0.2.0
 * @category constructors
 */
export const render = Effect.fn("AnnualReport.render")(
  function*(input: Input): Effect.fn.Return<string, ChartLibraryMissing> {
    const code = yield* Effect.try({ try: chartCode, catch: (e) => new ChartLibraryMissing({ reason: String(e) }) })
    const w = wordsFor(input)
    const t = w.t
    const title = input.title ?? t.title
    const dates = new Intl.DateTimeFormat(input.language, {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC"
    })
    const period = `${dates.format(firstDay(input.period.from))} – ${dates.format(lastDay(input.period.to))}`
    let index = 0
    const sections = questions.map((question) => {
      const results = input.results.filter((r) => r.question === question)
      const figures = results.map((r) => figure(r, index++, input, w))
      return [
        `<section id="${question}" aria-labelledby="${question}-heading">`,
        `<h2 id="${question}-heading">${escape(t.questions[question])}</h2>`,
        ...(figures.length === 0 ? [`<p>${escape(t.noReports)}</p>`] : figures),
        `</section>`
      ].join("\n")
    })
    const thresholds = [...new Set(input.results.map((r) => r.threshold))].sort((a, b) => a - b)
    return [
      `<!doctype html>`,
      `<html lang="${input.language}">`,
      `<head>`,
      `<meta charset="utf-8">`,
      `<meta name="viewport" content="width=device-width, initial-scale=1">`,
      // Nothing may be fetched: the file must open offline and tell nobody that it was opened.
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">`,
      `<meta name="generator" content="Pomoc @pomoc/report-html; Observable Plot ${escape(code.plotVersion)}">`,
      `<title>${escape(title)}: ${escape(input.organisation)}</title>`,
      `<style>${style}</style>`,
      `</head>`,
      `<body>`,
      `<main>`,
      `<header><h1>${escape(title)}</h1><p class="organisation">${escape(input.organisation)}</p><p class="period">${
        escape(t.period)
      }: ${escape(period)}</p></header>`,
      `<section class="about" aria-labelledby="about-heading"><h2 id="about-heading">${escape(t.howToRead)}</h2>`,
      ...thresholds.map((threshold) => `<p>${escape(t.suppression(threshold))}</p>`),
      `<p>${escape(t.zero)}</p><p>${escape(t.totals)}</p></section>`,
      ...sections,
      `<footer><p>${escape(t.madeWith)}</p></footer>`,
      `</main>`,
      `<script>${code.d3}</script>`,
      `<script>${code.plot}</script>`,
      `<script>${clientScript}</script>`,
      `</body>`,
      `</html>`,
      ``
    ].join("\n")
  }
)
