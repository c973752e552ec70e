import { describe, expect, it } from "@effect/vitest"
import * as StandardReports from "../../src/plugins/StandardReports.js"
import { checkReports } from "../../src/testing/plugin.js"
import { broken, shelter } from "./fixtures.js"

const valuesOf = (
  report: { readonly query: { readonly dimensions: ReadonlyArray<{ readonly values?: ReadonlyArray<unknown> }> } },
  i = 0
) => report.query.dimensions[i]?.values

describe("standard reports built from a plugin's taxonomies and indicators", () => {
  const reports = StandardReports.all(shelter)

  it("answer all three questions with the plugin's own codes", () => {
    expect(reports.map((r) => r.id)).toEqual([
      "first-contacts-by-channel",
      "contacts-by-intervention",
      "people-by-age-band",
      "people-by-need",
      "outcomes-assessed-with-person",
      "outcomes-by-indicator"
    ])
    expect(new Set(reports.map((r) => r.question))).toEqual(new Set(["how-much", "how-well", "better-off"]))
    const byId = (id: string) => reports.find((r) => r.id === id)!
    expect(valuesOf(byId("first-contacts-by-channel"))).toEqual(Object.keys(shelter.taxonomies.firstContactChannels))
    expect(valuesOf(byId("contacts-by-intervention"))).toEqual(Object.keys(shelter.taxonomies.interventions))
    expect(valuesOf(byId("people-by-need"))).toEqual(Object.keys(shelter.taxonomies.needs))
    expect(valuesOf(byId("outcomes-by-indicator"))).toEqual(shelter.indicators.map((i) => i.code))
    expect(valuesOf(byId("outcomes-assessed-with-person"))).toEqual(shelter.indicators.map((i) => i.code))
  })

  it("leave out people-by-need for a plugin without needs", () => {
    const { needs: _, ...taxonomies } = shelter.taxonomies
    expect(StandardReports.all({ taxonomies, indicators: shelter.indicators }).map((r) => r.id)).not.toContain(
      "people-by-need"
    )
  })

  it("are computable on generated records (the test kit's reports check)", () => {
    expect(checkReports(broken(shelter, { reports }), { numRuns: 20 }).problems).toEqual([])
  })
})
