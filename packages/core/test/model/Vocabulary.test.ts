/**
 * Core's own labels (issue 13, open language set): every value of core's lists, every core
 * principle and every message key of the built-in rules is labelled in each of core's languages
 * (en, cs, lt, bg and Ukrainian), and the tables match the model they label.
 */
import { describe, expect, it } from "@effect/vitest"
import * as fc from "fast-check"
import { ActivityKind } from "../../src/model/Activity.js"
import { Role } from "../../src/model/Actor.js"
import { AgeBand, Gender } from "../../src/model/Common.js"
import { LocationKind } from "../../src/model/Directory.js"
import { IdentityLevel } from "../../src/model/Person.js"
import { StepActor } from "../../src/model/Plan.js"
import { ReferralStatus } from "../../src/model/Referral.js"
import * as Vocabulary from "../../src/model/Vocabulary.js"
import { VoidReason } from "../../src/model/Voided.js"
import * as Principles from "../../src/principles/builtin/index.js"

const lists: { readonly [L in Vocabulary.ValueList]: ReadonlyArray<string> } = {
  identityLevel: IdentityLevel.literals,
  ageBand: AgeBand.literals,
  gender: Gender.literals,
  role: Role.literals,
  locationKind: LocationKind.literals,
  referralStatus: ReferralStatus.literals,
  activityKind: ActivityKind.literals,
  audience: ["children", "youth", "adults", "seniors", "families", "staff", "all"],
  stepActor: StepActor.literals,
  voidReason: VoidReason.literals
}

const blankIn = (labels: Readonly<Record<string, string>>) =>
  Vocabulary.coreLanguages.filter((language) => (labels[language] ?? "").trim() === "")

describe("core's value lists", () => {
  it("label exactly the values of the model's lists", () => {
    for (const [list, values] of Object.entries(lists)) {
      expect(Object.keys(Vocabulary.valueLists[list as Vocabulary.ValueList]).sort(), list).toEqual([...values].sort())
    }
  })

  it("label every value in every one of core's languages", () => {
    for (const [list, values] of Object.entries(Vocabulary.valueLists)) {
      for (const [value, labels] of Object.entries(values)) {
        expect(blankIn(labels as Readonly<Record<string, string>>), `${list}.${value}`).toEqual([])
      }
    }
  })

  it("Vocabulary.label answers from the table, and undefined for a value or language it lacks (property)", () => {
    const listNames = Object.keys(lists) as ReadonlyArray<Vocabulary.ValueList>
    fc.assert(
      fc.property(
        fc.constantFrom(...listNames),
        fc.oneof(fc.constantFrom(...Object.values(lists).flat()), fc.string()),
        fc.oneof(
          fc.constantFrom(...Vocabulary.coreLanguages),
          fc.constantFrom("de", "pl", "toString", "constructor", "")
        ),
        (list, value, language) => {
          const known = lists[list].includes(value) &&
            (Vocabulary.coreLanguages as ReadonlyArray<string>).includes(language)
          const label = Vocabulary.label(list, value, language)
          if (known) {
            expect(label).toBe(
              (Vocabulary.valueLists[list] as Record<string, Record<string, string>>)[value]![language]
            )
          } else expect(label).toBeUndefined()
        }
      ),
      { numRuns: 500 }
    )
  })
})

describe("core principles and messages", () => {
  it("label every core principle in every one of core's languages", () => {
    for (const principle of Principles.corePrinciples) {
      expect(blankIn(principle.labels), principle.id).toEqual([])
    }
  })

  it("label every message of the built-in rules in every one of core's languages, Ukrainian its own text", () => {
    // (That every message key a rule gives has labels is a property in principles/builtin/properties.test.ts.)
    expect(Object.keys(Principles.coreMessages).length).toBeGreaterThan(20)
    for (const [key, labels] of Object.entries(Principles.coreMessages)) {
      expect(blankIn(labels), key).toEqual([])
      expect(labels["uk"], key).toMatch(/[\u0400-\u04FF]/)
      expect(labels["uk"], key).not.toBe(labels.bg)
    }
  })
})
