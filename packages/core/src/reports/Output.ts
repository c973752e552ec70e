/**
 * A report result as people read it: labelled rows and columns in a language, and the same as
 * JSON and as CSV (RFC 4180, UTF-8 with a byte order mark so that spreadsheets read it as
 * UTF-8). Only what the result shows is written: a suppressed cell stays suppressed.
 *
 * @since 0.2.0
 */
import type { Language } from "../model/Common.js"
import type { FacetValue } from "../Store.js"
import type { ReportResult } from "./Report.js"
import type * as Suppression from "./Suppression.js"

/**
 * Words for one value of one dimension in a language, or `undefined` for the built-in words
 * (`null` as "not stated", booleans as yes/no, outcome columns by name, anything else as it is).
 * @since 0.2.0
 * @category models
 */
export type ValueLabel = (dimension: string, value: FacetValue, language: Language) => string | undefined

/**
 * How to label a result.
 * @since 0.2.0
 * @category models
 */
export interface LabelOptions {
  readonly language: Language
  /** Words for dimension values (e.g. a plugin's taxonomy labels). */
  readonly valueLabel?: ValueLabel
  /** Words for dimension names, by name (default: the name itself). */
  readonly dimensionLabels?: Readonly<Record<string, string>>
}

/**
 * One labelled row: the labels of its row values, its cells (`null` where suppressed), its
 * total and, for rates, its share.
 * @since 0.2.0
 * @category models
 */
export interface LabelledRow {
  readonly labels: ReadonlyArray<string>
  readonly cells: ReadonlyArray<number | null>
  readonly total: number | null
  readonly rate?: number | null
}

/**
 * A result with labelled rows and columns in one language: the data structure CSV and JSON are
 * written from, and that an HTML report can render as a table.
 * @since 0.2.0
 * @category models
 */
export interface LabelledTable {
  readonly reportId: string
  readonly title: string
  readonly language: Language
  /** The headings of the row-label columns (one per row dimension). */
  readonly rowHeadings: ReadonlyArray<string>
  /** The headings of the value columns. */
  readonly columns: ReadonlyArray<string>
  readonly rows: ReadonlyArray<LabelledRow>
  /** The column totals (`null` where suppressed) and the grand total. */
  readonly totals: LabelledRow
  readonly scope: ReportResult["scope"]
  readonly threshold: number
}

const words: Readonly<Record<Language, Readonly<Record<string, string>>>> = {
  en: {
    none: "not stated",
    yes: "yes",
    no: "no",
    total: "Total",
    rate: "Share",
    numerator: "in the numerator",
    rest: "others",
    improved: "improved",
    same: "same",
    worse: "worse",
    value: "Count"
  },
  cs: {
    none: "neuvedeno",
    yes: "ano",
    no: "ne",
    total: "Celkem",
    rate: "Podíl",
    numerator: "v čitateli",
    rest: "ostatní",
    improved: "zlepšení",
    same: "beze změny",
    worse: "zhoršení",
    value: "Počet"
  },
  lt: {
    none: "nenurodyta",
    yes: "taip",
    no: "ne",
    total: "Iš viso",
    rate: "Dalis",
    numerator: "skaitiklyje",
    rest: "kiti",
    improved: "pagerėjo",
    same: "nepasikeitė",
    worse: "pablogėjo",
    value: "Skaičius"
  },
  bg: {
    none: "не е посочено",
    yes: "да",
    no: "не",
    total: "Общо",
    rate: "Дял",
    numerator: "в числителя",
    rest: "други",
    improved: "подобрение",
    same: "без промяна",
    worse: "влошаване",
    value: "Брой"
  }
}

const valueOf = (cell: Suppression.Cell | undefined): number | null => (cell?._tag === "Value" ? cell.count : null)

/**
 * Labels a result in a language.
 * @since 0.2.0
 * @category combinators
 */
