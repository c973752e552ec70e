import { describe, expect, it } from "@effect/vitest"
import { Effect, Exit } from "effect"
import * as fc from "fast-check"
import {
  Decision,
  Engine,
  PrincipleViolation,
  RegistrationError,
  type Rule,
  Verdict
} from "../../src/principles/index.js"
import {
  baseFacts,
  builtIn,
  type Command,
  deepFreeze,
  endCooperationIsFree,
  type Facts,
  PluginPrinciple,
  rule,
  sampleCommand,
  type Tag,
  tags
} from "./fixtures.js"

// ---- generated rule sets: each rule's verdict depends on a switch in the facts ----

const verdictTags = ["Allow", "Deny", "Require", "Warn"] as const
type VerdictTag = (typeof verdictTags)[number]

interface RuleSpec {
  readonly appliesTo: ReadonlyArray<Tag> | "*"
  readonly except: ReadonlyArray<Tag>
  readonly switchIndex: number
}

const ruleSpec = fc.record({
  appliesTo: fc.oneof(
    fc.constant("*" as const),
    fc.uniqueArray(fc.constantFrom(...tags), { minLength: 1, maxLength: 4 })
  ),
  except: fc.uniqueArray(fc.constantFrom(...tags), { maxLength: 2 }),
  switchIndex: fc.nat({ max: 15 })
})

/** Rule `i` returns the verdict `verdictTags[facts.switches[switchIndex] % 4]`. */
const makeRule = (spec: RuleSpec, i: number): Rule.Rule<Command, Facts> =>
  rule({
    id: `generated/${i}`,
    principle: PluginPrinciple,
    appliesTo: spec.appliesTo,
    ...(spec.appliesTo === "*" ? { except: spec.except } : {}),
    reads: ["switches"],
    check: (_command, facts, v) => {
      const tag = verdictTags[(facts.switches[spec.switchIndex] ?? 0) % 4]!
      switch (tag) {
        case "Allow":
          return v.allow
        case "Deny":
          return v.deny(`rule ${i} denies`, `generated.${i}`)
        case "Require":
          return v.require({ kind: "consent", detail: `rule ${i} requires` }, `generated.${i}`)
        case "Warn":
          return v.warn(`rule ${i} warns`, `generated.${i}`)
      }
    }
  })

const scenario = fc.record({
  specs: fc.array(ruleSpec, { maxLength: 25 }),
  switches: fc.array(fc.nat({ max: 3 }), { minLength: 16, maxLength: 16 }),
  tag: fc.constantFrom(...tags)
})

const expectedVerdict = (spec: RuleSpec, switches: ReadonlyArray<number>): VerdictTag =>
  verdictTags[(switches[spec.switchIndex] ?? 0) % 4]!

const applies = (
  spec: RuleSpec,
  tag: Tag
) => (spec.appliesTo === "*" ? !spec.except.includes(tag) : spec.appliesTo.includes(tag))

/** A decision as plain data (which rules, in order), to compare decisions structurally. */
const summary = (decision: Decision.Decision) => ({
  tag: decision._tag,
  violations: decision._tag === "Denied" ? decision.violations.map((v) => v.rule) : [],
  requirements: decision._tag === "Allowed" ? [] : decision.requirements.map((r) => r.rule),
  warnings: decision.warnings.map((w) => w.rule)
})

