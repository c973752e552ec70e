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
import { Context, Effect, Schema } from "effect"
import { decodeDraft as decodeDraftFast } from "./internal/auditDraft.js"
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
 * The chain's head: the last entry's sequence number and hash (`seq` 0 and {@link GENESIS} when
 * empty). A head is small and not personal: publish it outside the database (see
 * {@link formatHead}) and later verify the log against it, so that truncating or wiping the log
 * cannot go unnoticed.
 * @since 0.1.0
 * @category models
 */
export interface Head {
  readonly seq: number
  readonly hash: string
}

/**
 * The schema of a {@link Head}: a non-negative integer `seq` and a lower-case hex SHA-256 `hash`.
 * @since 0.2.0
 * @category models
 */
export const HeadSchema = Schema.Struct({
  seq: Schema.Int.check(Schema.isGreaterThanOrEqualTo(0)),
  hash: Schema.String.check(Schema.isPattern(/^[0-9a-f]{64}$/))
})

/**
 * The head of an empty log.
 * @since 0.1.0
 * @category constructors
 */
export const emptyHead: Head = { seq: 0, hash: GENESIS }

/**
 * SHA-256 of a text's UTF-8 bytes as lower-case hex: what the chain is hashed with. Core's own
 * (from `@noble/hashes`) runs everywhere; a host with a native SHA-256 can pass its own (see
 * {@link Hasher}): the digests are the same, only faster.
 * @since 0.2.0
 * @category models
 */
export type Sha256 = (text: string) => string

/**
 * The SHA-256 {@link verifyPages} (and so `pomoc.verifyAudit`) hashes with when its options name
 * none: core's portable one by default. A Node host provides a native one, for example
 * `Layer.succeed(Audit.Hasher, (text) => createHash("sha256").update(text).digest("hex"))`
 * (`@pomoc/store-sql` exports it as `nodeSha256`).
 * @since 0.2.0
 * @category services
 */
export const Hasher: Context.Reference<Sha256> = Context.Reference<Sha256>("@pomoc/core/Audit/Hasher", {
  defaultValue: () => sha256
})

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

const leafHash = (hash: Sha256, seq: number, d: AuditDraft): string => hash("\u0000" + canonical(seq, d))
const chainHash = (hash: Sha256, prev: string, leaf: string): string => hash("\u0001" + prev + leaf)

/**
 * Seals drafts onto the chain after `head`. Stores call this inside the transaction that appends
 * the entries, after reading (and locking) the current head.
 * @since 0.1.0
 * @category constructors
 */
export const seal = (
  head: Head,
  drafts: ReadonlyArray<AuditDraft>,
  hash: Sha256 = sha256
): Array<AuditEntry> => {
  const out: Array<AuditEntry> = []
  let seq = head.seq
  let prev = head.hash
  for (const draft of drafts) {
    seq += 1
    const sealed = chainHash(hash, prev, leafHash(hash, seq, draft))
    out.push({ ...draft, seq, prevHash: prev, hash: sealed })
    prev = sealed
  }
  return out
}

/**
 * Why a log failed verification:
 * - `sequence`: the entry read at a position does not carry the next number (a gap, a reordering,
 *   a duplicate);
 * - `link`: the entry does not point at the previous entry's hash;
 * - `hash`: the entry's content does not give its hash (it was changed);
 * - `head`: the log does not end at the head the store records;
 * - `expected`: the log does not hold the head kept outside the database (it was truncated,
 *   wiped, or rewritten from that point on).
 * @since 0.2.0
 * @category models
 */
export type BreakReason = "sequence" | "link" | "hash" | "head" | "expected"

/**
 * A broken log: the sequence number of the first entry that cannot be trusted (missing, changed,
 * out of place) and why.
 * @since 0.2.0
 * @category models
 */
export interface Broken {
  readonly _tag: "Broken"
  /** The `seq` of the first entry that is missing or not as sealed (never an array index). */
  readonly seq: number
  readonly reason: BreakReason
}

/**
 * The outcome of verifying a log: intact (with the head it ends at), or where it breaks and why.
 * @since 0.1.0
 * @category models
 */
export type Verification = { readonly _tag: "Intact"; readonly head: Head } | Broken

/**
 * What to verify a log against.
 * @since 0.2.0
 * @category models
 */
export interface VerifyOptions {
  /** The head the store records (`auditHead`): the log must end exactly there. */
  readonly head?: Head | undefined
  /**
   * A head kept outside the database (published earlier, see {@link formatHead}): the log must
   * hold the entry `expected.seq` with hash `expected.hash`. Entries appended after it are fine;
   * a log truncated before it, wiped, or rewritten from it on is `Broken` with reason `expected`.
   */
  readonly expected?: Head | undefined
  /** The SHA-256 to hash with (default: core's own; {@link verifyPages} defaults to {@link Hasher}). */
  readonly sha256?: Sha256 | undefined
}

const broken = (seq: number, reason: BreakReason): Broken => ({ _tag: "Broken", seq, reason })

/**
 * A verification in progress: entries go in one at a time, oldest first, and only the last
 * entry's sequence number and hash are kept, so a log of any length verifies in constant memory.
 * @since 0.2.0
 * @category models
 */
export interface Verifier {
  /** Checks the next entry: the break it reveals, or `undefined` while the chain holds. */
  readonly push: (entry: AuditEntry) => Broken | undefined
  /** The head of the entries checked so far. */
  readonly head: () => Head
  /** Ends the verification: checks the end of the log against the options' heads. */
  readonly finish: () => Verification
}

/**
 * Starts a streaming verification. Feed it the log with {@link Verifier.push} (stop at the first
 * break) and call {@link Verifier.finish} after the last entry.
 * @since 0.2.0
 * @category constructors
 */
