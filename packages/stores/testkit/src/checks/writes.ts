/**
 * Checks of commits: versions, conflicts, atomic batches, deletes, concurrent commits.
 * @since 0.1.0
 */
import { Store } from "@pomoc/core"
import { Effect, Option } from "effect"
import { expect } from "vitest"
import { draft, storedOf, write } from "../Arbitraries.js"
import { expectStoreError, storeCheck } from "../Harness.js"
import type { Check, RawProbe } from "../Harness.js"

const probed = <A>(probe: RawProbe | undefined, f: (p: RawProbe) => Promise<A>) =>
  probe === undefined ? Effect.void : Effect.promise(() => f(probe)).pipe(Effect.asVoid)

/**
 * Create, read and update with versions; stale writes fail with `Conflict` and write nothing.
 * @since 0.1.0
 * @category constructors
 */
export const versions: ReadonlyArray<Check> = [
  storeCheck("describes itself", (store) =>
    Effect.sync(() => {
      expect(typeof store.name).toBe("string")
      expect(store.name.length).toBeGreaterThan(0)
      for (const cap of ["concurrentWriters", "durable", "migrations"] as const) {
        expect(typeof store.capabilities[cap]).toBe("boolean")
      }
    })),

  storeCheck(
    "a create stores version 1 and get returns exactly what was written",
    (store, probe) =>
      Effect.gen(function*() {
        const w = write("person", "p-1", 0, {
          serviceId: "svc-1",
          personIds: ["p-1"],
          at: "2024-03-01T10:00:00.000Z",
          facets: { channel: "street", anonymousCount: 2, first: true, missing: null },
          tags: ["t1", "t2"],
          data: { name: "Ada", nested: { list: [1, "two", null, false] } }
        })
        const committed = yield* store.commit({ writes: [w], audit: [] })
        expect(committed.versions).toEqual([1])
        expect(committed.audit).toEqual([])
        const got = yield* store.get("person", "p-1")
        expect(Option.getOrUndefined(got)).toEqual(storedOf(w, 1))
        yield* probed(probe, async (p) => expect(await p.record("person", "p-1")).toEqual({ version: 1, data: w.data }))
        // Same id, other kind: a different record.
        expect(Option.isNone(yield* store.get("contact", "p-1"))).toBe(true)
        expect(Option.isNone(yield* store.get("person", "nobody"))).toBe(true)
      })
  ),

  storeCheck("each update increments the version and replaces every field", (store, probe) =>
    Effect.gen(function*() {
      yield* store.commit({
        writes: [write("contact", "c-1", 0, { facets: { a: 1 }, tags: ["x"], personIds: ["p1", "p2"] })],
        audit: []
      })
      const w2 = write("contact", "c-1", 1, {
        serviceId: "s",
        at: "2024-01-01T00:00:00.000Z",
        facets: { b: "two" },
        tags: [],
        data: [1, 2]
      })
      expect((yield* store.commit({ writes: [w2], audit: [] })).versions).toEqual([2])
      const w3 = write("contact", "c-1", 2, { data: "three" })
      expect((yield* store.commit({ writes: [w3], audit: [] })).versions).toEqual([3])
      expect(Option.getOrUndefined(yield* store.get("contact", "c-1"))).toEqual(storedOf(w3, 3))
      yield* probed(probe, async (p) => expect(await p.record("contact", "c-1")).toEqual({ version: 3, data: "three" }))
    })),

  storeCheck(
    "a stale update fails with Conflict naming both versions, and nothing is written",
    (store, probe) =>
      Effect.gen(function*() {
        yield* store.commit({ writes: [write("person", "p", 0, { data: "v1" })], audit: [] })
        yield* store.commit({ writes: [write("person", "p", 1, { data: "v2" })], audit: [] })
        const before = yield* store.auditHead
        const reason = yield* expectStoreError(
          store.commit({ writes: [write("person", "p", 1, { data: "stale" })], audit: [draft("update")] }),
          "Conflict"
        )
        expect(reason).toMatchObject({
          _tag: "Conflict",
          kind: "person",
          id: "p",
          expectedVersion: 1,
          actualVersion: 2
        })
        // Retryable since 0.2.0 (issue 10): re-reading and deciding again can succeed.
        expect(reason.retryable).toBe(true)
        expect(Option.getOrUndefined(yield* store.get("person", "p"))?.data).toBe("v2")
        expect(yield* store.auditHead).toEqual(before)
        yield* probed(probe, async (p) => {
          expect(await p.record("person", "p")).toEqual({ version: 2, data: "v2" })
          expect(await p.auditCount()).toBe(0)
        })
        const reread = Option.getOrThrow(yield* store.get("person", "p"))
        expect(
          (yield* store.commit({ writes: [write("person", "p", reread.version, { data: "retried" })], audit: [] }))
            .versions
        ).toEqual([3])
      })
  ),

  storeCheck(
    "creating a record that exists fails with Conflict (expected 0)",
    (store, probe) =>
      Effect.gen(function*() {
        yield* store.commit({ writes: [write("person", "p", 0, { data: "first" })], audit: [] })
        const reason = yield* expectStoreError(
          store.commit({ writes: [write("person", "p", 0, { data: "second" })], audit: [] }),
          "Conflict"
        )
        expect(reason).toMatchObject({ expectedVersion: 0, actualVersion: 1 })
        yield* probed(probe, async (p) => expect(await p.record("person", "p")).toEqual({ version: 1, data: "first" }))
      })
  ),

  storeCheck(
    "updating a missing record fails with Conflict (actual 0), and nothing is created",
    (store, probe) =>
      Effect.gen(function*() {
        const reason = yield* expectStoreError(
          store.commit({ writes: [write("plan", "ghost", 3)], audit: [] }),
          "Conflict"
        )
        expect(reason).toMatchObject({ kind: "plan", id: "ghost", expectedVersion: 3, actualVersion: 0 })
        expect(Option.isNone(yield* store.get("plan", "ghost"))).toBe(true)
        yield* probed(probe, async (p) => expect(await p.record("plan", "ghost")).toBeUndefined())
      })
  ),

  storeCheck(
    "a negative or fractional expectedVersion is refused with a StoreError",
    (store, probe) =>
      Effect.gen(function*() {
        yield* expectStoreError(store.commit({ writes: [write("person", "p", -1)], audit: [] }))
        yield* expectStoreError(store.commit({ writes: [write("person", "p", 0.5)], audit: [] }))
        yield* probed(probe, async (p) => expect(await p.record("person", "p")).toBeUndefined())
      })
  )
]