describe("Engine: combining verdicts", () => {
  it("Deny dominates, then Require; Allowed only when no rule denies or requires", () => {
    fc.assert(
      fc.property(scenario, ({ specs, switches, tag }) => {
        const engine = Engine.makeUnsafe<Command, Facts>({ rules: specs.map(makeRule) })
        const facts = deepFreeze({ ...baseFacts, switches })
        const decision = engine.check(sampleCommand[tag], facts)
        const said = specs.map((spec, i) => ({ i, spec, verdict: expectedVerdict(spec, switches) })).filter((r) =>
          applies(r.spec, tag)
        )
        const ids = (verdict: VerdictTag) => said.filter((r) => r.verdict === verdict).map((r) => `generated/${r.i}`)
        const expectedTag = ids("Deny").length > 0 ? "Denied" : ids("Require").length > 0 ? "Required" : "Allowed"
        expect(summary(decision)).toEqual({
          tag: expectedTag,
          violations: ids("Deny"),
          requirements: expectedTag === "Allowed" ? [] : ids("Require"),
          warnings: ids("Warn")
        })
        // The all-allow path returns the shared value (no allocation).
        expect(decision === Decision.allowed).toBe(said.every((r) => r.verdict === "Allow"))
      })
    )
  })

  it("explain lists exactly the applicable rules, in order, and agrees with check", () => {
    fc.assert(
      fc.property(scenario, ({ specs, switches, tag }) => {
        const engine = Engine.makeUnsafe<Command, Facts>({ rules: specs.map(makeRule) })
        const facts = deepFreeze({ ...baseFacts, switches })
        const explanation = engine.explain(sampleCommand[tag], facts)
        const applicable = specs.flatMap((spec, i) => (applies(spec, tag) ? [`generated/${i}`] : []))
        expect(explanation.steps.map((s) => s.rule)).toEqual(applicable)
        expect(engine.rulesFor(tag).map((r) => r.id)).toEqual(applicable)
        expect(explanation.steps.every((s) => s.principle === PluginPrinciple.id)).toBe(true)
        expect(explanation.steps.map((s) => s.verdict._tag)).toEqual(
          specs.filter((spec) => applies(spec, tag)).map((spec) => expectedVerdict(spec, switches))
        )
        expect(summary(explanation.decision)).toEqual(summary(engine.check(sampleCommand[tag], facts)))
        expect(summary(Decision.combine(explanation.steps.map((s) => s.verdict)))).toEqual(
          summary(explanation.decision)
        )
      })
    )
  })

  it("is deterministic and pure: same input, same decision; frozen facts are never written", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...tags),
        fc.constantFrom("child", "youth", "adult"),
        fc.boolean(),
        fc.integer({ min: 0, max: 30 }),
        fc.array(
          fc.record({ purpose: fc.constantFrom("referral", "report"), recipient: fc.constantFrom("org-1", "org-2") }),
          { maxLength: 3 }
        ),
        (tag, ageBand, freeOfCharge, minimumAge, consents) => {
          const engine = Engine.makeUnsafe<Command, Facts>({
            rules: builtIn,
            protectedCommands: [endCooperationIsFree]
          })
          const facts = deepFreeze({
            ...baseFacts,
            person: { ageBand, consents },
            service: { ...baseFacts.service, freeOfCharge, minimumAge }
          })
          const before = JSON.stringify(facts)
          const first = engine.explain(sampleCommand[tag], facts)
          const second = engine.explain(sampleCommand[tag], facts)
          expect(summary(second.decision)).toEqual(summary(first.decision))
          expect(second.steps.map((s) => s.verdict._tag)).toEqual(first.steps.map((s) => s.verdict._tag))
          expect(JSON.stringify(facts)).toBe(before)
        }
      )
    )
  })

  it("commands no rule names get only the \"*\" rules", () => {
    const everywhere = rule({
      id: "plugin/everywhere",
      principle: PluginPrinciple,
      appliesTo: "*",
      except: ["EndCooperation"],
      reads: [],
      verdicts: ["Warn"],
      check: (_c, _f, v) => v.warn("seen", "plugin.seen")
    })
    const engine = Engine.makeUnsafe<Command, Facts>({ rules: [everywhere] })
    const unknown = { _tag: "Unknown" } as unknown as Command
    expect(engine.explain(unknown, baseFacts).steps.map((s) => s.rule)).toEqual(["plugin/everywhere"])
    expect(engine.explain(sampleCommand.EndCooperation, baseFacts).steps).toEqual([])
  })
})

describe("Engine: the built-in examples", () => {
  const engine = Engine.makeUnsafe<Command, Facts>({ rules: builtIn, protectedCommands: [endCooperationIsFree] })

  it("denies a fee for a free service with a violation naming principle and rule", () => {
    const decision = engine.check({ _tag: "ChargeFee", amount: 5 }, baseFacts)
    expect(decision._tag).toBe("Denied")
    if (decision._tag !== "Denied") return
    const [violation] = decision.violations
    expect(violation).toBeInstanceOf(PrincipleViolation)
    expect({ ...violation }).toMatchObject({
      _tag: "PrincipleViolation",
      principle: "free-of-charge",
      rule: "free-of-charge/no-fee",
      messageKey: "principles.freeOfCharge.fee"
    })
    expect(engine.check({ _tag: "ChargeFee", amount: 0 }, baseFacts)).toBe(Decision.allowed)
  })

  it("requires consent before disclosure to a recipient without one", () => {
    const decision = engine.check({ _tag: "Disclose", purpose: "referral", recipient: "org-2" }, baseFacts)
    expect(decision._tag).toBe("Required")
    if (decision._tag !== "Required") return
    expect(decision.requirements[0].requirement).toEqual({
      kind: "consent",
      purpose: "referral",
      detail: "consent of the person for this recipient"
    })
    expect(engine.check(sampleCommand.Disclose, baseFacts)).toBe(Decision.allowed)
  })

  it("warns without blocking", () => {
    const decision = engine.check(sampleCommand.RegisterPerson, baseFacts)
    expect(decision._tag).toBe("Allowed")
    expect(decision.warnings.map((w) => w.rule)).toEqual(["plugin/adults-only"])
  })

  it.effect("checkEffect fails with the first violation as a typed error", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(engine.checkEffect({ _tag: "ChargeFee", amount: 5 }, baseFacts))
      expect(error._tag).toBe("PrincipleViolation")
      expect(error.rule).toBe("free-of-charge/no-fee")
      const recovered = yield* engine.checkEffect({ _tag: "ChargeFee", amount: 5 }, baseFacts).pipe(
        Effect.catchTag("PrincipleViolation", (e) => Effect.succeed(e.principle))
      )
      expect(recovered).toBe("free-of-charge")
    }))

  it.effect("checkEffect succeeds with Allowed or Required", () =>
    Effect.gen(function*() {
      expect(
        yield* engine.checkEffect(sampleCommand.ChargeFee, {
          ...baseFacts,
          service: { ...baseFacts.service, freeOfCharge: false }
        })
      ).toBe(
        Decision.allowed
      )
      const required = yield* engine.checkEffect({ _tag: "Disclose", purpose: "report", recipient: "org-1" }, baseFacts)
      expect(required._tag).toBe("Required")
    }))

  it("checkEffect is lazy: nothing is evaluated until it runs", () => {
    let calls = 0
    const counting = rule({
      id: "plugin/counting",
      principle: PluginPrinciple,
      appliesTo: ["ChargeFee"],
      reads: [],
      verdicts: [],
      check: (_c, _f, v) => {
        calls++
        return v.allow
      }
    })
    const lazy = Engine.makeUnsafe<Command, Facts>({ rules: [counting] })
    const effect = lazy.checkEffect(sampleCommand.ChargeFee, baseFacts)
    expect(calls).toBe(0)
    Effect.runSync(effect)
    Effect.runSync(effect)
    expect(calls).toBe(2)
  })
})