export const labelled = (result: ReportResult, options: LabelOptions): LabelledTable => {
  const w = words[options.language]
  const label = (dimension: string, value: FacetValue): string => {
    const own = options.valueLabel?.(dimension, value, options.language)
    if (own !== undefined) return own
    if (value === null) return w.none!
    if (typeof value === "boolean") return value ? w.yes! : w.no!
    if ((dimension === "rate" || dimension === "change") && typeof value === "string") return w[value] ?? value
    return String(value)
  }
  const heading = (name: string) => options.dimensionLabels?.[name] ?? name
  const table = result.table
  const rowNames = table._tag === "OneWay" ? [table.dimension.name] : table.rows.name.split(" × ")
  const rowValues = table._tag === "OneWay" ? table.dimension.values : table.rows.values
  const keys = result.rowKeys ?? rowValues.map((v) => [v])
  const rowLabels = (i: number) => keys[i]!.map((v, k) => label(rowNames[k] ?? rowNames[0]!, v))
  const base = {
    reportId: result.reportId,
    title: result.labels[options.language],
    language: options.language,
    rowHeadings: rowNames.map(heading),
    scope: result.scope,
    threshold: result.threshold
  }
  if (table._tag === "OneWay") {
    return {
      ...base,
      columns: [w.value!],
      rows: table.cells.map((c, i) => ({ labels: rowLabels(i), cells: [valueOf(c)], total: valueOf(c) })),
      totals: { labels: [w.total!], cells: [valueOf(table.total)], total: valueOf(table.total) }
    }
  }
  const rates = result.rates
  return {
    ...base,
    columns: table.columns.values.map((v) => label(table.columns.name, v)),
    rows: table.cells.map((cells, i) => ({
      labels: rowLabels(i),
      cells: cells.map(valueOf),
      total: valueOf(table.rowTotals[i]),
      ...(rates !== undefined ? { rate: rates.rows[i] ?? null } : {})
    })),
    totals: {
      labels: [w.total!],
      cells: table.columnTotals.map(valueOf),
      total: valueOf(table.total),
      ...(rates !== undefined ? { rate: rates.total } : {})
    }
  }
}

/**
 * One CSV field (RFC 4180): quoted when it is empty, holds a comma, a quote or a line break, or
 * starts or ends with white space; quotes doubled.
 * @since 0.2.0
 * @category combinators
 */
export const csvField = (field: string): string =>
  field === "" || /[",\r\n]|^\s|\s$/.test(field) ? `"${field.replaceAll("\"", "\"\"")}"` : field

/**
 * Lines of fields as CSV text (RFC 4180: CRLF line ends), with a UTF-8 byte order mark first.
 * @since 0.2.0
 * @category combinators
 */
export const csvOf = (lines: ReadonlyArray<ReadonlyArray<string>>): string =>
  "\uFEFF" + lines.map((line) => line.map(csvField).join(",")).join("\r\n") + "\r\n"

/**
 * A result as CSV: a heading line, one line per row and a totals line; suppressed cells are
 * written as `suppressed` (an option), rates as decimals with a dot.
 *
 * @example
 * ```ts
 * import { Report, ReportOutput } from "@pomoc/core"
 * declare const result: Report.ReportResult
 * const csv = ReportOutput.toCsv(result, { language: "cs" }) // "\uFEFFtag,Počet,…\r\n…"
 * ```
 * @since 0.2.0
 * @category combinators
 */
export const toCsv = (result: ReportResult, options: LabelOptions & { readonly suppressed?: string }): string => {
  const t = labelled(result, options)
  const mark = options.suppressed ?? "x"
  const hasRate = t.totals.rate !== undefined
  const w = words[options.language]
  const number = (n: number | null | undefined) => (n === null || n === undefined ? mark : String(n))
  const width = t.rowHeadings.length
  const pad = (labels: ReadonlyArray<string>) => [...labels, ...Array.from({ length: width - labels.length }, () => "")]
  const line = (row: LabelledRow) => [
    ...pad(row.labels),
    ...row.cells.map(number),
    ...(t.columns.length > 1 ? [number(row.total)] : []),
    ...(hasRate ? [number(row.rate)] : [])
  ]
  return csvOf([
    [...t.rowHeadings, ...t.columns, ...(t.columns.length > 1 ? [w.total!] : []), ...(hasRate ? [w.rate!] : [])],
    ...t.rows.map(line),
    line(t.totals)
  ])
}

/**
 * A result as JSON text: the labelled table together with the result itself.
 * @since 0.2.0
 * @category combinators
 */
export const toJson = (result: ReportResult, options: LabelOptions): string =>
  JSON.stringify({ labelled: labelled(result, options), result }, null, 2)
