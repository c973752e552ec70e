// docs/principles.md against the code: every principle and rule is documented, and the plugin
// example keeps running.
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import * as fc from "fast-check"
import doc from "../../../../../docs/principles.md?raw"
// Imported by package name, as the example in the doc does.
import { type Command, defineRule, type Facts, Principle, Principles, RuleSet } from "@pomoc/core"
import { arbCoreCommand, arbCoreFacts, declaredReadsProperty, lowThresholdProperty } from "@pomoc/core/testing"
import { facts, recordContact } from "./fixtures.js"

describe("docs/principles.md", () => {
  it("documents every built-in principle and rule, with its commands and verdicts", () => {
    for (const principle of Principles.corePrinciples) expect(doc).toContain(`(\`${principle.id}\`)`)
    for (const rule of Principles.coreRules) {
      const row = doc.split("\n").find((line) => line.startsWith(`| \`${rule.id}\` |`))
      expect(row, rule.id).toBeDefined()
      const tags = rule.appliesTo === "*" ? [] : rule.appliesTo
      for (const tag of tags) expect(row, rule.id).toContain(`\`${tag}\``)
      const verdicts = row!.split("|")[3]!.trim()
      expect(verdicts, rule.id).toBe(rule.verdicts.length === 0 ? "(none)" : rule.verdicts.join(", "))
    }
  })

  it("quotes the seeds each principle comes from", () => {
    for (const principle of Principles.corePrinciples) {
      const seed = /seeds\/(\d{3})_/.exec(principle.source ?? "")
      expect(seed, principle.id).not.toBeNull()
      const section = doc.split("### ").find((s) => s.includes(`(\`${principle.id}\`)`))
      expect(section, principle.id).toContain(`seeds/${seed![1]}`)
    }
  })

  it("runs the plugin example", () => {
    const SafeSpace = Principle.make({
      id: "safe-space",
      labels: { en: "Safe space", cs: "Bezpečný prostor", lt: "Saugi erdvė", bg: "Безопасно пространство" },
      source: "seeds/000_ba94c08edc387484.txt: \"nabízet respektující vztah a bezpečný prostor\""
    })
    const lunchBreakOnly = defineRule<Command.Command, Facts.Facts>()({
      id: "safe-space/school-lunch-break",
      principle: SafeSpace,
      appliesTo: ["RecordContact"],
      reads: ["service.config.schoolContactMinutes"],
      verdicts: ["Warn"],
      check: (command, facts, v) => {
        const limit = facts.service.config["schoolContactMinutes"]
        return command.contact.locationKind === "school" && typeof limit === "number" &&
            command.contact.durationMinutes > limit
          ? v.warn("a school contact longer than the lunch break", "streetWork.schoolContactTooLong")
          : v.allow
      }
    })
    const engine = Effect.runSync(
      Principles.makeCoreEngine([RuleSet.make({ id: "street-work", rules: [lunchBreakOnly] })])
    )
    fc.assert(
      declaredReadsProperty([lunchBreakOnly], { commands: arbCoreCommand(["RecordContact"]), facts: arbCoreFacts })
    )
    fc.assert(lowThresholdProperty(engine), { numRuns: 50 })

    const contact = recordContact()
    if (contact._tag !== "RecordContact") throw new Error("fixture")
    const atSchool = {
      ...contact,
      contact: { ...contact.contact, locationKind: "school" as const, durationMinutes: 45 }
    }
    const configured = facts({ service: { ...facts().service, config: { schoolContactMinutes: 30 } } })
    expect(engine.check(atSchool, configured)).toMatchObject({
      _tag: "Allowed",
      warnings: [{ rule: "safe-space/school-lunch-break" }]
    })
    expect(engine.check(atSchool, facts())).toBe(engine.check(recordContact(), facts()))
  })
})
