/**
 * The tamper-evident audit log. Every write, every read of an identified person and every
 * disclosure appends an entry; each entry's hash covers the previous entry's hash (a hash chain,
 * with RFC 6962-style domain separation between leaf and chain hashing), so changing, deleting,
 * reordering or truncating entries is detected by {@link verify}. Entries hold ids, the actor,
 * the operation, the time and the outcome: never personal data, so erasing a person never
 * breaks the chain.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { sha256 } from "./internal/sha256.js"

/**
 * What an entry is about: entity kinds and ids only.
 * @since 0.1.0
 * @category models
 */
export const Subject = Schema.Struct({ kind: Schema.String, id: Schema.String })
/**
 * @since 0.1.0
 * @category models
 */
export type Subject = typeof Subject.Type

/**
 * An entry before it is sealed into the chain.
 * @since 0.1.0
 * @category models
 */
export const AuditDraft = Schema.Struct({
  at: Schema.String,
  actor: Schema.String,
  role: Schema.String,
  operation: Schema.String,
  outcome: Schema.Literals(["allowed", "denied", "read"]),
  serviceId: Schema.optionalKey(Schema.String),
  subjects: Schema.Array(Subject),
  /**
   * For a disclosure without consent: the code of the legal ground of the duty to report. The
   * case-work API writes only codes (`LegalGround`), never free text: the audit log cannot be erased.
   */
  legalGround: Schema.optionalKey(Schema.String),
  /** For a denial: the principle and rule ids that denied. */
  rules: Schema.optionalKey(Schema.Array(Schema.String))
})
/**
 * @since 0.1.0
 * @category models
 */
export type AuditDraft = typeof AuditDraft.Type

/**
 * A sealed entry: its position, the previous entry's hash and its own.
 * @since 0.1.0
 * @category models
 */
export const AuditEntry = Schema.Struct({
  ...AuditDraft.fields,
  seq: Schema.Int,
  prevHash: Schema.String,
  hash: Schema.String
})
/**
 * @since 0.1.0
 * @category models
 */
export type AuditEntry = typeof AuditEntry.Type

/**
 * The hash that precedes the first entry.
 * @since 0.1.0
 * @category constructors
 */
export const GENESIS = "0".repeat(64)

/**
 * The chain's head: the last entry's sequence number and hash (`seq` 0 and {@link GENESIS} when empty).
 * @since 0.1.0
 * @category models
 */
export interface Head {
  readonly seq: number
  readonly hash: string
}

/**
 * The head of an empty log.
 * @since 0.1.0
 * @category constructors
 */
export const emptyHead: Head = { seq: 0, hash: GENESIS }

// Canonical form: keys in a fixed order, optional keys present as null, so that hashing never
// depends on property order or on how a store happened to serialise the entry.
const canonical = (seq: number, d: AuditDraft): string =>
  JSON.stringify([
    seq,
    d.at,
    d.actor,
    d.role,
    d.operation,
    d.outcome,
    d.serviceId ?? null,
    d.subjects.map((s) => [s.kind, s.id]),
    d.legalGround ?? null,
    d.rules ?? null
  ])

const leafHash = (seq: number, d: AuditDraft): string => sha256("\u0000" + canonical(seq, d))
const chainHash = (prev: string, leaf: string): string => sha256("\u0001" + prev + leaf)

/**
 * Seals drafts onto the chain after `head`. Stores call this inside the transaction that appends
 * the entries, after reading (and locking) the current head.
 * @since 0.1.0
 * @category constructors
 */
export const seal = (head: Head, drafts: ReadonlyArray<AuditDraft>): Array<AuditEntry> => {
  const out: Array<AuditEntry> = []
  let seq = head.seq
  let prev = head.hash
  for (const draft of drafts) {
    seq += 1
    const hash = chainHash(prev, leafHash(seq, draft))
    out.push({ ...draft, seq, prevHash: prev, hash })
    prev = hash
  }
  return out
}

/**
 * The outcome of verifying a log: intact, or the first position where it breaks and why.
 * @since 0.1.0
 * @category models
 */
export type Verification =
  | { readonly _tag: "Intact"; readonly head: Head }
  | { readonly _tag: "Broken"; readonly at: number; readonly reason: "sequence" | "link" | "hash" | "head" }

/**
 * Verifies a whole log read from a store, oldest first. Pass the head recorded elsewhere (a
 * published checkpoint) to detect truncation at the end too.
 * @since 0.1.0
 * @category combinators
 */
export const verify = (entries: ReadonlyArray<AuditEntry>, expectedHead?: Head): Verification => {
  let prev = GENESIS
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!
    if (e.seq !== i + 1) return { _tag: "Broken", at: i, reason: "sequence" }
    if (e.prevHash !== prev) return { _tag: "Broken", at: i, reason: "link" }
    if (e.hash !== chainHash(prev, leafHash(e.seq, e))) return { _tag: "Broken", at: i, reason: "hash" }
    prev = e.hash
  }
  const head: Head = { seq: entries.length, hash: prev }
  if (expectedHead !== undefined && (expectedHead.seq !== head.seq || expectedHead.hash !== head.hash)) {
    return { _tag: "Broken", at: entries.length, reason: "head" }
  }
  return { _tag: "Intact", head }
}