/**
 * Every commit stores all of its writes, deletes and audit entries, or none of them.
 * @since 0.1.0
 * @category constructors
 */
export const atomicity: ReadonlyArray<Check> = [
  storeCheck(
    "a batch with one stale record stores none of the batch and no audit entry",
    (store, probe) =>
      Effect.gen(function*() {
        yield* store.commit({ writes: [write("person", "old", 0, { data: "old" })], audit: [draft("create")] })
        const before = yield* store.auditHead
        const reason = yield* expectStoreError(
          store.commit({
            writes: [
              write("contact", "new-1", 0),
              write("person", "old", 1, { data: "changed" }),
              write("contact", "new-2", 0),
              write("person", "old-stale", 2)
            ],
            audit: [draft("a"), draft("b")]
          }),
          "Conflict"
        )
        expect(reason).toMatchObject({ id: "old-stale", expectedVersion: 2, actualVersion: 0 })
        expect(Option.isNone(yield* store.get("contact", "new-1"))).toBe(true)
        expect(Option.isNone(yield* store.get("contact", "new-2"))).toBe(true)
        expect(Option.getOrUndefined(yield* store.get("person", "old"))).toMatchObject({ version: 1, data: "old" })
        expect(yield* store.auditHead).toEqual(before)
        expect(yield* store.readAudit()).toHaveLength(1)
        yield* probed(probe, async (p) => {
          expect(await p.record("contact", "new-1")).toBeUndefined()
          expect(await p.record("contact", "new-2")).toBeUndefined()
          expect(await p.record("person", "old")).toEqual({ version: 1, data: "old" })
          expect(await p.auditCount()).toBe(1)
        })
      })
  ),

  storeCheck("a stale delete fails the whole commit, writes included", (store, probe) =>
    Effect.gen(function*() {
      yield* store.commit({ writes: [write("consent", "k", 0)], audit: [] })
      yield* expectStoreError(
        store.commit({
          writes: [write("contact", "w", 0)],
          deletes: [{ kind: "consent", id: "k", expectedVersion: 7 }],
          audit: [draft("x")]
        }),
        "Conflict"
      )
      expect(Option.isNone(yield* store.get("contact", "w"))).toBe(true)
      expect(Option.isSome(yield* store.get("consent", "k"))).toBe(true)
      yield* probed(probe, async (p) => {
        expect(await p.record("contact", "w")).toBeUndefined()
        expect(await p.auditCount()).toBe(0)
      })
    })),

  storeCheck("a large batch commits whole, with versions in write order", (store, probe) =>
    Effect.gen(function*() {
      const writes = Array.from({ length: 500 }, (_, i) => write("contact", `c-${i}`, 0, { data: { i } }))
      const committed = yield* store.commit({ writes, audit: [draft("batch")] })
      expect(committed.versions).toEqual(writes.map(() => 1))
      expect(yield* store.list({ kind: "contact" })).toHaveLength(500)
      yield* probed(probe, async (p) =>
        expect(await p.record("contact", "c-499")).toEqual({ version: 1, data: { i: 499 } }))
    })),

  storeCheck(
    "writes in one unit apply in order: a second write of a record sees the first",
    (store) =>
      Effect.gen(function*() {
        const committed = yield* store.commit({
          writes: [write("plan", "p", 0, { data: 1 }), write("plan", "p", 1, { data: 2 })],
          audit: []
        })
        expect(committed.versions).toEqual([1, 2])
        expect(Option.getOrUndefined(yield* store.get("plan", "p"))).toMatchObject({ version: 2, data: 2 })
      })
  )
]

