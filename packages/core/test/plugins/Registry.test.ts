import { describe, expect, it } from "@effect/vitest"
import { Effect, Exit, Result } from "effect"
import * as fc from "fast-check"
import type { Command } from "../../src/Command.js"
import type { Facts } from "../../src/Facts.js"
import { languages } from "../../src/model/Common.js"
import type { Plugin } from "../../src/plugins/Plugin.js"
import * as Registry from "../../src/plugins/Registry.js"
import { defineRule, Principle } from "../../src/principles/index.js"
import { broken, contactInput, debts, facts, labels, shelter } from "./fixtures.js"

const rule = defineRule<Command, Facts>()
// The registry fails with one error, PluginError; its reason says what is wrong.
const problemsOf = (plugins: ReadonlyArray<Plugin>, options?: Registry.Options) =>
  Registry.validate(plugins, options).map((e) => e.reason)
const tagsOf = (plugins: ReadonlyArray<Plugin>, options?: Registry.Options) =>
  problemsOf(plugins, options).map((p) => p._tag)

describe("Registry.make", () => {
  it("registers sound plugins and merges what they contribute", () => {
    const registry = Registry.makeUnsafe([shelter, debts])
    expect(registry.plugins.map((p) => p.id)).toEqual(["test-shelter", "test-debts"])
    expect(registry.taxonomies.interventions.map((e) => `${e.plugin}:${e.code}`)).toEqual([
      "test-shelter:bed-night",
      "test-shelter:counselling",
      "test-debts:debt-analysis",
      "test-debts:counselling"
    ])
    expect(registry.taxonomies.needs).toHaveLength(1)
    expect(registry.taxonomies.activityTopics).toEqual([])
    expect(registry.indicators.map((i) => [i.plugin, i.code])).toEqual([
      ["test-shelter", "housed"],
      ["test-shelter", "stability"],
      ["test-debts", "solvent"]
    ])
    expect(registry.goals.map((g) => g.code)).toEqual(["housing", "solvency"])
    expect(registry.reports.map((r) => [r.plugin, r.id])).toEqual([["test-shelter", "nights"], [
      "test-shelter",
      "housed-by-month"
    ]])
    expect(registry.principles.map((p) => p.id)).toContain("shelter-house-rules")
    expect(registry.principles.map((p) => p.id)).toContain("voluntariness")
    expect(registry.serviceType("test-debts")).toBe(debts)
    expect(registry.serviceType("nobody")).toBeUndefined()
    expect(registry.label("interventions", "counselling", "cs", "test-debts")).toBe("Counselling (cs)")
    expect(registry.label("interventions", "counselling", "cs")).toBe("Poradenství")
    expect(registry.isCode("channels", "phone")).toBe(true)
    expect(registry.isCode("channels", "phone", "test-shelter")).toBe(false)
  })

  it("builds one engine of core rules and plugin rules, core first", () => {
    const registry = Registry.makeUnsafe([shelter])
    const ids = registry.engine.rules.map((r) => r.id)
    expect(ids).toContain("shelter-house-rules/quiet-hours")
    expect(ids).toContain("shelter-house-rules/adults-only")
    expect(ids.indexOf("equality/eligibility-by-target-age")).toBeLessThan(
      ids.indexOf("shelter-house-rules/adults-only")
    )
    const child = facts({
      person: {
        id: "p-1",
        identityLevel: "anonymous",
        ageBand: "11-14",
        gender: "not-stated",
        needs: [],
        protected: {},
        situation: {}
      }
    })
    const decision = registry.engine.explain({ _tag: "AssessEligibility", serviceId: "service-1" as never }, child)
    expect(decision.decision._tag).toBe("Denied")
    expect(decision.steps.find((s) => s.rule === "shelter-house-rules/adults-only")?.verdict._tag).toBe("Deny")
  })

  it("orders plugins after their dependencies", () => {
    const addOn = broken(debts, { id: "test-add-on", dependencies: { "test-shelter": "^1.0.0" } })
    const registry = Registry.makeUnsafe([addOn, shelter])
    expect(registry.order.map((p) => p.id)).toEqual(["test-shelter", "test-add-on"])
  })

  it.effect("is an Effect that fails with the first tagged error", () =>
    Effect.gen(function*() {
      const exit = yield* Effect.exit(Registry.make([shelter], { coreVersion: "2.0.0" }))
      expect(Exit.isFailure(exit)).toBe(true)
      const error = yield* Effect.flip(Registry.make([shelter], { coreVersion: "2.0.0" }))
      expect(error._tag).toBe("PluginError")
      expect(error.reason._tag).toBe("PluginIncompatible")
      expect(error.plugin).toBe("test-shelter")
      expect(error.message).toBe(error.reason.message)
      const recovered = yield* Registry.make([shelter], { coreVersion: "2.0.0" }).pipe(
        Effect.map(() => "registered"),
        Effect.catchTag("PluginError", (e) =>
          e.reason._tag === "PluginIncompatible" ? Effect.succeed(e.reason.range) : Effect.fail(e))
      )
      expect(recovered).toBe("^0.1.0")
    }))

  it("has a sync Result variant", () => {
    expect(Result.isSuccess(Registry.makeResult([shelter]))).toBe(true)
    const failed = Registry.makeResult([shelter, shelter])
    expect(Result.isFailure(failed) && failed.failure.reason._tag).toBe("DuplicatePlugin")
  })
})

