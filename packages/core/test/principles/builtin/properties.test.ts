import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import * as fc from "fast-check"
import type { Command } from "../../../src/Command.js"
import type { Facts } from "../../../src/Facts.js"
import * as Builtin from "../../../src/principles/builtin/index.js"
import { defineRule, Principle, Rule, RuleSet } from "../../../src/principles/index.js"
import {
  arbCoreCommand,
  arbCoreFacts,
  checkEquality,
  declaredReadsProperty,
  EqualityBroken,
  equalityProperty,
  IdentityMadeMandatory,
  lowThresholdProperty,
  withProtectedAttributes
} from "../../../src/testing/index.js"
import { deepFreeze } from "./fixtures.js"

const clone = <A>(value: A): A => structuredClone(value)

describe("every built-in rule", () => {
  it("reads only the facts it declares, and never writes to them", () => {
    fc.assert(declaredReadsProperty(Builtin.coreRules, { commands: arbCoreCommand(), facts: arbCoreFacts }), {
      numRuns: 400
    })
  })

  it("declares no read it never makes: every declared path is read on some generated input", () => {
    for (const rule of Builtin.coreRules) {
      const used = new Set<string>()
      const tags = rule.appliesTo === "*" ? undefined : rule.appliesTo
      fc.assert(
        fc.property(arbCoreCommand(tags), arbCoreFacts, (command, facts) => {
          for (const read of Rule.traceReads(rule, command, facts).reads) {
            for (const declared of rule.reads) {
              if (read === declared || read.startsWith(declared + ".")) used.add(declared)
            }
          }
        }),
        { numRuns: 500 }
      )
      expect([...rule.reads].filter((path) => !used.has(path)), rule.id).toEqual([])
    }
  })

  it("is deterministic: the same command and facts give the same explanation", () => {
    fc.assert(
      fc.property(arbCoreCommand(), arbCoreFacts, (command, facts) => {
        expect(Builtin.coreEngine.explain(command, facts)).toEqual(Builtin.coreEngine.explain(command, facts))
      }),
      { numRuns: 300 }
    )
  })

  it("runs on deeply frozen facts and leaves them as they were", () => {
    fc.assert(
      fc.property(arbCoreCommand(), arbCoreFacts, (command, facts) => {
        const before = JSON.stringify(facts)
        const frozen = deepFreeze(facts)
        const decision = Builtin.coreEngine.check(command, frozen)
        expect(JSON.stringify(frozen)).toBe(before)
        expect(["Allowed", "Required", "Denied"]).toContain(decision._tag)
      }),
      { numRuns: 300 }
    )
  })

  it("only ever uses message keys that have labels", () => {
    fc.assert(
      fc.property(arbCoreCommand(), arbCoreFacts, (command, facts) => {
        for (const step of Builtin.coreEngine.explain(command, facts).steps) {
          const key = step.verdict._tag === "Allow"
            ? undefined
            : step.verdict._tag === "Deny"
            ? step.verdict.violation.messageKey
            : step.verdict.messageKey
          if (key !== undefined) expect(Builtin.coreMessages[key], key).toBeDefined()
        }
      }),
      { numRuns: 300 }
    )
  })
})

describe("labels", () => {
  it("give every principle and message real texts in English, Czech, Lithuanian and Bulgarian", () => {
    const all = [
      ...Builtin.corePrinciples.map((p) => [p.id, p.labels] as const),
      ...Object.entries(Builtin.coreMessages)
    ]
    for (const [key, labels] of all) {
      for (const text of [labels.en, labels.cs, labels.lt, labels.bg]) {
        expect(text.trim().length, key).toBeGreaterThan(0)
      }
      expect(new Set([labels.en, labels.cs, labels.lt, labels.bg]).size, key).toBe(4)
      expect(labels.bg, key).toMatch(/[\u0400-\u04FF]/)
    }
  })
})

