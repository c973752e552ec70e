/**
 * What a report result must look like on the page, computed from the result alone (not from the
 * renderer), so the tests compare the page with the data.
 */
import type { Language, ReportResult, Suppression } from "@pomoc/core"

const suppressedWord: Readonly<Record<Language, string>> = {
  en: "suppressed",
  cs: "skryto",
  lt: "paslėpta",
  bg: "скрито"
}

export interface Expected {
  /** The counts drawn, in reading order, formatted in the language. */
  readonly drawn: ReadonlyArray<string>
  /** The raw counts drawn, in the same order. */
  readonly drawnCounts: ReadonlyArray<number>
  /** How many cells are shown as suppressed in the chart. */
  readonly suppressed: number
  /** The data table's cells (`td`), row by row, totals included. */
  readonly tableCells: ReadonlyArray<string>
}

export const expected = (result: ReportResult, language: Language): Expected => {
  const format = new Intl.NumberFormat(language)
  const text = (
    cell: Suppression.Cell
  ) => (cell._tag === "Value" ? format.format(cell.count) : suppressedWord[language])
  const table = result.table
  const inner = table._tag === "OneWay" ? table.cells : table.cells.flat()
  const visible = inner.flatMap((cell) => (cell._tag === "Value" ? [cell.count] : []))
  const tableCells = table._tag === "OneWay"
    ? [...table.cells.map(text), text(table.total)]
    : [
      ...table.cells.flatMap((row, r) => [...row.map(text), text(table.rowTotals[r]!)]),
      ...table.columnTotals.map(text),
      text(table.total)
    ]
  return {
    drawn: visible.map((n) => format.format(n)),
    drawnCounts: visible,
    suppressed: inner.length - visible.length,
    tableCells
  }
}

/** The page groups results by question: how much, how well, better off. */
export const inPageOrder = (results: ReadonlyArray<ReportResult>): Array<ReportResult> =>
  (["how-much", "how-well", "better-off"] as const).flatMap((q) => results.filter((r) => r.question === q))
