/**
 * Checks of commit preconditions (`expect`: records a decision rested on, at the versions read)
 * and guard keys (at most one record of a kind holds a key).
 * @since 0.2.0
 */
import { Store } from "@pomoc/core"
import { Effect, Option } from "effect"
import * as fc from "fast-check"
import { expect } from "vitest"
import { draft, storedOf, write } from "../Arbitraries.js"
import { expectStoreError, storeCheck } from "../Harness.js"
import type { Check } from "../Harness.js"

const person = (version: number, data: unknown = version) => write("person", "p", version, { data })
const cooperation = (id: string, expectedVersion: number, key: string | null) =>
  write("cooperation", id, expectedVersion, { key, data: id })

/**
 * A commit resting on records it does not write fails with a retryable `Conflict` when any has
 * moved, and writes nothing; re-reading and retrying succeeds.
 * @since 0.2.0
 * @category constructors
 */
export const preconditions: ReadonlyArray<Check> = [
  storeCheck(
    "a precondition that holds lets the commit through; one that moved fails with a retryable Conflict, nothing written",
    (store) =>
      Effect.gen(function*() {
        yield* store.commit({ writes: [person(0)], audit: [] })
        const ok = yield* store.commit({
          writes: [write("contact", "c-1", 0)],
          expect: [{ kind: "person", id: "p", version: 1 }],
          audit: [draft("record")]
        })
        expect(ok.versions).toEqual([1])
        yield* store.commit({ writes: [person(1)], audit: [] })
        const before = yield* store.auditHead
        const reason = yield* expectStoreError(
          store.commit({
            writes: [write("contact", "c-2", 0)],
            expect: [{ kind: "person", id: "p", version: 1 }],
            audit: [draft("record")]
          }),
          "Conflict"
        )
        expect(reason).toMatchObject({
          _tag: "Conflict",
          kind: "person",
          id: "p",
          expectedVersion: 1,
          actualVersion: 2
        })
        expect(reason.retryable).toBe(true)
        expect(Option.isNone(yield* store.get("contact", "c-2"))).toBe(true)
        expect(yield* store.auditHead).toEqual(before)
        // Re-read, decide again, retry.
        const now = Option.getOrThrow(yield* store.get("person", "p"))
        const retried = yield* store.commit({
          writes: [write("contact", "c-2", 0)],
          expect: [{ kind: "person", id: "p", version: now.version }],
          audit: [draft("record")]
        })
        expect(retried.versions).toEqual([1])
        expect(retried.audit).toHaveLength(1)
      })
  ),

  storeCheck("version 0 expects a record to be absent; a deleted record has moved", (store) =>
    Effect.gen(function*() {
      const absent = [{ kind: "plan" as const, id: "x", version: 0 }]
      yield* store.commit({ writes: [write("contact", "c-1", 0)], expect: absent, audit: [] })
      yield* store.commit({ writes: [write("plan", "x", 0)], audit: [] })
      const created = yield* expectStoreError(
        store.commit({ writes: [write("contact", "c-2", 0)], expect: absent, audit: [] }),
        "Conflict"
      )
      expect(created).toMatchObject({ kind: "plan", id: "x", expectedVersion: 0, actualVersion: 1 })
      yield* store.commit({ writes: [], deletes: [{ kind: "plan", id: "x", expectedVersion: 1 }], audit: [] })
      const deleted = yield* expectStoreError(
        store.commit({
          writes: [write("contact", "c-2", 0)],
          expect: [{ kind: "plan", id: "x", version: 1 }],
          audit: []
        }),
        "Conflict"
      )
      expect(deleted).toMatchObject({ kind: "plan", id: "x", expectedVersion: 1, actualVersion: 0 })
      expect(Option.isNone(yield* store.get("contact", "c-2"))).toBe(true)
    })),

  storeCheck(
    "preconditions over records of several kinds in one commit: a Conflict exactly when one of them moved (model, property)",
    (store) =>
      Effect.gen(function*() {
        const kinds = ["person", "consent", "cooperation", "plan"] as const
        const ids = ["a", "b", "c"]
        // The model: each record's version (0 = absent).
        const versions = new Map<string, number>()
        for (const [k, kind] of kinds.entries()) {
          for (const [i, id] of ids.entries()) {
            const times = (k + i) % 3
            for (let v = 0; v < times; v++) yield* store.commit({ writes: [write(kind, id, v)], audit: [] })
            versions.set(`${kind}/${id}`, times)
          }
        }
        const expectation = fc.record({
          kind: fc.constantFrom(...kinds),
          id: fc.constantFrom(...ids),
          off: fc.constantFrom(0, 0, 0, 1, -1)
        })
        const units = fc.sample(fc.array(expectation, { minLength: 1, maxLength: 8 }), { numRuns: 60, seed: 9 })
        let refused = 0
        for (const [n, picked] of units.entries()) {
          const expected = picked.map(({ id, kind, off }) => ({
            kind,
            id,
            version: Math.max(0, versions.get(`${kind}/${id}`)! + off)
          }))
          const stale = expected.find((e) => e.version !== versions.get(`${e.kind}/${e.id}`))
          const unit = { writes: [write("contact", `c-${n}`, 0)], expect: expected, audit: [] }
          if (stale === undefined) {
            yield* store.commit(unit)
            expect(Option.isSome(yield* store.get("contact", `c-${n}`))).toBe(true)
          } else {
            refused++
            const reason = yield* expectStoreError(store.commit(unit), "Conflict")
            expect(reason.retryable).toBe(true)
            // It names a record whose expected version (one of them, when named twice) has moved.
            const { id, kind } = reason as Store.Conflict
            expect(expected.some((e) => e.kind === kind && e.id === id && e.version !== versions.get(`${kind}/${id}`)))
              .toBe(true)
            expect(Option.isNone(yield* store.get("contact", `c-${n}`))).toBe(true)
          }
        }
        expect(refused).toBeGreaterThan(0)
        expect(refused).toBeLessThan(units.length)
      })
  ),

  storeCheck(
    "a malformed precondition is refused with ConstraintViolation naming the field, never the value",
    (store) =>
      Effect.gen(function*() {
        const bad = yield* expectStoreError(
          store.commit({ writes: [], expect: [{ kind: "person", id: "p", version: -1 }], audit: [] }),
          "ConstraintViolation"
        )
        expect(bad).toMatchObject({ detail: "expect[0].version must be a non-negative integer" })
        const kind = yield* expectStoreError(
          store.commit({
            writes: [],
            expect: [{ kind: "secret-kind-Jana" as Store.RecordKind, id: "p", version: 1 }],
            audit: []
          }),
          "ConstraintViolation"
        )
        expect(kind).toMatchObject({ detail: "expect[0].kind must be a record kind" })
        expect(JSON.stringify(kind)).not.toContain("Jana")
      })
  )
]

