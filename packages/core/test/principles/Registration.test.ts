import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { Engine, Principle, RegistrationError, RuleSet } from "../../src/principles/index.js"
import {
  adultsOnly,
  baseFacts,
  builtIn,
  type Command,
  endCooperationIsFree,
  type Facts,
  farewell,
  labels,
  noFee,
  PluginPrinciple,
  rule,
  sampleCommand
} from "./fixtures.js"

const refusal = <E>(effect: Effect.Effect<unknown, E>): E => Effect.runSync(Effect.flip(effect))

describe("Registration: equality (protected attributes and eligibility)", () => {
  const byGender = rule({
    id: "plugin/by-gender",
    principle: PluginPrinciple,
    appliesTo: ["RegisterPerson"],
    reads: ["person.ageBand", "person.gender"],
    verdicts: ["Deny"],
    check: (_c, facts, v) => (facts.person.gender === "x" ? v.deny("no", "plugin.no") : v.allow)
  })

  it("refuses a rule for an eligibility command that declares a protected read", () => {
    const error = refusal(Engine.make<Command, Facts>({ rules: [byGender], eligibilityCommands: ["RegisterPerson"] }))
    expect(error).toBeInstanceOf(RegistrationError.ProtectedAttributeRead)
    expect(error).toMatchObject({
      rule: "plugin/by-gender",
      command: "RegisterPerson",
      path: "person.gender",
      attribute: "gender"
    })
    expect(error.message).toContain("Remove \"person.gender\"")
  })

  it("refuses a \"*\" rule too, and honours a custom attribute list", () => {
    const everywhere = rule({
      id: "plugin/everywhere",
      principle: PluginPrinciple,
      appliesTo: "*",
      reads: ["actor.role"],
      verdicts: ["Warn"],
      check: (_c, _f, v) => v.allow
    })
    expect(Engine.validate<Command, Facts>({ rules: [everywhere], eligibilityCommands: ["RegisterPerson"] })).toEqual(
      []
    )
    const problems = Engine.validate<Command, Facts>({
      rules: [everywhere],
      eligibilityCommands: ["RegisterPerson"],
      protectedAttributes: ["role"]
    })
    expect(problems.map((p) => p._tag)).toEqual(["ProtectedAttributeRead"])
  })

  it("accepts the same rule when the command is not an eligibility decision", () => {
    expect(Engine.validate<Command, Facts>({ rules: [byGender], eligibilityCommands: ["Disclose"] })).toEqual([])
    expect(Engine.validate<Command, Facts>({ rules: [adultsOnly], eligibilityCommands: ["RegisterPerson"] })).toEqual(
      []
    )
  })
})

describe("Registration: protected commands (voluntariness)", () => {
  const needsReason = rule({
    id: "plugin/needs-reason",
    principle: PluginPrinciple,
    appliesTo: ["EndCooperation"],
    reads: [],
    check: (command, _f, v) =>
      command.reason === undefined
        ? v.require({ kind: "reason", detail: "why do you leave?" }, "plugin.reason")
        : v.allow
  })
  const auditEverything = rule({
    id: "plugin/audit-everything",
    principle: PluginPrinciple,
    appliesTo: "*",
    reads: ["actor.role"],
    verdicts: ["Deny"],
    check: (
      _c,
      facts,
      v
    ) => (facts.actor.role === "volunteer" ? v.deny("volunteers may not write", "plugin.volunteer") : v.allow)
  })

  it("refuses a rule that could require something of ending cooperation", () => {
    const error = refusal(
      Engine.make<Command, Facts>({ rules: [needsReason], protectedCommands: [endCooperationIsFree] })
    )
    expect(error).toBeInstanceOf(RegistrationError.RuleWouldRestrictProtectedCommand)
    expect(error).toMatchObject({
      rule: "plugin/needs-reason",
      command: "EndCooperation",
      verdict: "Deny",
      protectedBy: "voluntariness",
      wildcard: false
    })
  })

  it("refuses a \"*\" rule that could deny, unless it skips the command", () => {
    const error = refusal(
      Engine.make<Command, Facts>({ rules: [auditEverything], protectedCommands: [endCooperationIsFree] })
    )
    expect(error).toMatchObject({
      _tag: "RuleWouldRestrictProtectedCommand",
      rule: "plugin/audit-everything",
      wildcard: true
    })
    expect(error.message).toContain("except")

    const skipping = rule({
      id: "plugin/audit-everything",
      principle: PluginPrinciple,
      appliesTo: "*",
      except: ["EndCooperation"],
      reads: ["actor.role"],
      verdicts: ["Deny"],
      check: (
        _c,
        facts,
        v
      ) => (facts.actor.role === "volunteer" ? v.deny("volunteers may not write", "plugin.volunteer") : v.allow)
    })
    const engine = Effect.runSync(
      Engine.make<Command, Facts>({ rules: [skipping], protectedCommands: [endCooperationIsFree] })
    )
    const volunteer = { ...baseFacts, actor: { role: "volunteer" } }
    expect(engine.check(sampleCommand.EndCooperation, volunteer)._tag).toBe("Allowed")
    expect(engine.check(sampleCommand.ChargeFee, volunteer)._tag).toBe("Denied")
  })

  it("accepts an advisory rule on the protected command", () => {
    const engine = Effect.runSync(
      Engine.make<Command, Facts>({ rules: [farewell], protectedCommands: [endCooperationIsFree] })
    )
    const decision = engine.check({ _tag: "EndCooperation", reason: "moving away" }, baseFacts)
    expect(decision._tag).toBe("Allowed")
    expect(decision.warnings.map((w) => w.messageKey)).toEqual(["principles.voluntariness.noReason"])
  })
})

