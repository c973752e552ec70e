import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import type { Command } from "../../../src/Command.js"
import type { Facts } from "../../../src/Facts.js"
import * as Builtin from "../../../src/principles/builtin/index.js"
import { defineRule, Engine, Principle, RegistrationError, RuleSet } from "../../../src/principles/index.js"
import { endCooperation, facts, registerPerson, startCooperation, withdrawConsent } from "./fixtures.js"

const HouseRules = Principle.make({
  id: "house-rules",
  labels: { en: "House rules", cs: "Domácí řád", lt: "Vidaus taisyklės", bg: "Вътрешен ред" }
})
const rule = defineRule<Command, Facts>()
const plugin = (...rules: ReadonlyArray<ReturnType<typeof rule>>) => RuleSet.make({ id: "plugin", rules })
const plugin2 = (definition: Parameters<typeof RuleSet.make<Command, Facts>>[0]) =>
  RuleSet.make<Command, Facts>(definition)
const refusal = (sets: ReadonlyArray<RuleSet.RuleSet<Command, Facts>>) =>
  Effect.runSync(Effect.flip(Builtin.makeCoreEngine(sets)))

describe("core's engine configuration", () => {
  it("registers cleanly, with the protected and eligibility commands of core", () => {
    expect(Engine.validate(Builtin.coreConfig())).toEqual([])
    const config = Builtin.coreConfig()
    expect(config.protectedCommands?.map((p) => [p.commandTag, [...p.forbid]])).toEqual([
      ["EndCooperation", ["Deny", "Require"]],
      ["WithdrawConsent", ["Deny", "Require"]]
    ])
    expect(config.eligibilityCommands).toEqual(["AssessEligibility", "RegisterPerson", "StartCooperation"])
    expect(Builtin.coreEngine.rules).toEqual(Builtin.coreRules)
  })

  it("lists every principle once, core, with its rules under its id", () => {
    expect(Builtin.corePrinciples.map((p) => p.id)).toEqual([...Builtin.corePrincipleIds])
    expect(Builtin.corePrinciples.every((p) => p.core)).toBe(true)
    for (const r of Builtin.coreRules) {
      expect(Builtin.corePrinciples).toContain(r.principle)
      expect(r.id.startsWith(`${r.principle.id}/`)).toBe(true)
    }
    for (const p of Builtin.corePrinciples) {
      expect(Builtin.coreRules.some((r) => r.principle === p)).toBe(true)
    }
  })
})

describe("registration refusals (voluntariness)", () => {
  it("refuses a plugin rule that would deny ending cooperation", () => {
    const error = refusal([plugin(rule({
      id: "house-rules/no-leaving-with-debts",
      principle: HouseRules,
      appliesTo: ["EndCooperation"],
      reads: [],
      verdicts: ["Deny"],
      check: (_c, _f, v) => v.deny("pay first", "house.payFirst")
    }))])
    expect(error).toBeInstanceOf(RegistrationError.RuleWouldRestrictProtectedCommand)
    expect(error).toMatchObject({
      rule: "house-rules/no-leaving-with-debts",
      command: "EndCooperation",
      verdict: "Deny",
      protectedBy: "voluntariness"
    })
  })

  it("refuses a plugin rule that would require a reason for ending cooperation", () => {
    const error = refusal([plugin(rule({
      id: "house-rules/exit-interview",
      principle: HouseRules,
      appliesTo: ["EndCooperation"],
      reads: [],
      verdicts: ["Require"],
      check: (command, _f, v) =>
        command.reason === undefined ? v.require({ kind: "reason", detail: "why do you leave?" }, "house.why") : v.allow
    }))])
    expect(error).toMatchObject({
      _tag: "RuleWouldRestrictProtectedCommand",
      command: "EndCooperation",
      verdict: "Require"
    })
  })

  it("refuses a rule that would deny withdrawing a consent", () => {
    const error = refusal([plugin(rule({
      id: "house-rules/keep-consents",
      principle: HouseRules,
      appliesTo: ["WithdrawConsent"],
      reads: [],
      verdicts: ["Deny"],
      check: (_c, _f, v) => v.allow
    }))])
    expect(error).toMatchObject({ _tag: "RuleWouldRestrictProtectedCommand", command: "WithdrawConsent" })
  })

  it("refuses a rule for every command that does not except ending cooperation, and accepts it when it does", () => {
    const volunteersReadOnly = (except: ReadonlyArray<Command["_tag"]>) =>
      rule({
        id: "house-rules/volunteers-read-only",
        principle: HouseRules,
        appliesTo: "*",
        except,
        reads: ["actor.role"],
        verdicts: ["Deny"],
        check: (
          _c,
          f,
          v
        ) => (f.actor.role === "volunteer" ? v.deny("volunteers do not write", "house.volunteers") : v.allow)
      })
    expect(refusal([plugin(volunteersReadOnly([]))])).toMatchObject({
      _tag: "RuleWouldRestrictProtectedCommand",
      wildcard: true
    })
    const engine = Effect.runSync(
      Builtin.makeCoreEngine([plugin(volunteersReadOnly(["EndCooperation", "WithdrawConsent"]))])
    )
    const volunteer = facts({ actor: { id: "v-1", role: "volunteer" } })
    expect(engine.check(endCooperation(), volunteer)._tag).toBe("Allowed")
    expect(engine.check(withdrawConsent, volunteer)._tag).toBe("Allowed")
    expect(engine.check(startCooperation(false), volunteer)._tag).toBe("Denied")
  })

  it("accepts a rule that only warns on ending cooperation, and still allows it", () => {
    const engine = Effect.runSync(Builtin.makeCoreEngine([plugin(rule({
      id: "house-rules/farewell",
      principle: HouseRules,
      appliesTo: ["EndCooperation"],
      reads: [],
      verdicts: ["Warn"],
      check: (_c, _f, v) => v.warn("offer a farewell talk", "house.farewell")
    }))]))
    expect(engine.check(endCooperation(), facts())).toMatchObject({
      _tag: "Allowed",
      warnings: [{ rule: "house-rules/farewell" }]
    })
  })
})

