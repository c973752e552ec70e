import { Audit } from "@pomoc/core"
import { Effect } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"

const arbDraft: fc.Arbitrary<Audit.AuditDraft> = fc.record({
  at: fc.date({ min: new Date("2020-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }).map((d) =>
    d.toISOString()
  ),
  actor: fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/),
  role: fc.constantFrom("worker", "coordinator", "administrator", "auditor", "volunteer"),
  operation: fc.constantFrom("RegisterPerson", "RecordContact", "Disclose", "EndCooperation", "ReadIdentifiedPerson"),
  outcome: fc.constantFrom("allowed" as const, "read" as const),
  subjects: fc.array(fc.record({ kind: fc.constantFrom("person", "contact"), id: fc.uuid() }), { maxLength: 3 })
}, { requiredKeys: ["at", "actor", "role", "operation", "outcome", "subjects"] })

/** A log sealed in several commits, as a store would build it. */
const arbLog = fc.array(fc.array(arbDraft, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }).map(
  (commits) => {
    let head = Audit.emptyHead
    const entries: Array<Audit.AuditEntry> = []
    for (const drafts of commits) {
      const sealed = Audit.seal(head, drafts)
      entries.push(...sealed)
      head = { seq: sealed.at(-1)!.seq, hash: sealed.at(-1)!.hash }
    }
    return { entries, head }
  }
)

type Tamper =
  | {
    readonly _tag: "change"
    readonly index: number
    readonly field: "actor" | "operation" | "at" | "role"
    readonly value: string
  }
  | { readonly _tag: "delete"; readonly index: number }
  | { readonly _tag: "swap"; readonly index: number }
  | { readonly _tag: "truncate"; readonly keep: number }

const arbTamper: fc.Arbitrary<Tamper> = fc.oneof(
  fc.record({
    _tag: fc.constant("change" as const),
    index: fc.nat(),
    field: fc.constantFrom("actor" as const, "operation" as const, "at" as const, "role" as const),
    value: fc.string({ minLength: 1, maxLength: 8 })
  }),
  fc.record({ _tag: fc.constant("delete" as const), index: fc.nat() }),
  fc.record({ _tag: fc.constant("swap" as const), index: fc.nat() }),
  fc.record({ _tag: fc.constant("truncate" as const), keep: fc.nat() })
)

const apply = (entries: ReadonlyArray<Audit.AuditEntry>, t: Tamper): Array<Audit.AuditEntry> | undefined => {
  const out = [...entries]
  switch (t._tag) {
    case "change": {
      const i = t.index % out.length
      if (out[i]![t.field] === t.value) return undefined
      out[i] = { ...out[i]!, [t.field]: t.value }
      return out
    }
    case "delete":
      out.splice(t.index % out.length, 1)
      return out
    case "swap": {
      if (out.length < 2) return undefined
      const i = t.index % (out.length - 1)
      ;[out[i], out[i + 1]] = [out[i + 1]!, out[i]!]
      return out
    }
    case "truncate":
      return t.keep % out.length === out.length ? undefined : out.slice(0, t.keep % out.length)
  }
}

describe("Audit chain", () => {
  it("an untouched log verifies, and its head is the last entry", () => {
    fc.assert(fc.property(arbLog, ({ entries, head }) => {
      const v = Audit.verify(entries, head)
      expect(v).toEqual({ _tag: "Intact", head })
    }))
  })

  it("any change, deletion, reordering or truncation is detected", () => {
    fc.assert(
      fc.property(arbLog, arbTamper, ({ entries, head }, tamper) => {
        const tampered = apply(entries, tamper)
        if (tampered === undefined) return fc.pre(false)
        expect(Audit.verify(tampered, head)._tag).toBe("Broken")
      }),
      { numRuns: 2000 }
    )
  })

  it("re-sealing a changed entry still breaks against the published head", () => {
    fc.assert(fc.property(arbLog, fc.nat(), ({ entries, head }, n) => {
      const i = n % entries.length
      // An attacker rewrites entry i and re-chains everything after it.
      const prefix = entries.slice(0, i)
      const prev = i === 0 ? Audit.emptyHead : { seq: entries[i - 1]!.seq, hash: entries[i - 1]!.hash }
      const rewritten = Audit.seal(
        prev,
        entries.slice(i).map(({ seq: _s, prevHash: _p, hash: _h, ...d }, k) =>
          k === 0 ? { ...d, actor: d.actor + "x" } : d
        )
      )
      expect(Audit.verify([...prefix, ...rewritten], head)._tag).toBe("Broken")
      expect(Audit.verify([...prefix, ...rewritten])._tag).toBe("Intact")
    }))
  })

  it("hashes are SHA-256 hex and chain from the genesis hash", () => {
    const [first] = Audit.seal(Audit.emptyHead, [{
      at: "2026-01-01T00:00:00.000Z",
      actor: "a",
      role: "worker",
      operation: "X",
      outcome: "allowed",
      subjects: []
    }])
    expect(first!.prevHash).toBe(Audit.GENESIS)
    expect(first!.hash).toMatch(/^[0-9a-f]{64}$/)
    expect(first!.seq).toBe(1)
  })

  it("keeps the digests sealed before @noble/hashes replaced the hand-written SHA-256", () => {
    const [first] = Audit.seal(Audit.emptyHead, [{
      at: "2026-01-01T00:00:00.000Z",
      actor: "a",
      role: "worker",
      operation: "X",
      outcome: "allowed",
      subjects: []
    }])
    expect(first!.hash).toBe("a8eaba935985e89d74ac948f780bf3e8c19bb33ab66ede6ef1d7541f0632862d")
  })

  it("a break names the seq of the first entry that cannot be trusted", () => {
    fc.assert(fc.property(arbLog, fc.nat(), ({ entries, head }, n) => {
      const i = n % entries.length
      const changed = entries.map((e, k) => (k === i ? { ...e, actor: e.actor + "x" } : e))
      expect(Audit.verify(changed, head)).toEqual({ _tag: "Broken", seq: entries[i]!.seq, reason: "hash" })
      const dropped = entries.filter((_, k) => k !== i)
      const expectedBreak = i === entries.length - 1
        ? { seq: i + 1, reason: "head" }
        : { seq: i + 1, reason: "sequence" }
      expect(Audit.verify(dropped, head)).toEqual({ _tag: "Broken", ...expectedBreak })
    }))
  })

  it("streaming verification page by page agrees with verifying the whole log, for any page size", () => {
    fc.assert(fc.property(arbLog, arbTamper, fc.integer({ min: 1, max: 7 }), ({ entries, head }, tamper, pageSize) => {
      // A store reads entries back ordered by seq.
      const log = [...(apply(entries, tamper) ?? entries)].sort((a, b) => a.seq - b.seq)
      // readAudit's contract: the entries with seq in [fromSeq, fromSeq + limit).
      const readPage = (fromSeq: number, limit: number) =>
        Effect.succeed(log.filter((e) => e.seq >= fromSeq && e.seq < fromSeq + limit))
      const whole = Audit.verify(log, head)
      const paged = Effect.runSync(Audit.verifyPages(readPage, { head, pageSize }))
      expect(paged._tag).toBe(whole._tag)
      if (whole._tag === "Intact") expect(paged).toEqual(whole)
    }))
  })

  it("a head kept elsewhere detects truncation, wiping and rewriting, and allows later entries", () => {
    fc.assert(
      fc.property(
        arbLog,
        fc.nat(),
        fc.array(arbDraft, { minLength: 1, maxLength: 3 }),
        ({ entries, head }, n, more) => {
          const keep = n % entries.length
          const prefix = entries.slice(0, keep)
          const cut: Audit.Head = keep === 0
            ? Audit.emptyHead
            : { seq: prefix[keep - 1]!.seq, hash: prefix[keep - 1]!.hash }
          // Truncated (or wiped) with the stored head moved back: intact on its own, broken against the kept head.
          expect(Audit.verify(prefix, cut)._tag).toBe("Intact")
          expect(Audit.verify(prefix, { head: cut, expected: head })).toEqual({
            _tag: "Broken",
            seq: keep + 1,
            reason: "expected"
          })
          // Entries appended after the kept head are fine.
          const later = [...entries, ...Audit.seal(head, more)]
          const laterHead = { seq: later.at(-1)!.seq, hash: later.at(-1)!.hash }
          expect(Audit.verify(later, { head: laterHead, expected: head })).toEqual({ _tag: "Intact", head: laterHead })
          // Rewritten from the cut on, as long as the original: broken at the kept seq.
          const forged = [
            ...prefix,
            ...Audit.seal(
              cut,
              entries.slice(keep).map(({ seq: _s, prevHash: _p, hash: _h, ...d }) => ({ ...d, actor: d.actor + "x" }))
            )
          ]
          expect(Audit.verify(forged, { expected: head })).toEqual({
            _tag: "Broken",
            seq: head.seq,
            reason: "expected"
          })
        }
      )
    )
  })

  it("a head line round-trips and anything else is refused", () => {
    fc.assert(fc.property(arbLog, ({ head }) => {
      expect(Audit.parseHead(Audit.formatHead(head))).toEqual(head)
      expect(Audit.parseHead(`  ${Audit.formatHead(head, "2026-11-27T10:00:00.000Z")}\n`)).toEqual(head)
    }))
    for (
      const bad of [
        "",
        "pomoc-audit-head seq=1",
        `pomoc-audit-head seq=-1 hash=${Audit.GENESIS}`,
        `pomoc-audit-head seq=1 hash=${"A".repeat(64)}`,
        `seq=1 hash=${Audit.GENESIS}`
      ]
    ) {
      expect(Audit.parseHead(bad)).toBeUndefined()
    }
  })
})