/**
 * A guard key is held by at most one record of a kind; a commit giving it to a second one fails
 * with a retryable `Conflict` naming the holder.
 * @since 0.2.0
 * @category constructors
 */
export const guardKeys: ReadonlyArray<Check> = [
  storeCheck(
    "a guard key round-trips, and a second record of the kind taking it fails with a retryable Conflict naming the holder",
    (store) =>
      Effect.gen(function*() {
        const first = cooperation("coop-1", 0, "person-1/service-1")
        yield* store.commit({ writes: [first], audit: [] })
        expect(Option.getOrUndefined(yield* store.get("cooperation", "coop-1"))).toEqual(storedOf(first, 1))
        const before = yield* store.auditHead
        const reason = yield* expectStoreError(
          store.commit({ writes: [cooperation("coop-2", 0, "person-1/service-1")], audit: [draft("start")] }),
          "Conflict"
        )
        expect(reason).toMatchObject({ _tag: "Conflict", kind: "cooperation", id: "coop-2", heldBy: "coop-1" })
        expect(reason.retryable).toBe(true)
        expect(JSON.stringify(reason)).not.toContain("person-1/service-1")
        expect(Option.isNone(yield* store.get("cooperation", "coop-2"))).toBe(true)
        expect(yield* store.auditHead).toEqual(before)
        // The same key on another kind, another key on the kind, and records without keys are fine.
        yield* store.commit({
          writes: [
            write("referral", "r-1", 0, { key: "person-1/service-1" }),
            cooperation("coop-3", 0, "person-2/service-1"),
            cooperation("coop-4", 0, null),
            cooperation("coop-5", 0, null)
          ],
          audit: []
        })
        // The holder may be rewritten with its own key.
        expect((yield* store.commit({ writes: [cooperation("coop-1", 1, "person-1/service-1")], audit: [] })).versions)
          .toEqual([2])
      })
  ),

  storeCheck(
    "a key is free again once its holder gives it up (rewritten without it, or deleted), also within one unit",
    (store) =>
      Effect.gen(function*() {
        yield* store.commit({ writes: [cooperation("a", 0, "k")], audit: [] })
        // Ending the holder and starting a new one in one unit.
        yield* store.commit({ writes: [cooperation("a", 1, null), cooperation("b", 0, "k")], audit: [] })
        expect(Option.getOrThrow(yield* store.get("cooperation", "a")).key ?? null).toBeNull()
        expect(Option.getOrThrow(yield* store.get("cooperation", "b")).key).toBe("k")
        yield* store.commit({
          writes: [cooperation("c", 0, "k")],
          deletes: [{ kind: "cooperation", id: "b", expectedVersion: 1 }],
          audit: []
        })
        expect(Option.getOrThrow(yield* store.get("cooperation", "c")).key).toBe("k")
        // Two records of one unit asking for the same key conflict.
        const twice = yield* expectStoreError(
          store.commit({ writes: [cooperation("d", 0, "j"), cooperation("e", 0, "j")], audit: [] }),
          "Conflict"
        )
        expect(twice).toMatchObject({ kind: "cooperation" })
        expect(["d", "e"]).toContain(twice._tag === "Conflict" ? twice.heldBy : undefined)
        expect(Option.isNone(yield* store.get("cooperation", "d"))).toBe(true)
      })
  ),

  storeCheck(
    "a malformed guard key is refused with ConstraintViolation naming the field",
    (store) =>
      Effect.gen(function*() {
        const empty = yield* expectStoreError(
          store.commit({ writes: [cooperation("a", 0, "")], audit: [] }),
          "ConstraintViolation"
        )
        expect(empty).toMatchObject({ detail: "writes[0].key must be a non-empty string or null" })
        const number = yield* expectStoreError(
          store.commit({
            writes: [write("plan", "x", 0), { ...cooperation("a", 0, null), key: 7 as unknown as string }],
            audit: []
          }),
          "ConstraintViolation"
        )
        expect(number).toMatchObject({ detail: "writes[1].key must be a non-empty string or null" })
        expect(Option.isNone(yield* store.get("plan", "x"))).toBe(true)
      })
  )
]
