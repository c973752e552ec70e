/**
 * Reports' CSV (core's `ReportOutput`) read back by the CSV parser this package imports with:
 * any text, commas, quotes, line breaks and non-ASCII letters survive, and the byte order mark
 * is there for spreadsheets.
 */
import { ReportOutput } from "@pomoc/core"
import { parse } from "csv-parse/sync"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"

describe("report CSV (RFC 4180, UTF-8 with BOM)", () => {
  it("reads back field for field through csv-parse", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((width) =>
          fc.array(fc.array(fc.string({ unit: "grapheme" }), { minLength: width, maxLength: width }), {
            minLength: 1,
            maxLength: 6
          })
        ),
        (lines) => {
          const text = ReportOutput.csvOf(lines)
          expect(text.startsWith("\uFEFF")).toBe(true)
          expect(text.endsWith("\r\n")).toBe(true)
          const back: Array<Array<string>> = parse(text, {
            bom: true,
            relax_column_count: false,
            skip_empty_lines: false
          })
          expect(back).toEqual(lines)
        }
      )
    )
  })
})