describe("registration refusals (equality)", () => {
  it("refuses an eligibility rule that declares it reads the person's gender", () => {
    const error = refusal([plugin(rule({
      id: "house-rules/girls-only",
      principle: HouseRules,
      appliesTo: ["AssessEligibility"],
      reads: ["person.gender"],
      verdicts: ["Deny"],
      check: (_c, f, v) => (f.person?.gender === "male" ? v.deny("girls only", "house.girls") : v.allow)
    }))])
    expect(error).toBeInstanceOf(RegistrationError.ProtectedAttributeRead)
    expect(error).toMatchObject({
      rule: "house-rules/girls-only",
      command: "AssessEligibility",
      path: "person.gender",
      attribute: "gender"
    })
  })

  it("refuses protected reads on registering a person and starting cooperation too", () => {
    for (const command of ["RegisterPerson", "StartCooperation"] as const) {
      const error = refusal([plugin(rule({
        id: "house-rules/by-faith",
        principle: HouseRules,
        appliesTo: [command],
        reads: ["person.protected.faith"],
        verdicts: ["Warn"],
        check: (_c, _f, v) => v.allow
      }))])
      expect(error).toMatchObject({ _tag: "ProtectedAttributeRead", command, attribute: "faith" })
    }
  })

  it("accepts a protected read on a command that is not an eligibility decision", () => {
    const engine = Effect.runSync(Builtin.makeCoreEngine([plugin(rule({
      id: "house-rules/interpreter",
      principle: HouseRules,
      appliesTo: ["RecordContact"],
      reads: ["person.protected.language"],
      verdicts: ["Warn"],
      check: (
        _c,
        f,
        v
      ) => (f.person?.protected.language === "uk" ? v.warn("offer an interpreter", "house.interpreter") : v.allow)
    }))]))
    expect(engine.rules.map((r) => r.id)).toContain("house-rules/interpreter")
  })
})

describe("registration refusals (core principles cannot be switched off)", () => {
  it("refuses a plugin that removes a core rule", () => {
    const error = refusal([plugin2({ id: "lenient-plugin", rules: [], removes: ["voluntariness/nobody-compelled"] })])
    expect(error).toBeInstanceOf(RegistrationError.CorePrincipleRemoved)
    expect(error).toMatchObject({
      rule: "voluntariness/nobody-compelled",
      principle: "voluntariness",
      ruleSet: "lenient-plugin",
      action: "removed"
    })
  })

  it("refuses a plugin that overrides a core rule with its own", () => {
    const lenient = rule({
      id: "free-of-charge/no-fee",
      principle: HouseRules,
      appliesTo: ["ChargeFee"],
      reads: [],
      verdicts: [],
      check: (_c, _f, v) => v.allow
    })
    expect(refusal([plugin(lenient)])).toMatchObject({
      _tag: "CorePrincipleRemoved",
      rule: "free-of-charge/no-fee",
      action: "overridden"
    })
  })

  it("accepts a plugin that tightens a core principle with a rule of its own", () => {
    const Tightened = Principle.make({ id: "low-threshold", core: true, labels: Builtin.LowThreshold.labels })
    const noNicknameRequired = rule({
      id: "low-threshold/street-work-no-registration",
      principle: Tightened,
      appliesTo: ["RegisterPerson"],
      reads: [],
      verdicts: ["Warn"],
      check: (
        command,
        _f,
        v
      ) => (command.person._tag === "identified"
        ? v.warn("identity is rarely needed in street work", "street.identity")
        : v.allow)
    })
    const engine = Effect.runSync(Builtin.makeCoreEngine([plugin(noNicknameRequired)]))
    expect(engine.explain(registerPerson("identified"), facts()).steps.map((s) => [s.rule, s.verdict._tag])).toEqual([
      ["low-threshold/identification-needs-consent", "Require"],
      ["low-threshold/street-work-no-registration", "Warn"]
    ])
  })
})