describe("registration refusals", () => {
  it("MalformedPlugin: a required field missing or of the wrong type (plugins written in JavaScript)", () => {
    const { taxonomies: _, ...noTaxonomies } = shelter
    const problems = problemsOf([noTaxonomies as unknown as Plugin, broken(debts, { goals: "none" })])
    expect(problems.map((p) => [p._tag, "plugin" in p ? p.plugin : "", "field" in p ? p.field : ""])).toEqual([
      ["MalformedPlugin", "test-shelter", "taxonomies"],
      ["MalformedPlugin", "test-shelter", "taxonomies.interventions"],
      ["MalformedPlugin", "test-shelter", "taxonomies.channels"],
      ["MalformedPlugin", "test-shelter", "taxonomies.firstContactChannels"],
      ["MalformedPlugin", "test-debts", "goals"]
    ])
    expect(problems[0]?.message).toContain("define the plugin with definePlugin")
    expect(problemsOf([null as unknown as Plugin]).map((p) => p._tag)).toEqual(["MalformedPlugin"])
  })

  it("MalformedPlugin: the plugin Schema names every damaged field at once, never its value (property)", () => {
    // Fields whose damage is reported at the field itself (objects that require fields inside,
    // `requires` and `taxonomies`, also name those; the test above covers them).
    const damageable = [
      "version",
      "labels",
      "targetGroup",
      "dependencies",
      "config",
      "messages",
      "principles",
      "indicators",
      "goals",
      "reports",
      "extraPrinciples",
      "rules",
      "removes",
      "eligibility",
      "derivations",
      "languages",
      "operations"
    ] as const
    const secret = 4242.5
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...damageable), { minLength: 1 }), (damaged) => {
        const plugin = { ...shelter, ...Object.fromEntries(damaged.map((field) => [field, secret])) }
        const problems = problemsOf([plugin])
        expect(problems.every((p) => p._tag === "MalformedPlugin")).toBe(true)
        expect(problems.map((p) => "field" in p ? p.field : "").sort()).toEqual([...damaged].sort())
        expect(problems.some((p) => p.message.includes(String(secret)))).toBe(false)
      }),
      { numRuns: 100 }
    )
  })

  it("MalformedPlugin: damage deeper down is named at its path, with what is expected", () => {
    const problems = problemsOf([
      broken(shelter, {
        indicators: [{ ...shelter.indicators[0], scale: { _tag: "Ladder", min: 1 } }, 3],
        rules: [{ ...shelter.rules[0], appliesTo: [1], check: "no" }],
        requires: {}
      })
    ])
    expect(problems.map((p) => ["field" in p ? p.field : "", "expected" in p ? p.expected : ""])).toEqual([
      ["requires.core", "a version range string"],
      ["indicators[0].scale", "a YesNo, Ladder or Category scale"],
      ["indicators[1]", "an object"],
      ["rules[0].appliesTo", "\"*\" or an array of command tags"],
      ["rules[0].check", "a function"]
    ])
  })

  it("never throws on damaged plugins: registration succeeds or fails with tagged errors (property)", () => {
    const junk = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.string(),
      fc.integer(),
      fc.constant([]),
      fc.constant({}),
      fc.constant([null])
    )
    const keys = Object.keys(shelter)
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...keys), junk, { maxKeys: 4 }), (damage) => {
        const plugin = { ...shelter, ...damage } as unknown as Plugin
        const registered = Registry.makeResult([plugin, debts])
        if (Result.isFailure(registered)) {
          expect([registered.failure._tag, registered.failure.reason._tag]).toEqual([
            "PluginError",
            expect.stringMatching(/^[A-Z][A-Za-z]+$/)
          ])
        } else expect(registered.success.plugins).toHaveLength(2)
      }),
      { numRuns: 300 }
    )
  })

  it("never throws on plugins damaged deeper down (property)", () => {
    const junk = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.string(),
      fc.integer(),
      fc.constant([]),
      fc.constant({}),
      fc.constant([null])
    )
    const damages: ReadonlyArray<(j: unknown) => Record<string, unknown>> = [
      (j) => ({ indicators: [{ ...shelter.indicators[0], scale: j }] }),
      (j) => ({ indicators: [{ ...shelter.indicators[0], code: j }] }),
      (j) => ({ goals: [{ ...shelter.goals[0], indicators: j }] }),
      (j) => ({ rules: [{ ...shelter.rules[0], appliesTo: j }] }),
      (j) => ({ rules: [{ ...shelter.rules[0], principle: j }] }),
      (j) => ({ eligibility: [{ ...shelter.eligibility[0], reads: j }] }),
      (j) => ({ derivations: [{ ...shelter.derivations[0], derive: j }] }),
      (j) => ({ taxonomies: { ...shelter.taxonomies, channels: { "in-person": j } } }),
      (j) => ({ taxonomies: { ...shelter.taxonomies, needs: j } }),
      (j) => ({ labels: { ...shelter.labels, name: j } }),
      (j) => ({ requires: { core: j } }),
      (j) => ({ dependencies: { "test-debts": j } }),
      (j) => ({ reports: [{ ...shelter.reports[0], id: j }] }),
      (j) => ({ extraPrinciples: [j] }),
      (j) => ({ removes: [j] }),
      (j) => ({ principles: [j] })
    ]
    fc.assert(
      fc.property(fc.constantFrom(...damages), junk, (damage, j) => {
        const registered = Registry.makeResult([broken(shelter, damage(j)), debts])
        if (Result.isFailure(registered)) {
          expect([registered.failure._tag, registered.failure.reason._tag]).toEqual([
            "PluginError",
            expect.stringMatching(/^[A-Z][A-Za-z]+$/)
          ])
        } else expect(registered.success.plugins).toHaveLength(2)
      }),
      { numRuns: 500 }
    )
  })

  it("PluginIncompatible: the core version is outside requires.core", () => {
    const [problem] = problemsOf([broken(shelter, { requires: { core: "^1.0.0" } })])
    expect(problem?._tag).toBe("PluginIncompatible")
    expect(problem?.message).toContain(
      `"test-shelter" requires @pomoc/core ^1.0.0, but the core is ${Registry.coreVersion}`
    )
    expect(tagsOf([shelter], { coreVersion: "0.1.7" })).toEqual([])
    expect(tagsOf([shelter], { coreVersion: "0.2.0" })).toEqual(["PluginIncompatible"])
    expect(tagsOf([debts], { coreVersion: "1.9.0" })).toEqual([])
  })

  it("InvalidVersion: a version or range that is not semver, naming the field", () => {
    const problems = problemsOf([broken(shelter, { version: "one", requires: { core: "latest please" } })])
    expect(problems.map((p) => [p._tag, "field" in p ? p.field : ""])).toEqual([
      ["InvalidVersion", "version"],
      ["InvalidVersion", "requires.core"]
    ])
    expect(problems[0]?.message).toContain("MAJOR.MINOR.PATCH")
  })

  it("PluginDependencyMissing / PluginDependencyMismatch / PluginDependencyCycle", () => {
    const needsShelter = broken(debts, { dependencies: { "test-shelter": "^2.0.0" } })
    expect(tagsOf([needsShelter])).toEqual(["PluginDependencyMissing"])
    expect(problemsOf([needsShelter])[0]?.message).toContain(`register "test-shelter" too`)
    const [mismatch] = problemsOf([shelter, needsShelter])
    expect(mismatch?._tag).toBe("PluginDependencyMismatch")
    expect(mismatch?.message).toContain("needs plugin \"test-shelter\" ^2.0.0, but 1.2.0 is registered")
    expect(tagsOf([shelter, broken(debts, { dependencies: { "test-shelter": "~1.2.0" } })])).toEqual([])
    const a = broken(shelter, { dependencies: { "test-debts": "*" } })
    const b = broken(debts, { dependencies: { "test-shelter": "*" } })
    const cycle = problemsOf([a, b])
    expect(cycle.map((p) => p._tag)).toEqual(["PluginDependencyCycle"])
    expect(cycle[0]?.message).toContain(`"test-shelter" → "test-debts" → "test-shelter"`)
  })

  it("DuplicatePlugin: one id registered twice", () => {
    const problems = problemsOf([shelter, debts, broken(shelter, { version: "1.3.0" })])
    expect(problems.map((p) => p._tag)).toEqual(["DuplicatePlugin"])
    expect(problems[0]?.message).toContain(`"test-shelter" is registered twice`)
  })

  it("MissingLabels: a missing or blank language anywhere in the plugin, with its path", () => {
    const interventions = {
      ...shelter.taxonomies.interventions,
      counselling: { en: "Counselling", cs: "  ", lt: "Konsultavimas" }
    }
    const problems = problemsOf([broken(shelter, { taxonomies: { ...shelter.taxonomies, interventions } })])
    expect(problems.map((p) => p._tag)).toEqual(["MissingLabels"])
    expect(problems[0]).toMatchObject({ path: "taxonomies.interventions.counselling", languages: ["cs", "bg"] })
    expect(problems[0]?.message).toContain("en, cs, lt and bg")
    // Labels the contract does not know of (inside a report definition) are found too.
    const reports = [{ ...shelter.reports[0], dimensions: [{ labels: { en: "Night", cs: "Noc", lt: "", bg: "Нощ" } }] }]
    expect(problemsOf([broken(shelter, { reports })])[0]).toMatchObject({
      _tag: "MissingLabels",
      path: "reports[0].dimensions[0].labels",
      languages: ["lt"]
    })
    // A required label that is absent altogether.
    expect(problemsOf([broken(shelter, { labels: { name: shelter.labels.name } })])[0]).toMatchObject({
      _tag: "MissingLabels",
      path: "labels.description",
      languages: ["en", "cs", "lt", "bg"]
    })
  })

  it("MissingLabels: blanking any one label in any language is refused (property)", () => {
    const paths: ReadonlyArray<readonly [string, (p: Plugin, l: object) => Plugin]> = [
      ["labels.name", (p, l) => broken(p, { labels: { ...p.labels, name: l } })],
      ["targetGroup.description", (p, l) => broken(p, { targetGroup: { ...p.targetGroup, description: l } })],
      [
        "taxonomies.channels.in-person",
        (p, l) => broken(p, { taxonomies: { ...p.taxonomies, channels: { "in-person": l } } })
      ],
      [
        "indicators[1].labels",
        (p, l) => broken(p, { indicators: [p.indicators[0], { ...p.indicators[1], labels: l }] })
      ],
      ["goals[0].labels", (p, l) => broken(p, { goals: [{ ...p.goals[0], labels: l }] })],
      ["reports[0].labels", (p, l) => broken(p, { reports: [{ ...p.reports[0], labels: l }] })],
      ["extraPrinciples[0].labels", (p, l) => broken(p, { extraPrinciples: [{ ...p.extraPrinciples![0], labels: l }] })]
    ]
    fc.assert(
      fc.property(
        fc.constantFrom(...paths),
        fc.constantFrom(...languages),
        fc.constantFrom<string | undefined>(undefined, "", " ", "\t\n"),
        ([path, change], language, blank) => {
          const text = { en: "x", cs: "x", lt: "x", bg: "x" } as Record<string, string | undefined>
          if (blank === undefined) delete text[language]
          else text[language] = blank
          const problems = problemsOf([change(shelter, text)])
          expect(problems).toHaveLength(1)
          expect(problems[0]).toMatchObject({
            _tag: "MissingLabels",
            plugin: "test-shelter",
            path,
            languages: [language]
          })
        }
      )
    )
  })

  it("DuplicateCode: an indicator, goal, report or derivation defined twice", () => {
    const problems = problemsOf([
      broken(shelter, {
        indicators: [...shelter.indicators, shelter.indicators[0]],
        goals: [...shelter.goals, shelter.goals[0]],
        reports: [...shelter.reports, shelter.reports[0]],
        derivations: [...shelter.derivations, shelter.derivations[0]]
      })
    ])
    expect(problems.map((p) => [p._tag, "field" in p ? p.field : "", "code" in p ? p.code : ""])).toEqual([
      ["DuplicateCode", "indicators", "housed"],
      ["DuplicateCode", "goals", "housing"],
      ["DuplicateCode", "reports", "nights"],
      ["DuplicateCode", "derivations", "housed-after-nights"]
    ])
    expect(problems[0]?.message).toContain("give each entry its own code")
  })

  it("DuplicateCode: a rule id or principle id of another plugin", () => {
    const copycat = broken(debts, { rules: [shelter.rules[0]], extraPrinciples: [shelter.extraPrinciples[0]] })
    const problems = problemsOf([shelter, copycat])
    expect(problems.map((p) => [p._tag, "field" in p ? p.field : "", "otherPlugin" in p ? p.otherPlugin : ""])).toEqual(
      [
        ["DuplicateCode", "extraPrinciples", "test-shelter"],
        ["DuplicateCode", "rules", "test-shelter"]
      ]
    )
    expect(problems[1]?.message).toContain(`prefix your ids with your plugin id`)
  })

  it("InvalidCode: codes and the plugin id must be model codes", () => {
    const problems = problemsOf([
      broken(shelter, {
        id: "Test Shelter",
        taxonomies: { ...shelter.taxonomies, channels: { "In Person": labels("In person") } },
        indicators: [{
          code: "ok",
          labels: labels("Ok"),
          scale: { _tag: "Category", categories: ["fine", "Not_Fine"] }
        }],
        goals: [],
        derivations: []
      })
    ])
    expect(problems.map((p) => [p._tag, "path" in p ? p.path : ""])).toEqual([
      ["InvalidCode", "id"],
      ["InvalidCode", "taxonomies.channels"],
      ["InvalidCode", "indicators[0].scale.categories[1]"]
    ])
  })

  it("UnknownReference: goals and derivations name the plugin's indicators, principles are known", () => {
    const problems = problemsOf([
      broken(shelter, {
        goals: [{ code: "housing", labels: labels("Housing"), indicators: ["housed", "happiness"] }],
        derivations: [{ id: "d", indicator: "luck", derive: () => undefined }],
        principles: ["voluntariness", "kindness"]
      })
    ])
    expect(problems.map((p) => ["path" in p ? p.path : "", "reference" in p ? p.reference : ""])).toEqual([
      ["goals[0].indicators[1]", "happiness"],
      ["derivations[0].indicator", "luck"],
      ["principles[1]", "kindness"]
    ])
    expect(problems.every((p) => p._tag === "UnknownReference")).toBe(true)
  })

  it("UnknownReference: a rule enforcing a principle that is neither core nor the plugin's", () => {
    const stranger = Principle.make({ id: "stranger", labels: labels("Stranger") })
    const orphan = rule({
      id: "stranger/orphan",
      principle: stranger,
      appliesTo: ["RecordContact"],
      reads: [],
      verdicts: ["Warn"],
      check: (_c, _f, v) => v.allow
    })
    const problems = problemsOf([broken(shelter, { rules: [...shelter.rules, orphan] })])
    expect(problems.map((p) => [p._tag, "path" in p ? p.path : "", "reference" in p ? p.reference : ""])).toEqual([
      ["UnknownReference", "rules[1].principle", "stranger"]
    ])
    expect(problems[0]?.message).toContain("add it to extraPrinciples")
  })

  it("PluginRuleRefused: a plugin rule that could deny ending cooperation", () => {
    const mustStay = rule({
      id: "test-shelter/must-stay",
      principle: shelter.extraPrinciples[0],
      appliesTo: ["EndCooperation"],
      reads: [],
      verdicts: ["Deny"],
      check: (_c, _f, v) => v.deny("stay", "stay")
    })
    const [problem] = problemsOf([broken(shelter, { rules: [mustStay] })])
    expect(problem?._tag).toBe("PluginRuleRefused")
    if (problem?._tag !== "PluginRuleRefused") return
    expect(problem.plugin).toBe("test-shelter")
    expect(problem.reason._tag).toBe("RuleWouldRestrictProtectedCommand")
    expect(problem.message).toContain(
      `Plugin "test-shelter": Rule "test-shelter/must-stay" may return Deny for "EndCooperation"`
    )
  })

  // Marital status: named by the debt-counselling seed's equal access ("rodinného stavu").
  for (const attribute of ["faith", "maritalStatus"] as const) {
    it(`PluginRuleRefused: an eligibility rule that reads a protected attribute (${attribute})`, () => {
      const byAttribute = rule({
        id: `test-shelter/by-${attribute}`,
        principle: shelter.extraPrinciples[0],
        appliesTo: ["AssessEligibility"],
        reads: [`person.protected.${attribute}`],
        verdicts: ["Deny"],
        check: (_c, f, v) => f.person?.protected[attribute] === undefined ? v.allow : v.deny(attribute, attribute)
      })
      const [problem] = problemsOf([broken(shelter, { eligibility: [byAttribute] })])
      expect(problem?._tag === "PluginRuleRefused" && problem.reason._tag).toBe("ProtectedAttributeRead")
      expect(problem?.message).toContain(`"person.protected.${attribute}"`)
    })
  }

  it("PluginRuleRefused: removing or overriding a core rule", () => {
    const removes = problemsOf([broken(shelter, { removes: ["voluntariness/leave-any-time"] })])
    expect(removes.map((p) => p._tag === "PluginRuleRefused" && p.reason._tag)).toEqual(["CorePrincipleRemoved"])
    expect(removes[0]?.message).toContain("core principles cannot be switched off")
    const core = Registry.builtinCore.engine.ruleSets![0]!.rules[0]!
    const override = { ...shelter.rules[0], id: core.id }
    const overrides = problemsOf([broken(shelter, { rules: [override] })])
    expect(overrides.map((p) => p._tag === "PluginRuleRefused" && p.reason._tag)).toEqual(["CorePrincipleRemoved"])
  })

  it("PluginRuleRefused: an eligibility rule that is not about eligibility", () => {
    const [problem] = problemsOf([broken(shelter, { eligibility: [shelter.rules[0]] })])
    expect(problem?._tag === "PluginRuleRefused" && problem.reason._tag).toBe("InvalidRule")
    expect(problem?.message).toContain("must apply to AssessEligibility")
  })

  it("validate lists every problem of every plugin", () => {
    const problems = problemsOf([
      broken(shelter, { requires: { core: "^9.0.0" }, principles: ["nothing"] }),
      broken(debts, { dependencies: { ghost: "^1.0.0" } })
    ])
    expect(problems.map((p) => p._tag)).toEqual(["PluginIncompatible", "PluginDependencyMissing", "UnknownReference"])
  })

  it("errors carry no personal data: they are built from plugin code only", () => {
    // Every field of every error is a plugin id, a code, a path or a version.
    const problems = problemsOf([
      broken(shelter, { version: "x", indicators: [...shelter.indicators, shelter.indicators[0]] })
    ])
    for (const problem of problems) expect(JSON.stringify(problem)).not.toMatch(/person|worker-1/)
  })
})