export const verifier = (options: VerifyOptions = {}): Verifier => {
  let seq = 0
  let hash = GENESIS
  const expected = options.expected
  const h = options.sha256 ?? sha256
  return {
    push: (e) => {
      const next = seq + 1
      if (e.seq !== next) return broken(next, "sequence")
      if (e.prevHash !== hash) return broken(next, "link")
      if (e.hash !== chainHash(h, hash, leafHash(h, next, e))) return broken(next, "hash")
      if (expected !== undefined && next === expected.seq && e.hash !== expected.hash) return broken(next, "expected")
      seq = next
      hash = e.hash
      return undefined
    },
    head: () => ({ seq, hash }),
    finish: () => {
      if (expected !== undefined) {
        if (expected.seq > seq) return broken(seq + 1, "expected")
        if (expected.seq === 0 && expected.hash !== GENESIS) return broken(0, "expected")
      }
      const head = options.head
      if (head !== undefined && (head.seq !== seq || head.hash !== hash)) {
        return broken(head.seq > seq ? seq + 1 : head.seq < seq ? head.seq + 1 : seq, "head")
      }
      return { _tag: "Intact", head: { seq, hash } }
    }
  }
}

const isHead = (value: Head | VerifyOptions): value is Head => "seq" in value

/**
 * Verifies a whole log held in memory, oldest first. Pass the head the store records (or
 * {@link VerifyOptions}) to detect truncation at the end too. For long logs use
 * {@link verifyPages}, which never holds more than a page.
 * @since 0.1.0
 * @category combinators
 */
export const verify = (entries: Iterable<AuditEntry>, against?: Head | VerifyOptions): Verification => {
  const v = verifier(against === undefined ? {} : isHead(against) ? { head: against } : against)
  for (const entry of entries) {
    const b = v.push(entry)
    if (b !== undefined) return b
  }
  return v.finish()
}

/**
 * Options of {@link verifyPages}.
 * @since 0.2.0
 * @category models
 */
export interface PagedVerifyOptions extends VerifyOptions {
  /** Entries read per page (default 1000: larger pages only hold more garbage between collections). */
  readonly pageSize?: number | undefined
}

/**
 * Verifies a log page by page, keeping only the running hash: `readPage(fromSeq, limit)` returns
 * the entries with `seq` in `[fromSeq, fromSeq + limit)` (a store's `readAudit`). Reading goes on
 * until a page comes back empty, so entries beyond the recorded head are found too. A gap of a
 * whole page or more is only detected against a head: pass `head` (the store's) and, to detect
 * truncation and wiping, `expected` (one kept outside the database).
 * @since 0.2.0
 * @category combinators
 */
export const verifyPages = <E, R>(
  readPage: (fromSeq: number, limit: number) => Effect.Effect<ReadonlyArray<AuditEntry>, E, R>,
  options: PagedVerifyOptions = {}
): Effect.Effect<Verification, E, R> =>
  Effect.gen(function*() {
    const v = verifier(options.sha256 === undefined ? { ...options, sha256: yield* Hasher } : options)
    const size = options.pageSize ?? 1000
    for (;;) {
      const page = yield* readPage(v.head().seq + 1, size)
      if (page.length === 0) return v.finish()
      for (const entry of page) {
        const b = v.push(entry)
        if (b !== undefined) return b
      }
    }
  })

/**
 * Why a stored entry is not a draft: the field and the rule it breaks, never its value.
 * @since 0.2.0
 * @category models
 */
export interface DraftIssue {
  readonly _tag: "DraftIssue"
  /** The field (`entry` when the whole value is not an object). */
  readonly field: string
  /** The rule it breaks, e.g. "must be a string". */
  readonly rule: string
}

/**
 * Reads a stored entry's draft from a parsed JSON value: the checks of {@link AuditDraft}'s
 * schema, without its generic machinery (a store reads every entry when a log is verified), and
 * only the draft's own keys are kept. Returns the draft, or the first {@link DraftIssue}.
 * @since 0.2.0
 * @category decoding
 */
export const decodeDraft: (value: unknown) => AuditDraft | DraftIssue = decodeDraftFast

/**
 * Whether {@link decodeDraft} found an issue.
 * @since 0.2.0
 * @category decoding
 */
export const isDraftIssue = (value: AuditDraft | DraftIssue): value is DraftIssue =>
  "_tag" in value && value._tag === "DraftIssue"

const HEAD_LINE = /^pomoc-audit-head seq=(\d{1,15}) hash=([0-9a-f]{64})(?: at=(\S+))?$/

/**
 * A head as one line of text for publishing outside the database: an NGO's auditor appends it to
 * a file of their own, prints it in the annual report, or signs it. `at` (when the head was read)
 * is informational.
 *
 * @example
 * ```ts
 * import { Audit } from "@pomoc/core"
 *
 * Audit.formatHead({ seq: 12, hash: Audit.GENESIS }, "2026-11-27T10:00:00.000Z")
 * // "pomoc-audit-head seq=12 hash=000…000 at=2026-11-27T10:00:00.000Z"
 * ```
 * @since 0.2.0
 * @category constructors
 */
export const formatHead = (head: Head, at?: string): string =>
  `pomoc-audit-head seq=${head.seq} hash=${head.hash}` + (at === undefined ? "" : ` at=${at}`)

/**
 * Reads a line written by {@link formatHead} back into a head (`undefined` when the line is not
 * one): surrounding whitespace is ignored.
 * @since 0.2.0
 * @category constructors
 */
export const parseHead = (line: string): Head | undefined => {
  const m = HEAD_LINE.exec(line.trim())
  if (m === null) return undefined
  const seq = Number(m[1])
  return Number.isSafeInteger(seq) ? { seq, hash: m[2]! } : undefined
}
