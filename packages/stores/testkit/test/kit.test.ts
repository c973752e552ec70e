import { Store } from "@pomoc/core"
import { checks, expectStoreError, runCheck, suite } from "@pomoc/store-testkit"
import type { Check, SuiteOptions } from "@pomoc/store-testkit"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import * as ModelStore from "./modelStore.js"
import type { Faults } from "./modelStore.js"

const named = (group: ReadonlyArray<Check>, fragment: string): Check => {
  const found = group.find((c) => c.name.includes(fragment))
  if (found === undefined) throw new Error(`no check named like ${fragment}`)
  return found
}

const broken = (faults: Faults, extra: Partial<SuiteOptions> = {}): SuiteOptions => ({
  layer: ModelStore.layer(faults),
  modelRuns: 300,
  propertyRuns: 100,
  ...extra
})

// The kit's own reference (its Model behind the contract) passes the whole suite.
suite("model store", { layer: ModelStore.layer(), modelRuns: 30, propertyRuns: 30 })

// The capability sub-suites (durable, concurrentWriters, migrations) pass on a correct adapter that
// declares them.
suite("model database", { ...ModelStore.database(), modelRuns: 30, propertyRuns: 30 })

describe("the kit catches broken adapters", () => {
  const cases: ReadonlyArray<readonly [string, Faults, Check]> = [
    ["ignores expectedVersion (stale update)", { ignoreExpectedVersion: true }, named(checks.versions, "stale update")],
    [
      "ignores expectedVersion (create over existing)",
      { ignoreExpectedVersion: true },
      named(checks.versions, "creating a record that exists")
    ],
    [
      "ignores expectedVersion (racing updates)",
      { ignoreExpectedVersion: true },
      named(checks.concurrency, "exactly one wins")
    ],
    ["ignores expectedVersion (stale delete)", { ignoreExpectedVersion: true }, named(checks.deletes, "stale delete")],
    ["ignores expectedVersion (model-based)", { ignoreExpectedVersion: true }, checks.modelBased[0]!],
    ["is not atomic", { notAtomic: true }, named(checks.atomicity, "one stale record")],
    ["lists in insertion order", { unordered: true }, named(checks.list, "ordered by at")],
    ["pages on by time only", { keysetByTimeOnly: true }, named(checks.paging, "exactly the records of list")],
    ["pages on by time only (inserts)", { keysetByTimeOnly: true }, named(checks.paging, "inserted between pages")],
    ["accepts any cursor", { anyCursor: true }, named(checks.paging, "altered cursors")],
    ["accepts any facet name", { anyFacetName: true }, named(checks.aggregate, "refuses facet names")],
    ["re-seals the audit log on read", { resealOnRead: true }, named(checks.audit, "breaks verification")],
    ["drops carriage returns", { dropCarriageReturns: true }, named(checks.roundTrip, "records with hostile text")],
    ["drops carriage returns (nested JSON)", { dropCarriageReturns: true }, named(checks.roundTrip, "nested JSON")],
    [
      "ignores offset with personId (found by the model-based test)",
      { offsetIgnoredWithPerson: true },
      checks.modelBased[0]!
    ],
    [
      "miscounts distinct people (found by the model-based test)",
      { distinctPeopleRepeats: true },
      checks.modelBased[0]!
    ],
    ["miscounts distinct people", { distinctPeopleRepeats: true }, named(checks.aggregate, "distinct people")],
    ["reports no change per person", { changeFromFirstOnly: true }, named(checks.measures, "first and last value")],
    [
      "reports no change per person (found by the naive model)",
      { changeFromFirstOnly: true },
      named(checks.measures, "naive model")
    ],
    ["miscounts distinct people (naive model)", { distinctPeopleRepeats: true }, named(checks.measures, "naive model")],
    ["counts a whole group as a rate's part", { partIsWhole: true }, named(checks.measures, "naive model")],
    ["ignores preconditions", { ignorePreconditions: true }, named(checks.preconditions, "one that moved")],
    [
      "ignores preconditions (expecting absence)",
      { ignorePreconditions: true },
      named(checks.preconditions, "expects a record to be absent")
    ],
    ["ignores guard keys", { ignoreGuardKeys: true }, named(checks.guardKeys, "second record of the kind")]
  ]
  for (const [name, faults, check] of cases) {
    it(`an adapter that ${name} fails "${check.name}"`, { timeout: 60_000 }, async () => {
      await expect(runCheck(check, broken(faults))).rejects.toThrow()
    })
  }

  it("the same checks pass on the correct adapter", { timeout: 60_000 }, async () => {
    for (const [, , check] of cases) await runCheck(check, broken({}))
  })

  it("a declared durable capability without reopen fails instead of skipping", async () => {
    await expect(runCheck(checks.durable[0]!, broken({ claimsDurable: true }))).rejects.toThrow(
      /options\.reopen is required/
    )
  })

  it("a store that claims durability but forgets on reopen fails the durable check", async () => {
    await expect(runCheck(checks.durable[0]!, broken({ claimsDurable: true }, { reopen: ModelStore.layer() }))).rejects
      .toThrow()
  })

  it("expectStoreError fails when the operation succeeds or fails with another reason", async () => {
    await expect(Effect.runPromise(expectStoreError(Effect.succeed(1)))).rejects.toThrow(/succeeded/)
    const conflict = Effect.fail(
      Store.fail("commit", new Store.Conflict({ kind: "person", id: "p", expectedVersion: 1, actualVersion: 2 }))
    )
    await expect(Effect.runPromise(expectStoreError(conflict, "InvalidQuery"))).rejects.toThrow(/got Conflict/)
    expect((await Effect.runPromise(expectStoreError(conflict, "Conflict")))._tag).toBe("Conflict")
  })
})