describe("recordContact", () => {
  const registry = Registry.makeUnsafe([shelter, debts])

  it.effect("builds a RecordContact command from a typed contact", () =>
    Effect.gen(function*() {
      const command = yield* registry.recordContact("test-shelter", {
        ...contactInput,
        interventions: ["bed-night", "counselling"],
        channel: "in-person"
      })
      expect(command._tag).toBe("RecordContact")
      expect(command.contact.interventions).toEqual(["bed-night", "counselling"])
    }))

  it.effect("refuses at run time a code of another service type (untyped callers)", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(
        registry.recordContact("test-shelter", {
          ...contactInput,
          interventions: ["debt-analysis" as "bed-night"],
          channel: "in-person"
        })
      )
      expect(error).toMatchObject({ _tag: "PluginError" })
      expect(error._tag === "PluginError" && error.reason).toMatchObject({
        _tag: "UnknownCode",
        serviceType: "test-shelter",
        taxonomy: "interventions",
        code: "debt-analysis"
      })
      const unknownType = yield* Effect.flip(
        registry.recordContact("nobody" as "test-shelter", { ...contactInput, interventions: [], channel: "in-person" })
      )
      expect(unknownType._tag === "PluginError" && unknownType.reason._tag).toBe("UnknownServiceType")
    }))

  it.effect("refuses input that does not decode", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(
        registry.recordContact("test-debts", {
          ...contactInput,
          anonymousCount: 0,
          interventions: [],
          channel: "phone"
        })
      )
      expect(error._tag).toBe("InvalidInput")
    }))
})

