import { ageBandRange, ageRangeFit, labelsOf } from "@pomoc/core"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"

describe("ageRangeFit", () => {
  it("places the club's bands against 6–26", () => {
    const club = { min: 6, max: 26 }
    expect(ageRangeFit(ageBandRange["0-5"], club)).toBe("outside")
    expect(ageRangeFit(ageBandRange["6-10"], club)).toBe("inside")
    expect(ageRangeFit(ageBandRange["21-26"], club)).toBe("inside")
    expect(ageRangeFit(ageBandRange["27-64"], club)).toBe("outside")
    expect(ageRangeFit(ageBandRange["15-17"], { min: 16, max: 26 })).toBe("partly")
    expect(ageRangeFit(ageBandRange["not-stated"], club)).toBe("unknown")
  })

  it("agrees with counting the years of the span inside the range", () => {
    const span = fc.tuple(fc.nat(120), fc.nat(30)).map(([low, width]) => [low, low + width] as const)
    const range = fc.tuple(fc.nat(120), fc.nat(60)).map(([min, width]) => ({ min, max: min + width }))
    fc.assert(fc.property(span, range, (years, r) => {
      let inside = 0
      for (let y = years[0]; y <= years[1]; y++) if (y >= r.min && y <= r.max) inside++
      const all = years[1] - years[0] + 1
      expect(ageRangeFit(years, r)).toBe(inside === 0 ? "outside" : inside === all ? "inside" : "partly")
    }))
  })

  it("labelsOf keeps the language order", () => {
    expect(labelsOf("Street work", "Terénní práce", "Gatvės darbas", "Улична работа")).toEqual({
      en: "Street work",
      cs: "Terénní práce",
      lt: "Gatvės darbas",
      bg: "Улична работа"
    })
  })
})
