import { Language, Report, type ReportResult, type Store } from "@pomoc/core"
import { Effect } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { AnnualReport, ValueLabels } from "../src/index.js"
import { expected, inPageOrder } from "./expected.js"
import { period, registry, resultsFor, samples } from "./fixtures.js"

const render = (results: ReadonlyArray<ReportResult>, language: Language) =>
  Effect.runPromise(
    AnnualReport.render({
      organisation: "Ostrov, z. s.",
      language,
      period,
      results,
      valueLabel: ValueLabels.fromRegistry(registry)
    })
  )

/** The chart specs the page draws from, in page order. */
const specs = (html: string): Array<{ type: string; items: Array<{ count: number | null; text: string }> }> =>
  [...html.matchAll(/<script type="application\/json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1]!))

/** The data tables' cells, in page order, as text. */
const tableCells = (html: string): Array<string> =>
  [...html.matchAll(/<td(?: class="(?:suppressed|share)")?>(.*?)<\/td>/g)].map((m) =>
    m[1]!.replace(/&nbsp;/g, "\u00a0")
  )

/** The HTML without its inlined scripts: what could refer to something outside the file. */
const markup = (html: string): string => html.replace(/<script>[\s\S]*?<\/script>/g, "<script></script>")

describe("AnnualReport.render", () => {
  for (const sample of samples) {
    it(`shows every result of ${sample.plugin.id} exactly as suppressed, in ${sample.language}`, async () => {
      const results = inPageOrder(await Effect.runPromise(resultsFor(sample)))
      expect(results.length).toBeGreaterThan(3)
      const html = await render(results, sample.language)
      expect(html).toContain(`<html lang="${sample.language}">`)
      const drawn = specs(html)
      expect(drawn).toHaveLength(results.length)
      results.forEach((result, i) => {
        const want = expected(result, sample.language)
        const items = drawn[i]!.items
        expect(drawn[i]!.type).toBe(result.table._tag === "OneWay" ? "bars" : "cells")
        expect(items.flatMap((d) => (d.count === null ? [] : [d.count]))).toEqual(want.drawnCounts)
        expect(items.flatMap((d) => (d.count === null ? [] : [d.text]))).toEqual(want.drawn)
        expect(items.filter((d) => d.count === null)).toHaveLength(want.suppressed)
      })
      expect(tableCells(html)).toEqual(results.flatMap((r) => expected(r, sample.language).tableCells))
      // Some cells of the samples are suppressed, so the check above has something to check.
      expect(results.some((r) => expected(r, sample.language).suppressed > 0)).toBe(true)
    })
  }

  it("refers to nothing outside the file, and forbids fetching anything", async () => {
    const html = await render(await Effect.runPromise(resultsFor(samples[0]!)), "en")
    expect(html).toContain(`http-equiv="Content-Security-Policy" content="default-src 'none';`)
    const outside = markup(html)
    expect(outside).not.toMatch(/\s(src|href|srcset|action)=/i)
    expect(outside).not.toMatch(/<link|@import|url\(/i)
    // The chart library is inlined whole: d3 and Observable Plot.
    expect(html.length).toBeGreaterThan(400_000)
    expect(html).toMatch(/@observablehq\/plot v0\.6/)
  })

  it("escapes names and labels (no markup from the data)", async () => {
    const html = await Effect.runPromise(AnnualReport.render({
      organisation: "<img src=x onerror=alert(1)>",
      language: "en",
      period,
      results: [],
      title: "A & B </script>"
    }))
    expect(markup(html)).not.toContain("<img")
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;")
    expect(html).toContain("A &amp; B &lt;/script&gt;")
  })

  it("speaks the report's language", async () => {
    const results = await Effect.runPromise(resultsFor(samples[0]!))
    const words: Record<Language, Array<string>> = {
      en: [
        "Annual report",
        "How much did we do?",
        "Is anyone better off?",
        "Contacts by intervention",
        "Crisis intervention"
      ],
      cs: [
        "Výroční zpráva",
        "Kolik jsme toho udělali?",
        "Je na tom někdo lépe?",
        "Kontakty podle intervence",
        "Krizová intervence"
      ],
      lt: ["Metinė ataskaita", "Kiek nuveikėme?", "Ar kam nors pagerėjo?", "Kontaktai pagal intervenciją"],
      bg: ["Годишен отчет", "Колко направихме?", "По-добре ли е някому?", "Контакти по вид интервенция"]
    }
    for (const language of Language.literals) {
      const html = await render(results, language)
      for (const word of words[language]) expect(html).toContain(word)
    }
  })

  it("names the measure of a two-way table, a rate of two sums by its whole (the people reached), not as a count", async () => {
    const definition = Report.define({
      id: "new-share",
      labels: { en: "New", cs: "Noví", lt: "Nauji", bg: "Нови" },
      question: "how-well",
      query: {
        kind: "contact",
        dimensions: [{ by: "channel" }],
        measure: { rate: { sum: { part: "field_newToService", whole: "participants" } } }
      }
    })
    const store: Pick<Store.StoreShape, "aggregate"> = {
      aggregate: () =>
        Effect.succeed([{
          group: { channel: "in-person" },
          count: 2,
          sums: { field_newToService: 30, participants: 40 }
        }])
    }
    const result = await Effect.runPromise(Report.run(definition, store))
    for (const [language, whole, count] of [["en", "Participants", "Count"], ["cs", "Účastníci", "Počet"]] as const) {
      const html = await render([result], language)
      expect(html).toContain(`${whole})</caption>`)
      expect(html).not.toContain(`${count})</caption>`)
    }
  })

  it("property: any table, any threshold: the page's numbers are the result's visible cells, and nothing below the threshold", async () => {
    const value = fc.constantFrom<Store.FacetValue>("a", "b", "c", null, true, 3)
    const table = fc.record({
      twoWay: fc.boolean(),
      threshold: fc.integer({ min: 1, max: 12 }),
      rows: fc.array(fc.record({ a: value, b: value, count: fc.nat({ max: 40 }) }), { maxLength: 12 }),
      language: fc.constantFrom(...Language.literals)
    })
    await fc.assert(
      fc.asyncProperty(table, async ({ twoWay, threshold, rows, language }) => {
        const definition = Report.define({
          id: "any",
          labels: { en: "Any", cs: "Cokoli", lt: "Bet kas", bg: "Каквото и да е" },
          question: "how-much",
          query: { kind: "contact", dimensions: twoWay ? [{ by: "channel" }, { by: "mode" }] : [{ by: "channel" }] },
          suppression: { threshold }
        })
        const store: Pick<Store.StoreShape, "aggregate"> = {
          aggregate: (query) =>
            Effect.succeed(
              rows.map((r) => ({
                group: Object.fromEntries(query.groupBy.map((g, i) => [g, i === 0 ? r.a : r.b])),
                count: r.count,
                sums: {}
              }))
            )
        }
        const result = await Effect.runPromise(Report.run(definition, store))
        const html = await render([result], language)
        const want = expected(result, language)
        const items = specs(html)[0]!.items
        expect(items.flatMap((d) => (d.count === null ? [] : [d.count]))).toEqual(want.drawnCounts)
        expect(tableCells(html)).toEqual(want.tableCells)
        for (const d of items) if (d.count !== null && d.count > 0) expect(d.count).toBeGreaterThanOrEqual(threshold)
      }),
      { numRuns: 60 }
    )
  })
})

describe("ValueLabels", () => {
  it("names codes in the plugins' words, months by name, and null and booleans in words", () => {
    const label = ValueLabels.fromRegistry(registry)
    expect(label("tag", "crisis-intervention", "cs")).toBe("Krizová intervence")
    expect(label("tag", "not-a-code", "cs")).toBeUndefined()
    expect(ValueLabels.builtin("month", "2026-03", "en")).toBe("March 2026")
    expect(ValueLabels.builtin("month", "2026-03", "cs")).toMatch(/březen|března/)
    expect(ValueLabels.builtin("channel", null, "lt")).toBe("nenurodyta")
    expect(ValueLabels.builtin("personParticipated", true, "bg")).toBe("да")
    expect(ValueLabels.builtin("ageBand", "15-17", "en")).toBe("15-17")
  })
})