describe("equality, the metamorphic way", () => {
  it("core's engine never changes an eligibility verdict when only protected attributes change", () => {
    checkEquality(Builtin.coreEngine, {}, { numRuns: 500 })
  })

  it("the generators exercise both verdicts of core's eligibility rule", () => {
    const seen = new Set<string>()
    fc.assert(
      fc.property(arbCoreCommand(["AssessEligibility"]), arbCoreFacts, (command, facts) => {
        seen.add(Builtin.coreEngine.check(command, facts)._tag)
      }),
      { numRuns: 300 }
    )
    expect(seen).toEqual(new Set(["Allowed", "Denied"]))
  })

  const Biased = Principle.make({
    id: "house-rules",
    labels: { en: "House rules", cs: "Domácí řád", lt: "Vidaus taisyklės", bg: "Вътрешен ред" }
  })
  // Declares only "person.ageBand", so the static check lets it through; then reads gender anyway.
  const boysClub = defineRule<Command, Facts>()({
    id: "house-rules/boys-club",
    principle: Biased,
    appliesTo: ["AssessEligibility"],
    reads: ["person.ageBand"],
    verdicts: ["Deny"],
    check: (_command, facts, v) => {
      const person = facts.person as Record<string, unknown> | undefined
      return person !== undefined && person["gen" + "der"] === "female"
        ? v.deny("boys only", "house.boysOnly")
        : v.allow
    }
  })

  it("catches a biased rule that slips past the static check", () => {
    const engine = Effect.runSync(Builtin.makeCoreEngine([RuleSet.make({ id: "biased-plugin", rules: [boysClub] })]))
    expect(() => checkEquality(engine, {}, { numRuns: 500, seed: 42 })).toThrow(/house-rules\/boys-club/)
    const failure = fc.check(equalityProperty(engine), { numRuns: 500, seed: 42 })
    expect(failure.failed).toBe(true)
    expect(failure.errorInstance).toBeInstanceOf(EqualityBroken)
    expect(failure.errorInstance).toMatchObject({ rule: "house-rules/boys-club", command: "AssessEligibility" })
  })

  it("catches a rule that looks at any protected attribute, not only gender", () => {
    const byFaith = defineRule<Command, Facts>()({
      id: "house-rules/by-faith",
      principle: Biased,
      appliesTo: ["StartCooperation"],
      reads: ["person.ageBand"],
      verdicts: ["Warn"],
      check: (
        _command,
        facts,
        v
      ) => (JSON.stringify(facts.person ?? {}).includes("Muslim") ? v.warn("x", "house.x") : v.allow)
    })
    const engine = Effect.runSync(Builtin.makeCoreEngine([RuleSet.make({ id: "biased-plugin", rules: [byFaith] })]))
    const failure = fc.check(equalityProperty(engine), { numRuns: 1000, seed: 7 })
    expect(failure.failed).toBe(true)
    expect(failure.errorInstance).toMatchObject({ rule: "house-rules/by-faith", command: "StartCooperation" })
  })

  it("the static check refuses an eligibility rule that declares the whole person (it holds protected attributes)", () => {
    const wholePerson = defineRule<Command, Facts>()({
      id: "house-rules/whole-person",
      principle: Biased,
      appliesTo: ["AssessEligibility"],
      reads: ["person"],
      verdicts: ["Deny"],
      check: (_command, _facts, v) => v.allow
    })
    const exit = Effect.runSyncExit(
      Builtin.makeCoreEngine([RuleSet.make({ id: "biased-plugin", rules: [wholePerson] })])
    )
    expect(exit._tag).toBe("Failure")
    expect(JSON.stringify(exit)).toContain("ProtectedAttributeRead")
  })

  it("swaps only the protected attributes", () => {
    fc.assert(
      fc.property(arbCoreFacts, (facts) => {
        const swapped = withProtectedAttributes(facts, "other", { faith: "none" })
        const strip = (f: Facts) => ({
          ...f,
          person: f.person === undefined ? undefined : { ...f.person, gender: null, protected: null }
        })
        expect(strip(swapped)).toEqual(strip(clone(facts)))
        if (facts.person !== undefined) {
          expect(swapped.person).toMatchObject({ gender: "other", protected: { faith: "none" } })
        }
      }),
      { numRuns: 100 }
    )
  })
})

