/**
 * The example of docs/stores.md ("Preconditions", "Guard keys"), as written there, on the memory
 * store and on SQLite.
 */
import { Store } from "@pomoc/core"
import { SqliteStore } from "@pomoc/store-sqlite"
import { Effect, Exit, Layer, Option } from "effect"
import { describe, expect, it } from "vitest"

// --- from docs/stores.md
const record = (
  kind: Store.RecordKind,
  id: string,
  expectedVersion: number,
  extra: Partial<Store.RecordWrite> = {}
): Store.RecordWrite => ({
  kind,
  id,
  expectedVersion,
  serviceId: "club",
  personIds: ["p-1"],
  at: null,
  facets: {},
  tags: [],
  data: null,
  ...extra
})

const startCooperation = Effect.gen(function*() {
  const store = yield* Store.Store
  const consent = Option.getOrThrow(yield* store.get("consent", "k-1"))
  return yield* store.commit({
    writes: [record("cooperation", "coop-1", 0, { key: "p-1/club" })],
    expect: [{ kind: "consent", id: "k-1", version: consent.version }],
    audit: []
  })
})

// Conflict is retryable: read again and decide again.
const withRetry = startCooperation.pipe(
  Effect.retry({ while: (e) => e.retryable, times: 3 })
)
// --- end

const stores: ReadonlyArray<readonly [string, () => Layer.Layer<Store.Store, Store.StoreError>]> = [
  ["memory", () => Store.layerMemory],
  ["SQLite", () => SqliteStore.layer({ filename: ":memory:" })]
]

describe("docs/stores.md: preconditions and guard keys", () => {
  for (const [name, layer] of stores) {
    it(`${name}: the cooperation starts resting on the consent; a second one for the same person and service conflicts`, async () => {
      const program = Effect.gen(function*() {
        const store = yield* Store.Store
        yield* store.commit({ writes: [record("consent", "k-1", 0)], audit: [] })
        const first = yield* withRetry
        const second = yield* Effect.exit(
          store.commit({ writes: [record("cooperation", "coop-2", 0, { key: "p-1/club" })], audit: [] })
        )
        // The consent moves: a commit resting on the old version conflicts, and nothing is written.
        yield* store.commit({ writes: [record("consent", "k-1", 1, { data: "withdrawn" })], audit: [] })
        const stale = yield* Effect.exit(
          store.commit({
            writes: [record("contact", "c-1", 0)],
            expect: [{ kind: "consent", id: "k-1", version: 1 }],
            audit: []
          })
        )
        return { first: first.versions, second, stale, contact: Option.isSome(yield* store.get("contact", "c-1")) }
      })
      const result = await Effect.runPromise(program.pipe(Effect.provide(layer())))
      expect(result.first).toEqual([1])
      const reasonOf = (exit: Exit.Exit<unknown, Store.StoreError>) =>
        Exit.isFailure(exit)
          ? exit.cause.reasons.flatMap((r) => (r._tag === "Fail" ? [r.error.reason] : []))[0]
          : undefined
      expect(reasonOf(result.second)).toMatchObject({
        _tag: "Conflict",
        kind: "cooperation",
        id: "coop-2",
        heldBy: "coop-1",
        retryable: true
      })
      expect(reasonOf(result.stale)).toMatchObject({
        _tag: "Conflict",
        kind: "consent",
        id: "k-1",
        expectedVersion: 1,
        actualVersion: 2
      })
      expect(result.contact).toBe(false)
    })
  }
})
