import { Audit } from "@pomoc/core"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"

const arbDraft: fc.Arbitrary<Audit.AuditDraft> = fc.record({
  at: fc.date({ min: new Date("2020-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }).map((d) => d.toISOString()),
  actor: fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/),
  role: fc.constantFrom("worker", "coordinator", "administrator", "auditor", "volunteer"),
  operation: fc.constantFrom("RegisterPerson", "RecordContact", "Disclose", "EndCooperation", "ReadIdentifiedPerson"),
  outcome: fc.constantFrom("allowed" as const, "read" as const),
  subjects: fc.array(fc.record({ kind: fc.constantFrom("person", "contact"), id: fc.uuid() }), { maxLength: 3 })
}, { requiredKeys: ["at", "actor", "role", "operation", "outcome", "subjects"] })

/** A log sealed in several commits, as a store would build it. */
const arbLog = fc.array(fc.array(arbDraft, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }).map((commits) => {
  let head = Audit.emptyHead
  const entries: Array<Audit.AuditEntry> = []
  for (const drafts of commits) {
    const sealed = Audit.seal(head, drafts)
    entries.push(...sealed)
    head = { seq: sealed.at(-1)!.seq, hash: sealed.at(-1)!.hash }
  }
  return { entries, head }
})

type Tamper =
  | { readonly _tag: "change"; readonly index: number; readonly field: "actor" | "operation" | "at" | "role"; readonly value: string }
  | { readonly _tag: "delete"; readonly index: number }
  | { readonly _tag: "swap"; readonly index: number }
  | { readonly _tag: "truncate"; readonly keep: number }

const arbTamper: fc.Arbitrary<Tamper> = fc.oneof(
  fc.record({ _tag: fc.constant("change" as const), index: fc.nat(), field: fc.constantFrom("actor" as const, "operation" as const, "at" as const, "role" as const), value: fc.string({ minLength: 1, maxLength: 8 }) }),
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
    fc.assert(fc.property(arbLog, arbTamper, ({ entries, head }, tamper) => {
      const tampered = apply(entries, tamper)
      if (tampered === undefined) return fc.pre(false)
      expect(Audit.verify(tampered, head)._tag).toBe("Broken")
    }), { numRuns: 2000 })
  })

  it("re-sealing a changed entry still breaks against the published head", () => {
    fc.assert(fc.property(arbLog, fc.nat(), ({ entries, head }, n) => {
      const i = n % entries.length
      // An attacker rewrites entry i and re-chains everything after it.
      const prefix = entries.slice(0, i)
      const prev = i === 0 ? Audit.emptyHead : { seq: entries[i - 1]!.seq, hash: entries[i - 1]!.hash }
      const rewritten = Audit.seal(prev, entries.slice(i).map(({ seq: _s, prevHash: _p, hash: _h, ...d }, k) => k === 0 ? { ...d, actor: d.actor + "x" } : d))
      expect(Audit.verify([...prefix, ...rewritten], head)._tag).toBe("Broken")
      expect(Audit.verify([...prefix, ...rewritten])._tag).toBe("Intact")
    }))
  })

  it("hashes are SHA-256 hex and chain from the genesis hash", () => {
    const [first] = Audit.seal(Audit.emptyHead, [{ at: "2026-01-01T00:00:00.000Z", actor: "a", role: "worker", operation: "X", outcome: "allowed", subjects: [] }])
    expect(first!.prevHash).toBe(Audit.GENESIS)
    expect(first!.hash).toMatch(/^[0-9a-f]{64}$/)
    expect(first!.seq).toBe(1)
  })
})
