/**
 * Declared reporting periods (issue 14): their calendar parts against a naive model (every month
 * of the period, once, in order), and the overlap rule against a naive pairwise check.
 */
import { Organisation, Periods, ReportingPeriods } from "@pomoc/core"
import { Result, Schema } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"

const arbMonth = fc.record({ year: fc.integer({ min: 2020, max: 2030 }), month: fc.integer({ min: 0, max: 11 }) })
  .map(({ month, year }) => `${year}-${String(month + 1).padStart(2, "0")}`)
const arbSpan = fc.tuple(arbMonth, arbMonth).map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a }))

/** Every month from `from` to `to`, by stepping a date one month at a time. */
const monthsOf = (from: string, to: string): Array<string> => {
  const out: Array<string> = []
  const d = new Date(`${from}-01T00:00:00.000Z`)
  while (d.toISOString().slice(0, 7) <= to) {
    out.push(d.toISOString().slice(0, 7))
    d.setUTCMonth(d.getUTCMonth() + 1)
  }
  return out
}
/** The months of a named period, from its bounds. */
const monthsOfNamed = (period: string): Array<string> => {
  const { from, to } = Periods.boundsOf(period)
  const last = new Date(Date.parse(to) - 1).toISOString().slice(0, 7)
  return monthsOf(from.slice(0, 7), last)
}

describe("Periods.declaredPartsOf", () => {
  it("cuts a declared period into calendar periods that cover each of its months once, in order", () => {
    fc.assert(fc.property(arbSpan, (span) => {
      const parts = Periods.declaredPartsOf(span)
      for (const part of parts) expect(Schema.is(Periods.NamedPeriod)(part)).toBe(true)
      expect(parts.flatMap(monthsOfNamed)).toEqual(monthsOf(span.from, span.to))
      // Largest first: no run of months that makes a whole quarter, nor quarters a whole year.
      const names = parts.join(" ")
      for (const part of parts) {
        if (part.length === 7 && part[5] !== "Q") {
          const quarter = `${part.slice(0, 4)}-Q${Math.floor((Number(part.slice(5)) - 1) / 3) + 1}`
          expect(monthsOfNamed(quarter).every((m) => names.includes(m)), part).toBe(false)
        }
      }
    }))
  })

  it("bounds a declared period from its first month's start to the start of the month after its last", () => {
    fc.assert(fc.property(arbSpan, (span) => {
      const bounds = Periods.declaredBoundsOf(span)
      expect(bounds.from).toBe(Periods.boundsOf(span.from).from)
      expect(bounds.to).toBe(Periods.boundsOf(span.to).to)
    }))
    expect(Periods.declaredPartsOf({ from: "2025-09", to: "2026-06" })).toEqual([
      "2025-09",
      "2025-Q4",
      "2026-Q1",
      "2026-Q2"
    ])
  })
})

describe("ReportingPeriods", () => {
  it("refuses exactly the lists where two periods share a month or an id", () => {
    const arbPeriods = fc.array(
      fc.tuple(fc.constantFrom("a", "b", "c", "d", "e"), arbSpan).map(([id, span]) => ({ id, ...span })),
      { maxLength: 4 }
    )
    fc.assert(fc.property(arbPeriods, (periods) => {
      const bad = periods.some((p, i) =>
        periods.some((q, j) =>
          j < i && (p.id === q.id || monthsOf(p.from, p.to).some((m) => monthsOf(q.from, q.to).includes(m)))
        )
      )
      const decoded = Schema.decodeUnknownResult(ReportingPeriods)(periods)
      expect(Result.isFailure(decoded)).toBe(bad)
      const organisation = Schema.decodeUnknownResult(Organisation)({ id: "o", name: "O", reportingPeriods: periods })
      expect(Result.isFailure(organisation)).toBe(bad)
      // The problem names the field and the rule, never the months.
      if (Result.isFailure(organisation)) expect(String(organisation.failure)).not.toMatch(/\d{4}-\d{2}"/)
    }))
  })
})