/**
 * Deletes against expected versions.
 * @since 0.1.0
 * @category constructors
 */
export const deletes: ReadonlyArray<Check> = [
  storeCheck(
    "a delete at the current version removes the record and appends its audit entry",
    (store, probe) =>
      Effect.gen(function*() {
        yield* store.commit({ writes: [write("person", "p", 0), write("person", "q", 0)], audit: [] })
        yield* store.commit({ writes: [write("person", "p", 1)], audit: [] })
        const committed = yield* store.commit({
          writes: [],
          deletes: [{ kind: "person", id: "p", expectedVersion: 2 }],
          audit: [draft("erase")]
        })
        expect(committed.versions).toEqual([])
        expect(committed.audit).toHaveLength(1)
        expect(Option.isNone(yield* store.get("person", "p"))).toBe(true)
        expect((yield* store.list({ kind: "person" })).map((r) => r.id)).toEqual(["q"])
        yield* probed(probe, async (p) => {
          expect(await p.record("person", "p")).toBeUndefined()
          expect(await p.record("person", "q")).toEqual({ version: 1, data: { id: "q" } })
        })
      })
  ),

  storeCheck("a stale delete fails with Conflict and keeps the record", (store, probe) =>
    Effect.gen(function*() {
      yield* store.commit({ writes: [write("person", "p", 0, { data: "kept" })], audit: [] })
      const reason = yield* expectStoreError(
        store.commit({ writes: [], deletes: [{ kind: "person", id: "p", expectedVersion: 2 }], audit: [] }),
        "Conflict"
      )
      expect(reason).toMatchObject({ expectedVersion: 2, actualVersion: 1 })
      yield* probed(probe, async (p) => expect(await p.record("person", "p")).toEqual({ version: 1, data: "kept" }))
    })),

  storeCheck("deleting a missing record fails with Conflict (actual 0)", (store) =>
    Effect.gen(function*() {
      const reason = yield* expectStoreError(
        store.commit({ writes: [], deletes: [{ kind: "person", id: "none", expectedVersion: 1 }], audit: [] }),
        "Conflict"
      )
      expect(reason).toMatchObject({ expectedVersion: 1, actualVersion: 0 })
    })),

  storeCheck(
    "deleting an absent record at expected version 0 succeeds and changes nothing",
    (store, probe) =>
      Effect.gen(function*() {
        const committed = yield* store.commit({
          writes: [],
          deletes: [{ kind: "person", id: "never", expectedVersion: 0 }],
          audit: [draft("erase")]
        })
        expect(committed).toMatchObject({ versions: [] })
        expect(committed.audit).toHaveLength(1)
        expect(Option.isNone(yield* store.get("person", "never"))).toBe(true)
        yield* probed(probe, async (p) => expect(await p.record("person", "never")).toBeUndefined())
      })
  ),

  storeCheck("a deleted record can be created again, starting at version 1", (store) =>
    Effect.gen(function*() {
      yield* store.commit({ writes: [write("person", "p", 0)], audit: [] })
      yield* store.commit({ writes: [], deletes: [{ kind: "person", id: "p", expectedVersion: 1 }], audit: [] })
      expect((yield* store.commit({ writes: [write("person", "p", 0, { data: "again" })], audit: [] })).versions)
        .toEqual([1])
      expect(Option.getOrUndefined(yield* store.get("person", "p"))).toMatchObject({ version: 1, data: "again" })
    })),

  storeCheck(
    "a rename rewrites a person's id in every record that names them, and nothing else",
    (store, probe) =>
      Effect.gen(function*() {
        const about = {
          personIds: ["p-old", "p-other"],
          data: {
            personId: "p-old",
            participants: ["p-other", "p-old"],
            note: { $enc: "v2", dk: "dk-1", ct: "p-old" },
            "p-old": "as a key too"
          }
        }
        yield* store.commit({
          writes: [
            write("contact", "c-1", 0, { ...about, key: "active/p-old/club" }),
            write("contact", "c-2", 0, { personIds: ["p-other"], data: { personId: "p-other", see: "p-old" } }),
            write("person", "p-old", 0, { personIds: ["p-old"], data: { id: "p-old" } })
          ],
          audit: []
        })
        const committed = yield* store.commit({
          writes: [write("person", "p-new", 0, { personIds: ["p-new"], data: { id: "p-new" } })],
          deletes: [{ kind: "person", id: "p-old", expectedVersion: 1 }],
          renamePeople: [{ from: "p-old", to: "p-new" }],
          audit: [draft("erase")]
        })
        expect(committed.versions).toEqual([1])
        const renamed = Option.getOrUndefined(yield* store.get("contact", "c-1"))
        expect(renamed).toMatchObject({
          version: 2,
          personIds: ["p-new", "p-other"],
          data: {
            personId: "p-new",
            participants: ["p-other", "p-new"],
            note: { $enc: "v2", dk: "dk-1", ct: "p-new" },
            "p-new": "as a key too"
          }
        })
        // A record that does not name the person is untouched, even where its data holds the id.
        expect(Option.getOrUndefined(yield* store.get("contact", "c-2"))).toMatchObject({
          version: 1,
          data: { see: "p-old" }
        })
        expect(yield* store.list({ kind: "contact", personId: "p-old" })).toEqual([])
        expect((yield* store.list({ kind: "contact", personId: "p-new" })).map((r) => r.id)).toEqual(["c-1"])
        expect(Option.isNone(yield* store.get("person", "p-old"))).toBe(true)
        yield* probed(probe, async (p) => expect(await p.record("contact", "c-1")).toMatchObject({ version: 2 }))
        // The guard key was renamed too: the old id's key is free, the new id's is held by c-1.
        yield* store.commit({ writes: [write("contact", "c-3", 0, { key: "active/p-old/club" })], audit: [] })
        const held = yield* Effect.flip(
          store.commit({ writes: [write("contact", "c-4", 0, { key: "active/p-new/club" })], audit: [] })
        )
        expect(held.reason).toMatchObject({ _tag: "Conflict", heldBy: "c-1" })
        // A stale write of the renamed record fails: the rename moved its version on.
        yield* expectStoreError(store.commit({ writes: [write("contact", "c-1", 1)], audit: [] }), "Conflict")
        // A rename to the same id, or of something that is not an id, is refused.
        yield* expectStoreError(
          store.commit({ writes: [], renamePeople: [{ from: "p-new", to: "p-new" }], audit: [] }),
          "ConstraintViolation"
        )
        yield* expectStoreError(
          store.commit({ writes: [], renamePeople: [{ from: "p-new", to: "a\"b" }], audit: [] }),
          "ConstraintViolation"
        )
      })
  )
]

