/**
 * Checks of the audit chain: sealed in order across commits, verifiable, head consistent,
 * tampering detected.
 * @since 0.1.0
 */
import { Audit } from "@pomoc/core"
import { Effect, Option } from "effect"
import * as fc from "fast-check"
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

  storeCheck(
    "commits seal entries in order after the current head, and the chain verifies",
    (store, probe) =>
      Effect.gen(function*() {
        const units = [
          [draft("register", [{ kind: "person", id: "p" }])],
          [{ ...draft("record-contact"), serviceId: "s1" }, {
            ...draft("disclose"),
            legalGround: "child protection act §10",
            outcome: "allowed" as const
          }],
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
      })
  ),

  storeCheck(
    "a unit decided at a time earlier than the log's last entry fails with a retryable Conflict naming that time, storing nothing (property)",
    (store) =>
      Effect.gen(function*() {
        const minute = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString()
        // Units without a time are never refused for it (imports, raw callers).
        yield* store.commit({ writes: [], audit: [{ ...draft("import"), at: minute(30) }] })
        const times = fc.sample(fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 20, maxLength: 20 }), 1)[0]!
        for (const [i, n] of times.entries()) {
          const head = yield* store.auditHead
          const [last] = yield* store.readAudit(head.seq, 1)
          const at = minute(n)
          const unit = { writes: [write("contact", `t${i}`, 0)], audit: [{ ...draft("decide"), at }], at }
          if (Date.parse(at) < Date.parse(last!.at)) {
            const reason = yield* expectStoreError(store.commit(unit), "Conflict")
            expect(reason.retryable).toBe(true)
            expect(reason).toMatchObject({ kind: "audit", notBefore: last!.at })
            expect(yield* store.auditHead).toEqual(head)
            expect(Option.isNone(yield* store.get("contact", `t${i}`))).toBe(true)
          } else {
            const committed = yield* store.commit(unit)
            expect(committed.audit.map((e) => e.at)).toEqual([at])
          }
        }
        yield* expectStoreError(
          store.commit({ writes: [], audit: [draft("decide")], at: "not a time" }),
          "ConstraintViolation"
        )
      })
  ),

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
      yield* expectStoreError(
        store.commit({ writes: [write("person", "p", 0)], audit: [draft("two"), draft("three")] }),
        "Conflict"
      )
      expect(yield* store.auditHead).toEqual(head)
      const next = yield* store.commit({ writes: [], audit: [draft("four")] })
      expect(next.audit[0]).toMatchObject({ seq: 2, prevHash: head.hash })
      expect(Audit.verify(yield* readAllAudit(store))._tag).toBe("Intact")
      if (probe !== undefined) expect(yield* Effect.promise(() => probe.auditCount())).toBe(2)
    })),

  storeCheck(
    "an entry changed in the database breaks verification (probe.tamperAudit)",
    (store, probe) =>
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
        expect(Audit.verify(entries)).toEqual({ _tag: "Broken", seq: 2, reason: "hash" })
        expect(yield* Audit.verifyPages(store.readAudit, { head: yield* store.auditHead, pageSize: 2 })).toEqual({
          _tag: "Broken",
          seq: 2,
          reason: "hash"
        })
      })
  ),

  storeCheck(
    "a log truncated with its head moved back verifies only against a head kept elsewhere (probe.truncateAudit)",
    (store, probe) =>
      Effect.gen(function*() {
        yield* store.commit({ writes: [], audit: Array.from({ length: 5 }, (_, i) => draft(`op${i}`)) })
        const published = yield* store.auditHead
        const verifyAgainst = (expected: Audit.Head) =>
          Effect.flatMap(store.auditHead, (head) => Audit.verifyPages(store.readAudit, { head, expected, pageSize: 2 }))
        expect(yield* verifyAgainst(published)).toEqual({ _tag: "Intact", head: published })
        if (probe?.truncateAudit === undefined) return
        // The attack: delete the last two entries and move the head back. Against the store's own
        // head the shorter chain is intact; only the head kept outside the database reveals it.
        yield* Effect.promise(() => probe.truncateAudit!(3))
        const head = yield* store.auditHead
        expect(head.seq).toBe(3)
        expect(Audit.verify(yield* readAllAudit(store), head)._tag).toBe("Intact")
        expect(yield* verifyAgainst(published)).toEqual({ _tag: "Broken", seq: 4, reason: "expected" })
        // Rewriting from there on (new entries re-chained after the cut) is caught at the kept seq.
        yield* store.commit({ writes: [], audit: [draft("forged-4"), draft("forged-5"), draft("forged-6")] })
        expect(yield* verifyAgainst(published)).toEqual({ _tag: "Broken", seq: 5, reason: "expected" })
        // Wiping every entry and resetting the head.
        yield* Effect.promise(() => probe.truncateAudit!(0))
        expect(yield* store.auditHead).toEqual(Audit.emptyHead)
        expect(Audit.verify(yield* readAllAudit(store), yield* store.auditHead)._tag).toBe("Intact")
        expect(yield* verifyAgainst(published)).toEqual({ _tag: "Broken", seq: 1, reason: "expected" })
      })
  ),

  storeCheck(
    "streaming verification holds one page at a time: readAudit never returns more than the limit",
    (store) =>
      Effect.gen(function*() {
        for (let i = 0; i < 7; i++) {
          yield* store.commit({
            writes: [],
            audit: Array.from({ length: 50 }, (_, k) => draft(`op${i}-${k}`))
          })
        }
        const head = yield* store.auditHead
        const pages: Array<readonly [number, number, number]> = []
        const readPage = (fromSeq: number, limit: number) =>
          Effect.tap(
            store.readAudit(fromSeq, limit),
            (page) => Effect.sync(() => pages.push([fromSeq, limit, page.length]))
          )
        expect(yield* Audit.verifyPages(readPage, { head, expected: head, pageSize: 64 })).toEqual({
          _tag: "Intact",
          head
        })
        // Pages are read in order, each at most the page size, until one comes back empty.
        expect(pages.map(([from]) => from)).toEqual([1, 65, 129, 193, 257, 321, 351])
        expect(pages.every(([, limit, n]) => limit === 64 && n <= 64)).toBe(true)
        expect(pages.map(([, , n]) => n).reduce((a, b) => a + b, 0)).toBe(350)
      })
  )
]