describe("declaredReadsProperty can fail", () => {
  const Careless = Principle.make({
    id: "careless",
    labels: { en: "Careless", cs: "Nedbalý", lt: "Nerūpestingas", bg: "Небрежен" }
  })

  it("reports a rule that reads a fact it did not declare", () => {
    const sneaky = defineRule<Command, Facts>()({
      id: "careless/sneaky",
      principle: Careless,
      appliesTo: ["ChargeFee"],
      reads: ["service.freeOfCharge"],
      verdicts: ["Warn"],
      check: (_c, facts, v) => ((facts as Facts).actor.role === "volunteer" ? v.warn("x", "x") : v.allow)
    })
    const result = fc.check(
      declaredReadsProperty([sneaky], { commands: arbCoreCommand(["ChargeFee"]), facts: arbCoreFacts }),
      { numRuns: 50 }
    )
    expect(result.failed).toBe(true)
    expect(String(result.errorInstance)).toContain("actor")
  })

  it("reports a rule that writes to its facts", () => {
    const writer = defineRule<Command, Facts>()({
      id: "careless/writer",
      principle: Careless,
      appliesTo: ["ChargeFee"],
      reads: ["service"],
      verdicts: [],
      check: (_c, facts, v) => {
        ;(facts.service as { freeOfCharge: boolean }).freeOfCharge = false
        return v.allow
      }
    })
    const result = fc.check(
      declaredReadsProperty([writer], { commands: arbCoreCommand(["ChargeFee"]), facts: arbCoreFacts }),
      { numRuns: 10 }
    )
    expect(result.failed).toBe(true)
    expect(String(result.errorInstance)).toContain("careless/writer")
  })
})

describe("low threshold, the metamorphic way", () => {
  const Strict = Principle.make({
    id: "strict-intake",
    labels: { en: "Strict intake", cs: "Přísný příjem", lt: "Griežtas priėmimas", bg: "Строг прием" }
  })

  it("core's engine accepts anonymous and pseudonymous people and contacts whenever it accepts identified ones", () => {
    fc.assert(lowThresholdProperty(Builtin.coreEngine), { numRuns: 300 })
  })

  it("catches a plugin rule that refuses contacts with nobody known", () => {
    const knownOnly = defineRule<Command, Facts>()({
      id: "strict-intake/known-participants",
      principle: Strict,
      appliesTo: ["RecordContact"],
      reads: ["person.id"],
      verdicts: ["Deny"],
      check: (_command, facts, v) => (facts.person === undefined ? v.deny("who was it?", "strict.who") : v.allow)
    })
    const engine = Effect.runSync(Builtin.makeCoreEngine([RuleSet.make({ id: "strict", rules: [knownOnly] })]))
    const result = fc.check(lowThresholdProperty(engine), { numRuns: 50 })
    expect(result.failed).toBe(true)
    expect(result.errorInstance).toBeInstanceOf(IdentityMadeMandatory)
    expect(result.errorInstance).toMatchObject({ rule: "strict-intake/known-participants", command: "RecordContact" })
  })

  it("catches a plugin rule that requires a name to register", () => {
    const namesOnly = defineRule<Command, Facts>()({
      id: "strict-intake/names-only",
      principle: Strict,
      appliesTo: ["RegisterPerson"],
      reads: [],
      verdicts: ["Require"],
      check: (command, _facts, v) =>
        command.person._tag === "identified"
          ? v.allow
          : v.require({ kind: "identity", detail: "a name" }, "strict.name")
    })
    const engine = Effect.runSync(Builtin.makeCoreEngine([RuleSet.make({ id: "strict", rules: [namesOnly] })]))
    const result = fc.check(lowThresholdProperty(engine), { numRuns: 50 })
    expect(result.failed).toBe(true)
    expect(result.errorInstance).toMatchObject({
      rule: "strict-intake/names-only",
      command: "RegisterPerson",
      identityLevel: "pseudonymous"
    })
  })
})
