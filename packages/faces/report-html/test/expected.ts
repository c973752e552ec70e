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

/** The columns of rates and change per person in words (written here, apart from the renderer). */
const outcomeWords: Readonly<Record<Language, Readonly<Record<string, string>>>> = {
  en: {
    numerator: "counted in the share",
    rest: "the others",
    improved: "improved",
    same: "no change",
    worse: "worse"
  },
  cs: {
    numerator: "započteno do podílu",
    rest: "ostatní",
    improved: "zlepšení",
    same: "beze změny",
    worse: "zhoršení"
  },
  lt: { numerator: "įskaičiuota į dalį", rest: "kiti", improved: "pagerėjo", same: "nepasikeitė", worse: "pablogėjo" },
  bg: {
    numerator: "включени в дела",
    rest: "останалите",
    improved: "подобрение",
    same: "без промяна",
    worse: "влошаване"
  }
}
const shareWord: Readonly<Record<Language, string>> = { en: "Share", cs: "Podíl", lt: "Dalis", bg: "Дял" }

export interface Expected {
  /** The counts drawn, in reading order, formatted in the language. */
  readonly drawn: ReadonlyArray<string>
  /** The raw counts drawn, in the same order. */
  readonly drawnCounts: ReadonlyArray<number>
  /** How many cells are shown as suppressed in the chart. */
  readonly suppressed: number
  /** The data table's cells (`td`), row by row, totals included (and a rate's share). */
  readonly tableCells: ReadonlyArray<string>
  /** For rates and change per person: the column headings the data table must show, in words. */
  readonly outcomeHeadings?: ReadonlyArray<string>
}

export const expected = (result: ReportResult, language: Language): Expected => {
  const format = new Intl.NumberFormat(language)
  const text = (
    cell: Suppression.Cell
  ) => (cell._tag === "Value" ? format.format(cell.count) : suppressedWord[language])
  const table = result.table
  const inner = table._tag === "OneWay" ? table.cells : table.cells.flat()
  const visible = inner.flatMap((cell) => (cell._tag === "Value" ? [cell.count] : []))
  const measure = result.measure
  const rate = typeof measure === "object" && "rate" in measure
  const change = typeof measure === "object" && "change" in measure
  // A rate's share, from the cells shown: the first column over the row total.
  const percent = new Intl.NumberFormat(language, { style: "percent", maximumFractionDigits: 1 })
  const share = (part: Suppression.Cell, all: Suppression.Cell): Array<string> =>
    !rate ? [] : part._tag !== "Value" || all._tag !== "Value"
      ? [suppressedWord[language]]
      : all.count === 0
      ? ["–"]
      : [percent.format(part.count / all.count)]
  const tableCells = table._tag === "OneWay"
    ? [...table.cells.map(text), text(table.total)]
    : [
      ...table.cells.flatMap((
        row,
        r
      ) => [...row.map(text), text(table.rowTotals[r]!), ...share(row[0]!, table.rowTotals[r]!)]),
      ...table.columnTotals.map(text),
      text(table.total),
      ...(table.columnTotals[0] === undefined ? [] : share(table.columnTotals[0], table.total))
    ]
  const words = outcomeWords[language]
  return {
    drawn: visible.map((n) => format.format(n)),
    drawnCounts: visible,
    suppressed: inner.length - visible.length,
    tableCells,
    ...(rate ? { outcomeHeadings: [words["numerator"]!, words["rest"]!, shareWord[language]] } : {}),
    ...(change ? { outcomeHeadings: [words["improved"]!, words["same"]!, words["worse"]!] } : {})
  }
}

/** The page groups results by question: how much, how well, better off. */
export const inPageOrder = (results: ReadonlyArray<ReportResult>): Array<ReportResult> =>
  (["how-much", "how-well", "better-off"] as const).flatMap((q) => results.filter((r) => r.question === q))
