/**
 * Checks that run only for adapters declaring a capability: durability, concurrent writers
 * (several connections to one database) and migrations.
 * @since 0.1.0
 */
import { Audit, Store } from "@pomoc/core"
import { Effect, Exit, Layer, Option, Scope } from "effect"
import { expect } from "vitest"
import { draft, storedOf, write } from "../Arbitraries.js"
import { readAllAudit } from "../Harness.js"
import type { Check } from "../Harness.js"

const run = Effect.runPromise

/**
 * The `durable` sub-suite: what was committed survives closing and reopening.
 * @since 0.1.0
 * @category constructors
 */
export const durable: ReadonlyArray<Check> = [
  {
    name: "records, deletes and the audit chain survive closing and reopening",
    run: async (harness) => {
      const kept = write("person", "p-kept", 0, {
        serviceId: "s",
        personIds: ["p-kept"],
        at: "2024-05-01T00:00:00.000Z",
        facets: { channel: "street" },
        tags: ["x"],
        data: { a: [1, "two"] }
      })
      const head = await harness.fresh(async ({ store }) => {
        await run(store.commit({ writes: [kept, write("person", "p-gone", 0)], audit: [draft("create")] }))
        await run(
          store.commit({
            writes: [],
            deletes: [{ kind: "person", id: "p-gone", expectedVersion: 1 }],
            audit: [draft("erase")]
          })
        )
        return run(store.auditHead)
      })
      await harness.reopen(async ({ probe, store }) => {
        expect(Option.getOrUndefined(await run(store.get("person", "p-kept")))).toEqual(storedOf(kept, 1))
        expect(Option.isNone(await run(store.get("person", "p-gone")))).toBe(true)
        expect(await run(store.auditHead)).toEqual(head)
        expect(Audit.verify(await run(readAllAudit(store)), head)._tag).toBe("Intact")
        if (probe !== undefined) expect(await probe.record("person", "p-kept")).toEqual({ version: 1, data: kept.data })
        // The reopened store continues the chain and the versions.
        const next = await run(store.commit({ writes: [write("person", "p-kept", 1)], audit: [draft("update")] }))
        expect(next.versions).toEqual([2])
        expect(next.audit[0]).toMatchObject({ seq: head.seq + 1, prevHash: head.hash })
      })
    }
  }
]

/**
 * The `concurrentWriters` sub-suite: two connections (`layer` and `reopen`, open at once) race
 * on one record; one wins, the other gets `Conflict`, no update is lost.
 * @since 0.1.0
 * @category constructors
 */
export const concurrentWriters: ReadonlyArray<Check> = [
  {
    name: "two connections updating one record: one wins, the other conflicts, no update lost",
    run: (harness) =>
      harness.fresh(({ store: first }) =>
        harness.reopen(async ({ store: second }) => {
          await run(first.commit({ writes: [write("plan", "shared", 0, { data: 0 })], audit: [] }))
          expect(Option.getOrUndefined(await run(second.get("plan", "shared")))?.version).toBe(1)
          const exits = await Promise.all([first, second].map((s, i) =>
            run(
              Effect.exit(
                s.commit({ writes: [write("plan", "shared", 1, { data: `by-${i}` })], audit: [draft("race")] })
              )
            )
          ))
          expect(exits.filter(Exit.isSuccess)).toHaveLength(1)
          const loser = exits.find(Exit.isFailure)
          const error = loser === undefined ? undefined : loser.cause.reasons.find((r) => r._tag === "Fail")
          expect(error?._tag === "Fail" && error.error instanceof Store.StoreError ? error.error.reason : undefined)
            .toMatchObject({ _tag: "Conflict", expectedVersion: 1, actualVersion: 2 })
          // Read-modify-write loops on both connections lose nothing.
          const increment = (s: Store.StoreShape) =>
            Effect.gen(function*() {
              for (let attempt = 0; attempt < 1000; attempt++) {
                const current = Option.getOrThrow(yield* s.get("plan", "counter"))
                const exit = yield* Effect.exit(
                  s.commit({
                    writes: [write("plan", "counter", current.version, { data: (current.data as number) + 1 })],
                    audit: [draft("inc")]
                  })
                )
                if (Exit.isSuccess(exit)) return
                yield* Effect.sleep(1)
              }
              return yield* Effect.die(new Error("an increment failed 1000 times in a row"))
            })
          await run(first.commit({ writes: [write("plan", "counter", 0, { data: 0 })], audit: [] }))
          await Promise.all([first, second, first, second].map((s) => run(Effect.repeat(increment(s), { times: 4 }))))
          expect(Option.getOrUndefined(await run(first.get("plan", "counter")))).toMatchObject({
            version: 21,
            data: 20
          })
          const entries = await run(readAllAudit(second))
          expect(entries).toHaveLength(21)
          expect(Audit.verify(entries)._tag).toBe("Intact")
        })
      )
  }
]

const failureOf = (exit: Exit.Exit<unknown, Store.StoreError>) => {
  const failure = Exit.isFailure(exit) ? exit.cause.reasons.find((r) => r._tag === "Fail") : undefined
  return failure?._tag === "Fail" ? failure.error.reason : undefined
}

