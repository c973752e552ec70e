/**
 * Checks of the audit chain: sealed in order across commits, verifiable, head consistent,
 * tampering detected.
 * @since 0.1.0
 */
import { Audit } from "@pomoc/core"
import { Effect } from "effect"
import { expect } from "vitest"
import { draft, write } from "../Arbitraries.js"
import { expectStoreError, readAllAudit, storeCheck } from "../Harness.js"
import type { Check } from "../Harness.js"

/**
 * The audit sub-suite.
 * @since 0.1.0
 * @category constructors
 */
export const audit: ReadonlyArray<Check> = [
  storeCheck("an empty store has the empty head and no entries", (store, probe) =>
    Effect.gen(function*() {
      expect(yield* store.auditHead).toEqual(Audit.emptyHead)
      expect(yield* store.readAudit()).toEqual([])
      if (probe !== undefined) expect(yield* Effect.promise(() => probe.auditCount())).toBe(0)
    })),

  storeCheck("commits seal entries in order after the current head, and the chain verifies", (store, probe) =>
    Effect.gen(function*() {
      const units = [
        [draft("register", [{ kind: "person", id: "p" }])],
        [{ ...draft("record-contact"), serviceId: "s1" }, { ...draft("disclose"), legalGround: "child protection act §10", outcome: "allowed" as const }],
        [],
        [{ ...draft("delete"), outcome: "denied" as const, rules: ["confidentiality/no-disclosure"] }]
      ]
      const expected: Array<Audit.AuditEntry> = []
      for (const [i, drafts] of units.entries()) {
        const head = yield* store.auditHead
        const sealed = Audit.seal(head, drafts)
        const committed = yield* store.commit({ writes: [write("person", `p${i}`, 0)], audit: drafts })
        expect(committed.audit).toEqual(sealed)
        expected.push(...sealed)
      }
      const entries = yield* store.readAudit()
      expect(entries).toEqual(expected)
      expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4])
      const head = yield* store.auditHead
      expect(head).toEqual({ seq: 4, hash: expected[3]!.hash })
      expect(Audit.verify(entries, head)).toEqual({ _tag: "Intact", head })
      if (probe !== undefined) expect(yield* Effect.promise(() => probe.auditCount())).toBe(4)
    })),

  storeCheck("readAudit pages by [fromSeq, fromSeq + limit) and refuses bad bounds", (store) =>
    Effect.gen(function*() {
      yield* store.commit({ writes: [], audit: Array.from({ length: 5 }, (_, i) => draft(`op${i}`)) })
      expect((yield* store.readAudit(2, 2)).map((e) => e.seq)).toEqual([2, 3])
      expect((yield* store.readAudit(4)).map((e) => e.seq)).toEqual([4, 5])
      expect(yield* store.readAudit(6)).toEqual([])
      expect(yield* store.readAudit(1, 0)).toEqual([])
      yield* expectStoreError(store.readAudit(0), "InvalidQuery")
      yield* expectStoreError(store.readAudit(1, -1), "InvalidQuery")
      yield* expectStoreError(store.readAudit(1.5), "InvalidQuery")
    })),

  storeCheck("a failed commit appends nothing to the chain", (store, probe) =>
    Effect.gen(function*() {
      yield* store.commit({ writes: [write("person", "p", 0)], audit: [draft("one")] })
      const head = yield* store.auditHead
      yield* expectStoreError(store.commit({ writes: [write("person", "p", 0)], audit: [draft("two"), draft("three")] }), "Conflict")
      expect(yield* store.auditHead).toEqual(head)
      const next = yield* store.commit({ writes: [], audit: [draft("four")] })
      expect(next.audit[0]).toMatchObject({ seq: 2, prevHash: head.hash })
      expect(Audit.verify(yield* readAllAudit(store))._tag).toBe("Intact")
      if (probe !== undefined) expect(yield* Effect.promise(() => probe.auditCount())).toBe(2)
    })),

  storeCheck("an entry changed in the database breaks verification (probe.tamperAudit)", (store, probe) =>
    Effect.gen(function*() {
      yield* store.commit({ writes: [], audit: [draft("one"), draft("two"), draft("three")] })
      expect(Audit.verify(yield* readAllAudit(store))._tag).toBe("Intact")
      if (probe?.tamperAudit === undefined) {
        // Without raw write access the check can still prove the chain is read back as stored.
        expect((yield* store.readAudit(2, 1))[0]?.operation).toBe("two")
        return
      }
      yield* Effect.promise(() => probe.tamperAudit!(2, "actor", "someone-else"))
      const entries = yield* readAllAudit(store)
      expect(entries[1]?.actor).toBe("someone-else")
      expect(Audit.verify(entries)).toEqual({ _tag: "Broken", at: 1, reason: "hash" })
    }))
]