describe("Registration: core principles and rule sets", () => {
  const core = RuleSet.make<Command, Facts>({ id: "core", rules: builtIn })
  const house = Principle.make({ id: "house", labels: labels("House") })
  const houseRule = rule({
    id: "house/limit",
    principle: house,
    appliesTo: ["ChargeFee"],
    reads: [],
    verdicts: ["Deny"],
    check: (command, _f, v) => (command.amount > 100 ? v.deny("too much", "house.limit") : v.allow)
  })

  it("refuses removing a core principle's rule", () => {
    const plugin = RuleSet.make<Command, Facts>({ id: "plugin", rules: [], removes: ["free-of-charge/no-fee"] })
    const error = refusal(Engine.make<Command, Facts>({ ruleSets: [core, plugin] }))
    expect(error).toBeInstanceOf(RegistrationError.CorePrincipleRemoved)
    expect(error).toMatchObject({
      rule: "free-of-charge/no-fee",
      principle: "free-of-charge",
      ruleSet: "plugin",
      action: "removed"
    })
  })

  it("refuses overriding a core principle's rule with the same id", () => {
    const weaker = rule({
      id: noFee.id,
      principle: noFee.principle,
      appliesTo: ["ChargeFee"],
      reads: [],
      check: (_c, _f, v) => v.allow
    })
    const plugin = RuleSet.make<Command, Facts>({ id: "plugin", rules: [weaker] })
    expect(refusal(Engine.make<Command, Facts>({ ruleSets: [core, plugin] }))).toMatchObject({
      _tag: "CorePrincipleRemoved",
      action: "overridden"
    })
  })

  it("lets a plugin tighten a core principle with a rule of its own", () => {
    const stricter = rule({
      id: "plugin/no-fee-ever",
      principle: noFee.principle,
      appliesTo: ["ChargeFee"],
      reads: [],
      verdicts: ["Deny"],
      check: (command, _f, v) => (command.amount > 0 ? v.deny("never", "plugin.noFee") : v.allow)
    })
    const plugin = RuleSet.make<Command, Facts>({ id: "plugin", rules: [stricter] })
    const engine = Effect.runSync(Engine.make<Command, Facts>({ ruleSets: [core, plugin] }))
    const paid = { ...baseFacts, service: { ...baseFacts.service, freeOfCharge: false } }
    const decision = engine.check({ _tag: "ChargeFee", amount: 1 }, paid)
    expect(decision._tag === "Denied" && decision.violations.map((v) => v.rule)).toEqual(["plugin/no-fee-ever"])
  })

  it("lets a later set remove or override a non-core rule (an override keeps its place)", () => {
    const base = RuleSet.make<Command, Facts>({ id: "base", rules: [houseRule, noFee] })
    const looser = rule({
      id: houseRule.id,
      principle: house,
      appliesTo: ["ChargeFee"],
      reads: [],
      verdicts: ["Deny"],
      check: (c, _f, v) => (c.amount > 1000 ? v.deny("too much", "house.limit") : v.allow)
    })
    const overriding = RuleSet.make<Command, Facts>({ id: "override", rules: [looser] })
    const engine = Effect.runSync(Engine.make<Command, Facts>({ ruleSets: [base, overriding] }))
    expect(engine.rules.map((r) => r.id)).toEqual(["house/limit", "free-of-charge/no-fee"])
    expect(
      engine.check({ _tag: "ChargeFee", amount: 500 }, {
        ...baseFacts,
        service: { ...baseFacts.service, freeOfCharge: false }
      })
    ).toMatchObject({
      _tag: "Allowed"
    })
    const removing = RuleSet.make<Command, Facts>({ id: "remove", rules: [], removes: ["house/limit"] })
    expect(Effect.runSync(Engine.make<Command, Facts>({ ruleSets: [base, removing] })).rules.map((r) => r.id)).toEqual([
      "free-of-charge/no-fee"
    ])
  })

  it("refuses duplicate ids and removals of unknown rules", () => {
    const problems = Engine.validate<Command, Facts>({
      ruleSets: [
        RuleSet.make<Command, Facts>({ id: "twice", rules: [houseRule, houseRule] }),
        RuleSet.make<Command, Facts>({ id: "typo", rules: [], removes: ["house/limmit"] })
      ]
    })
    expect(problems.map((p) => [p._tag, p.rule, (p as RegistrationError.RuleIdConflict).reason])).toEqual([
      ["RuleIdConflict", "house/limit", "duplicate"],
      ["RuleIdConflict", "house/limmit", "removedButNotRegistered"]
    ])
  })

  it("refuses malformed rules and lists every problem", () => {
    const noCommands = rule({
      id: "house/none",
      principle: house,
      appliesTo: [],
      reads: [],
      check: (_c, _f, v) => v.allow
    })
    const strayExcept = { ...houseRule, id: "house/stray", except: ["Disclose"] } as unknown as typeof houseRule
    const badVerdict = { ...houseRule, id: "house/bad", verdicts: ["Explode"] } as unknown as typeof houseRule
    const badPath = { ...houseRule, id: "house/path", reads: ["person..gender"] } as unknown as typeof houseRule
    const problems = Engine.validate<Command, Facts>({ rules: [noCommands, strayExcept, badVerdict, badPath] })
    expect(problems.map((p) => [p._tag, p.rule, (p as RegistrationError.InvalidRule).field])).toEqual([
      ["InvalidRule", "house/none", "appliesTo"],
      ["InvalidRule", "house/stray", "except"],
      ["InvalidRule", "house/bad", "verdicts"],
      ["InvalidRule", "house/path", "reads"]
    ])
    expect(() => Engine.makeUnsafe<Command, Facts>({ rules: [noCommands] })).toThrow(RegistrationError.InvalidRule)
  })
})