/**
 * Across connections: a guard key raced for by two connections is won by exactly one; a
 * precondition moved by another connection fails the commit with `Conflict`, and a retry after
 * re-reading succeeds.
 * @since 0.2.0
 * @category constructors
 */
export const concurrentGuards: ReadonlyArray<Check> = [
  {
    name: "two connections racing for one guard key: exactly one wins, the other gets a retryable Conflict",
    run: (harness) =>
      harness.fresh(({ store: first }) =>
        harness.reopen(async ({ store: second }) => {
          for (let round = 0; round < 5; round++) {
            const key = `person-${round}/service-1`
            const exits = await Promise.all([first, second].map((s, i) =>
              run(
                Effect.exit(
                  s.commit({
                    writes: [write("cooperation", `coop-${round}-${i}`, 0, { key })],
                    audit: [draft("start")]
                  })
                )
              )
            ))
            expect(exits.filter(Exit.isSuccess)).toHaveLength(1)
            const reason = failureOf(exits.find(Exit.isFailure)!)
            expect(reason).toMatchObject({ _tag: "Conflict", kind: "cooperation" })
            expect(reason?.retryable).toBe(true)
            const holders = await run(first.list({ kind: "cooperation" }))
            expect(holders.filter((r) => r.key === key)).toHaveLength(1)
          }
        })
      )
  },
  {
    name: "a precondition moved by another connection fails the commit with Conflict; re-read and retry succeeds",
    run: (harness) =>
      harness.fresh(({ store: first }) =>
        harness.reopen(async ({ store: second }) => {
          await run(first.commit({ writes: [write("consent", "k", 0, { data: "given" })], audit: [] }))
          const read = Option.getOrThrow(await run(second.get("consent", "k")))
          await run(
            first.commit({
              writes: [write("consent", "k", read.version, { data: "withdrawn" })],
              audit: [draft("withdraw")]
            })
          )
          const stale = await run(
            Effect.exit(
              second.commit({
                writes: [write("contact", "c", 0)],
                expect: [{ kind: "consent", id: "k", version: read.version }],
                audit: [draft("record")]
              })
            )
          )
          expect(failureOf(stale)).toMatchObject({
            _tag: "Conflict",
            kind: "consent",
            id: "k",
            expectedVersion: 1,
            actualVersion: 2
          })
          expect(Option.isNone(await run(first.get("contact", "c")))).toBe(true)
          const now = Option.getOrThrow(await run(second.get("consent", "k")))
          const retried = await run(
            second.commit({
              writes: [write("contact", "c", 0)],
              expect: [{ kind: "consent", id: "k", version: now.version }],
              audit: [draft("record")]
            })
          )
          expect(retried.versions).toEqual([1])
          expect(Audit.verify(await run(readAllAudit(first)))._tag).toBe("Intact")
        })
      )
  }
]

/**
 * The `migrations` sub-suite: reopening re-runs migrations idempotently; a database newer than
 * the code is refused with `MigrationNeeded` and left unchanged.
 * @since 0.1.0
 * @category constructors
 */
export const migrations: ReadonlyArray<Check> = [
  {
    name: "opening the same database again and again migrates idempotently",
    run: async (harness) => {
      const w = write("person", "p", 0, { data: "kept" })
      await harness.fresh(({ store }) => run(store.commit({ writes: [w], audit: [draft("create")] })))
      for (let i = 0; i < 2; i++) {
        await harness.reopen(async ({ store }) => {
          expect(Option.getOrUndefined(await run(store.get("person", "p")))).toEqual(storedOf(w, 1))
          expect((await run(store.auditHead)).seq).toBe(1)
        })
      }
    }
  },
  {
    name: "a database newer than the code is refused with MigrationNeeded and left unchanged",
    run: async (harness) => {
      const w = write("person", "p", 0, { data: "kept" })
      await harness.fresh(({ store }) => run(store.commit({ writes: [w], audit: [] })))
      await harness.markDatabaseNewer()
      const reopen = harness.options.reopen
      if (reopen === undefined) throw new Error("options.reopen is required by the migrations sub-suite")
      const scope = Scope.makeUnsafe()
      const exit = await run(Effect.exit(Layer.buildWithMemoMap(reopen, Layer.makeMemoMapUnsafe(), scope)))
      await run(Scope.close(scope, Exit.void))
      expect(Exit.isFailure(exit)).toBe(true)
      const failure = Exit.isFailure(exit) ? exit.cause.reasons.find((r) => r._tag === "Fail") : undefined
      const error = failure?._tag === "Fail" ? failure.error : undefined
      expect(error).toBeInstanceOf(Store.StoreError)
      expect((error as Store.StoreError).reason).toMatchObject({ _tag: "MigrationNeeded" })
      const probe = harness.options.probe
      if (probe !== undefined) expect(await probe.record("person", "p")).toEqual({ version: 1, data: "kept" })
    }
  }
]