describe("derive", () => {
  it("runs a service type's derivations and keeps values on the indicator's scale", () => {
    const registry = Registry.makeUnsafe([shelter])
    const history = (contacts: number) => ({
      asOf: facts().now,
      contacts: Array.from({ length: contacts }, () => ({}) as never),
      plans: [],
      measurements: []
    })
    expect(registry.derive("test-shelter", history(0))).toEqual([])
    expect(registry.derive("test-shelter", history(5))).toEqual([
      {
        plugin: "test-shelter",
        derivation: "housed-after-nights",
        indicator: "housed",
        value: { _tag: "YesNo", value: true }
      }
    ])
    const offScale = Registry.makeUnsafe([
      broken(shelter, {
        derivations: [{ id: "bad", indicator: "stability", derive: () => ({ _tag: "Ladder", value: 9 }) }]
      })
    ])
    expect(offScale.derive("test-shelter", history(1))).toEqual([])
  })
})

describe("principles", () => {
  it("a plugin principle unknown to core is registered with the plugin", () => {
    const extra = Principle.make({ id: "test-extra", labels: labels("Extra") })
    const registry = Registry.makeUnsafe([broken(debts, { extraPrinciples: [extra], principles: ["test-extra"] })])
    expect(registry.principles.at(-1)).toBe(extra)
  })
})