describe("Engine: declared verdicts are enforced at run time", () => {
  const liar = rule({
    id: "plugin/liar",
    principle: PluginPrinciple,
    appliesTo: ["RegisterPerson"],
    reads: [],
    verdicts: ["Warn"],
    check: (_c, _f, v) => v.deny("not declared", "plugin.liar")
  })
  const engine = Engine.makeUnsafe<Command, Facts>({ rules: [liar] })

  it("check and explain throw RuleBrokeContract", () => {
    expect(() => engine.check(sampleCommand.RegisterPerson, baseFacts)).toThrow(RegistrationError.RuleBrokeContract)
    expect(() => engine.explain(sampleCommand.RegisterPerson, baseFacts)).toThrow(/does not declare "Deny"/)
  })

  it("checkEffect dies (a defect, not a typed failure)", () => {
    const exit = Effect.runSyncExit(engine.checkEffect(sampleCommand.RegisterPerson, baseFacts))
    expect(Exit.isFailure(exit) && !Exit.hasFails(exit)).toBe(true)
  })

  it("the verdict builder attributes verdicts to the rule and its principle", () => {
    const verdict = liar.verdict.deny("reason", "key")
    expect(Verdict.isDeny(verdict) && verdict.violation.rule).toBe("plugin/liar")
    expect(Verdict.principleOf(verdict)).toBe(PluginPrinciple.id)
    expect(Verdict.principleOf(liar.verdict.warn("r", "k"))).toBe(PluginPrinciple.id)
    expect(Verdict.principleOf(Verdict.allow)).toBeUndefined()
  })
})

describe("Engine: a misbehaving rule cannot stop a protected command", () => {
  const lying = rule({
    id: "plugin/lying-farewell",
    principle: PluginPrinciple,
    appliesTo: ["EndCooperation"],
    reads: [],
    verdicts: ["Warn"],
    check: (_c, _f, v) => v.deny("says Warn, returns Deny", "plugin.lying")
  })
  const crashing = rule({
    id: "plugin/crashing-farewell",
    principle: PluginPrinciple,
    appliesTo: ["EndCooperation"],
    reads: [],
    verdicts: ["Warn"],
    check: () => {
      throw new Error("bug in a plugin")
    }
  })
  const wildcardLiar = rule({
    id: "plugin/wildcard-liar",
    principle: PluginPrinciple,
    appliesTo: "*",
    reads: [],
    verdicts: [],
    check: (_c, _f, v) => v.require({ kind: "reason", detail: "undeclared" }, "plugin.wild")
  })
  const engine = Engine.makeUnsafe<Command, Facts>({
    rules: [...builtIn, lying, crashing, wildcardLiar],
    protectedCommands: [endCooperationIsFree]
  })

  it("check allows ending cooperation and turns every misbehaviour into a warning naming the rule", () => {
    const decision = engine.check(sampleCommand.EndCooperation, baseFacts)
    expect(decision._tag).toBe("Allowed")
    const rules = decision.warnings.map((w) => w.rule)
    expect(rules).toEqual(
      expect.arrayContaining(["plugin/lying-farewell", "plugin/crashing-farewell", "plugin/wildcard-liar"])
    )
    for (const w of decision.warnings.filter((w) => w.rule.startsWith("plugin/"))) {
      expect(w.principle).toBe("voluntariness")
      expect(w.messageKey).toBe("engine.protected-command.rule-misbehaved")
    }
  })

  it("explain and checkEffect agree: allowed, no defect", () => {
    expect(engine.explain(sampleCommand.EndCooperation, baseFacts).decision._tag).toBe("Allowed")
    const exit = Effect.runSyncExit(engine.checkEffect(sampleCommand.EndCooperation, baseFacts))
    expect(Exit.isSuccess(exit)).toBe(true)
  })

  it("other commands still treat a lying rule as a broken contract", () => {
    expect(() => engine.check(sampleCommand.RegisterPerson, baseFacts)).toThrow(RegistrationError.RuleBrokeContract)
  })
})
