/**
 * Verbs under their nouns (issue 9): `AgeBand.fit` and `AgeBand.years`, `Labels.of`,
 * `Person.identityLevel`, `IndicatorScale.fits`. Each noun is still the schema it was (decoding
 * unchanged), and each former root verb, kept for one release, answers exactly as its new home.
 */
import {
  AgeBand,
  ageBandRange,
  ageRangeFit,
  fitsScale,
  identityLevel,
  IndicatorScale,
  Labels,
  labelsOf,
  Language,
  languages,
  OutcomeValue,
  Person
} from "@pomoc/core"
import { arbPerson } from "@pomoc/core/testing"
import { Schema } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"

const arbRange = fc.tuple(fc.nat(120), fc.nat(60)).map(([min, width]) => ({ min, max: min + width }))
const arbScale = fc.oneof(
  fc.constant({ _tag: "YesNo" as const }),
  fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })).map(([min, width]) => ({
    _tag: "Ladder" as const,
    min,
    max: min + width
  })),
  fc.uniqueArray(fc.constantFrom("a", "b", "c", "d"), { minLength: 1 }).map((categories) => ({
    _tag: "Category" as const,
    categories
  }))
)
const arbValue = fc.oneof(
  fc.boolean().map((value) => ({ _tag: "YesNo" as const, value })),
  fc.integer({ min: -1, max: 12 }).map((value) => ({ _tag: "Ladder" as const, value })),
  fc.constantFrom("a", "b", "e").map((value) => ({ _tag: "Category" as const, value }))
)

describe("verbs under their nouns", () => {
  it("AgeBand.fit places a band against a range as its years do; the former root verbs agree", () => {
    fc.assert(fc.property(fc.constantFrom(...AgeBand.literals), arbRange, (band, range) => {
      const years = AgeBand.years[band]
      let inside = 0
      if (years !== undefined) {
        for (let y = years[0]; y <= years[1]; y++) if (y >= range.min && y <= range.max) inside++
      }
      const expected = years === undefined
        ? "unknown"
        : inside === 0
        ? "outside"
        : inside === years[1] - years[0] + 1
        ? "inside"
        : "partly"
      expect(AgeBand.fit(band, range)).toBe(expected)
      expect(ageRangeFit(ageBandRange[band], range)).toBe(expected)
    }))
    expect(AgeBand.fit("15-17", { min: 16, max: 26 })).toBe("partly")
    expect(AgeBand.years["not-stated"]).toBeUndefined()
  })

  it("each noun still decodes as the schema it was", () => {
    expect(Schema.decodeUnknownSync(AgeBand)("15-17")).toBe("15-17")
    expect(() => Schema.decodeUnknownSync(AgeBand)("16-18")).toThrow()
    expect(Schema.decodeUnknownSync(Labels)({ en: "a", cs: "b", lt: "c", bg: "d", uk: "e" })).toMatchObject({ uk: "e" })
    expect(() => Schema.decodeUnknownSync(Labels)({ en: "a" })).toThrow()
    expect(Schema.decodeUnknownSync(IndicatorScale)({ _tag: "Ladder", min: 1, max: 5 })).toEqual({
      _tag: "Ladder",
      min: 1,
      max: 5
    })
    expect(languages).toEqual(Language.literals)
  })

  it("Labels.of keeps the language order, as labelsOf did", () => {
    const made = Labels.of("Street work", "Terénní práce", "Gatvės darbas", "Улична работа")
    expect(made).toEqual({ en: "Street work", cs: "Terénní práce", lt: "Gatvės darbas", bg: "Улична работа" })
    expect(labelsOf("Street work", "Terénní práce", "Gatvės darbas", "Улична работа")).toEqual(made)
  })

  it("Person.identityLevel is the person's level, for every person", () => {
    fc.assert(fc.property(arbPerson, (encoded) => {
      const person = Schema.decodeUnknownSync(Person)(encoded)
      expect(Person.identityLevel(person)).toBe(encoded._tag)
      expect(identityLevel(person)).toBe(encoded._tag)
      expect(Schema.is(Person)(person)).toBe(true)
    }))
  })

  it("IndicatorScale.fits: a value fits its own kind of scale, within a ladder, among the categories", () => {
    fc.assert(fc.property(arbScale, arbValue, (scale, value) => {
      const expected = scale._tag === "YesNo"
        ? value._tag === "YesNo"
        : scale._tag === "Ladder"
        ? value._tag === "Ladder" && value.value >= scale.min && value.value <= scale.max
        : value._tag === "Category" && (scale.categories as ReadonlyArray<string>).includes(value.value)
      const decoded = Schema.decodeUnknownSync(OutcomeValue)(value)
      expect(IndicatorScale.fits(scale, decoded)).toBe(expected)
      expect(fitsScale(scale, decoded)).toBe(expected)
    }))
  })
})