/**
 * Concurrent commits to one store: one winner per version, no lost updates.
 * @since 0.1.0
 * @category constructors
 */
export const concurrency: ReadonlyArray<Check> = [
  storeCheck("of racing updates at the same version exactly one wins", (store, probe) =>
    Effect.gen(function*() {
      yield* store.commit({ writes: [write("plan", "race", 0, { data: -1 })], audit: [] })
      const exits = yield* Effect.all(
        Array.from({ length: 8 }, (_, i) =>
          Effect.exit(store.commit({ writes: [write("plan", "race", 1, { data: i })], audit: [draft(`w${i}`)] }))),
        { concurrency: "unbounded" }
      )
      const winners = exits.flatMap((e, i) => (e._tag === "Success" ? [i] : []))
      expect(winners).toHaveLength(1)
      for (const e of exits) {
        if (e._tag === "Failure") {
          const error = e.cause.reasons.find((r) =>
            r._tag === "Fail"
          )
          expect(error?._tag === "Fail" && error.error instanceof Store.StoreError && error.error.reason._tag).toBe(
            "Conflict"
          )
        }
      }
      expect(Option.getOrUndefined(yield* store.get("plan", "race"))).toMatchObject({ version: 2, data: winners[0] })
      expect((yield* store.auditHead).seq).toBe(1)
      yield* probed(
        probe,
        async (p) => expect(await p.record("plan", "race")).toEqual({ version: 2, data: winners[0] })
      )
    })),

  storeCheck(
    "concurrent read-modify-write loops that retry on Conflict lose no update",
    (store) =>
      Effect.gen(function*() {
        yield* store.commit({ writes: [write("measurement", "counter", 0, { data: 0 })], audit: [] })
        const increment = Effect.gen(function*() {
          for (let attempt = 0; attempt < 1000; attempt++) {
            const current = Option.getOrThrow(yield* store.get("measurement", "counter"))
            const exit = yield* Effect.exit(
              store.commit({
                writes: [write("measurement", "counter", current.version, { data: (current.data as number) + 1 })],
                audit: [draft("inc")]
              })
            )
            if (exit._tag === "Success") return
            yield* Effect.yieldNow
          }
          return yield* Effect.die(new Error("an increment failed 1000 times in a row"))
        })
        yield* Effect.all(Array.from({ length: 5 }, () => Effect.repeat(increment, { times: 3 })), {
          concurrency: "unbounded"
        })
        expect(Option.getOrUndefined(yield* store.get("measurement", "counter"))).toMatchObject({
          version: 21,
          data: 20
        })
        expect((yield* store.auditHead).seq).toBe(20)
      })
  )
]
