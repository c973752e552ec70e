/**
 * Judging on the facts the rules look at (`judgeLazily`): the parts read from the store (the
 * consents, the cooperation, the plans) are read only once a rule looks at them. Against the
 * engine judging all the facts at once, for any core command and any facts.
 */
import { describe, expect, it } from "@effect/vitest"
import { arbCoreCommand, arbCoreFacts } from "@pomoc/core/testing"
import { Effect } from "effect"
import * as fc from "fast-check"
import { judgeLazily, type Part } from "../../src/casework/facts.js"
import type { Facts } from "../../src/Facts.js"
import { coreEngine } from "../../src/principles/builtin/index.js"

const PARTS: ReadonlyArray<Part> = ["consents", "cooperation", "plan"]

/** `full` with only the `known` parts: the others absent, as before they are read. */
const withParts = (full: Facts, known: ReadonlySet<Part>): Facts => {
  const { consents, cooperation, plan, ...rest } = full
  return {
    ...rest,
    consents: known.has("consents") ? consents : [],
    ...(known.has("cooperation") && cooperation !== undefined ? { cooperation } : {}),
    ...(known.has("plan") && plan !== undefined ? { plan } : {})
  }
}

describe("judgeLazily", () => {
  it("decides as the engine does on all the facts, reads each part at most once, and explains a refusal on all of them (property)", () => {
    let readSome = 0, skippedSome = 0
    fc.assert(
      fc.property(arbCoreCommand(), arbCoreFacts, fc.subarray([...PARTS]), (command, full, inHand) => {
        const known = new Set<Part>(inHand)
        const reads: Array<Part> = []
        const lazy = PARTS.filter((part) => !known.has(part))
        const { decision, facts } = Effect.runSync(judgeLazily(
          coreEngine,
          command,
          lazy,
          () => Effect.sync(() => withParts(full, known)),
          (next) =>
            Effect.sync(() => {
              reads.push(...next)
              for (const part of next) known.add(part)
            })
        ))
        expect(decision).toEqual(coreEngine.check(command, full))
        expect(new Set(reads).size).toBe(reads.length)
        for (const part of reads) expect(lazy).toContain(part)
        if (decision._tag !== "Allowed") expect({ ...facts }).toEqual(full)
        if (reads.length > 0) readSome++
        if (reads.length < lazy.length) skippedSome++
      }),
      { numRuns: 3000 }
    )
    // Both ways were taken: parts read because a rule looked, and parts never read.
    expect(readSome).toBeGreaterThan(0)
    expect(skippedSome).toBeGreaterThan(0)
  })

  it("a contact in a service whose independence rule stops at no active cooperation does not read the plans", () => {
    const full = fc.sample(arbCoreFacts, { numRuns: 1, seed: 9 })[0]!
    const facts: Facts = {
      ...full,
      service: { ...full.service, principles: ["independence"] },
      consents: []
    }
    const { cooperation: _, ...withoutCooperation } = facts
    const command = fc.sample(arbCoreCommand(["RecordContact"]), { numRuns: 1, seed: 9 })[0]!
    const reads: Array<Part> = []
    const known = new Set<Part>()
    Effect.runSync(judgeLazily(
      coreEngine,
      command,
      ["cooperation", "plan"],
      () => Effect.sync(() => withParts(withoutCooperation, known)),
      (next) =>
        Effect.sync(() => {
          reads.push(...next)
          for (const part of next) known.add(part)
        })
    ))
    expect(reads).toEqual(["cooperation"])
  })
})
