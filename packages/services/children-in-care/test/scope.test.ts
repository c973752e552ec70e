/**
 * The registry runs every plugin's rules for every command, so each rule must keep to services
 * of its own type: for any other service type, every rule allows whatever the command and facts.
 */
import { describe, expect, it } from "@effect/vitest"
import * as fc from "fast-check"
import { Command } from "@pomoc/core"
import { arbCoreCommand, arbCoreFacts } from "@pomoc/core/testing"
import { childrenInCare as plugin } from "../src/index.js"

const otherTypes = fc.constantFrom("low-threshold-club", "debt-counselling", "street-work", "community-centre", "night-shelter")

describe(`${plugin.id} rules keep to their own service type`, () => {
  for (const rule of [...plugin.rules, ...plugin.eligibility]) {
    const tags = rule.appliesTo === "*" ? Command.commandTags : rule.appliesTo
    it(rule.id, () => {
      expect(tags.length).toBeGreaterThan(0)
      fc.assert(fc.property(arbCoreCommand(tags), arbCoreFacts, otherTypes, (command, facts, type) => {
        fc.pre(command._tag !== "RegisterService" || command.service.type !== plugin.id)
        const other = { ...facts, service: { ...facts.service, type } }
        expect(rule.check(command, other, rule.verdict)).toEqual({ _tag: "Allow" })
      }), { numRuns: 200 })
    })
  }
})
