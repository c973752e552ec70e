/**
 * A spreadsheet as rows of cells under a header row, read from CSV (through `csv-parse`) or
 * XLSX (through `read-excel-file`). Reading works on bytes or text, in Node and in a browser.
 *
 * @since 0.2.0
 */
import { parse } from "csv-parse/sync"
import { Effect, Schema } from "effect"
import { readSheet } from "read-excel-file/universal"

/**
 * One cell: text (CSV, or an XLSX text cell), a number, a boolean, a date (XLSX) or empty.
 * @since 0.2.0
 * @category models
 */
export type Cell = string | number | boolean | Date | null

/**
 * A sheet: its header row and its data rows. Row `i` of `rows` is spreadsheet row `i + 2`.
 * @since 0.2.0
 * @category models
 */
export interface Sheet {
  /** The column headers, as written in the first row. */
  readonly header: ReadonlyArray<string>
  /** The data rows, each a cell per column. */
  readonly rows: ReadonlyArray<ReadonlyArray<Cell>>
}

/**
 * A file that is not a readable CSV or XLSX. `line` is where the CSV parser stopped; the reason
 * never quotes the file.
 * @since 0.2.0
 * @category errors
 */
export class UnreadableFile
  extends Schema.TaggedError<UnreadableFile>("@pomoc/import/UnreadableFile")("UnreadableFile", {
    format: Schema.Literals(["csv", "xlsx"]),
    reason: Schema.String,
    line: Schema.optionalKey(Schema.Number)
  })
{
  override get message(): string {
    return `Unreadable ${this.format.toUpperCase()} file${
      this.line !== undefined ? ` at line ${this.line}` : ""
    }: ${this.reason}`
  }
}

const CSV_REASONS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: "a quoted cell is not closed",
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: "a row has a different number of cells than the header",
  CSV_INVALID_CLOSING_QUOTE: "a quote closes a cell in the middle",
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: "text follows a closing quote"
}

const toText = (input: string | Uint8Array) =>
  typeof input === "string" ? input : new TextDecoder("utf-8").decode(input)

/** `;` when the header row has more semicolons than commas (as spreadsheets save CSV in much of Europe). */
const guessDelimiter = (text: string) => {
  const end = text.indexOf("\n")
  const first = end < 0 ? text : text.slice(0, end)
  return (first.match(/;/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? ";" : ","
}

const split = (table: ReadonlyArray<ReadonlyArray<Cell>>): Sheet => {
  const [header = [], ...rows] = table
  return { header: header.map((h) => (h === null ? "" : String(h)).trim()), rows }
}

/**
 * Reads CSV (UTF-8, with or without a byte-order mark; `,` or `;`, guessed from the header row
 * unless given). Empty lines are skipped.
 * @since 0.2.0
 * @category constructors
 */
export const fromCsv = (
  input: string | Uint8Array,
  options?: { readonly delimiter?: string }
): Effect.Effect<Sheet, UnreadableFile> =>
  Effect.try({
    try: () => {
      const text = toText(input)
      const table: Array<Array<string>> = parse(text, {
        bom: true,
        delimiter: options?.delimiter ?? guessDelimiter(text.replace(/^\uFEFF/, "")),
        skip_empty_lines: true,
        relax_column_count: false
      })
      return split(table)
    },
    catch: (error) => {
      const e = error as { readonly code?: string; readonly lines?: number }
      return new UnreadableFile({
        format: "csv",
        reason: (e.code !== undefined ? CSV_REASONS[e.code] : undefined) ?? "not valid CSV",
        ...(typeof e.lines === "number" ? { line: e.lines } : {})
      })
    }
  })

/**
 * Reads one sheet of an XLSX workbook (the first, or the one named or numbered from 1).
 * @since 0.2.0
 * @category constructors
 */
export const fromXlsx = (
  input: ArrayBuffer | Uint8Array | Blob,
  options?: { readonly sheet?: string | number }
): Effect.Effect<Sheet, UnreadableFile> =>
  Effect.tryPromise({
    try: async () => {
      const data = input instanceof Uint8Array
        ? input.buffer.slice(input.byteOffset, input.byteOffset + input.byteLength) as ArrayBuffer
        : input
      const table = await (options?.sheet === undefined ? readSheet(data) : readSheet(data, options.sheet))
      return split(table as unknown as ReadonlyArray<ReadonlyArray<Cell>>)
    },
    catch: () => new UnreadableFile({ format: "xlsx", reason: "not a readable XLSX workbook, or no such sheet" })
  })

/**
 * Reads a file by its name's extension: `.xlsx` as XLSX, anything else as CSV.
 * @since 0.2.0
 * @category constructors
 */
export const fromFile = (
  name: string,
  bytes: Uint8Array,
  options?: { readonly sheet?: string | number; readonly delimiter?: string }
): Effect.Effect<Sheet, UnreadableFile> =>
  name.toLowerCase().endsWith(".xlsx")
    ? fromXlsx(bytes, options?.sheet !== undefined ? { sheet: options.sheet } : undefined)
    : fromCsv(bytes, options?.delimiter !== undefined ? { delimiter: options.delimiter } : undefined)
