/**
 * The audit log: reading it and verifying its hash chain (auditors and administrators).
 *
 * @since 0.2.0
 */
import { Effect, Schema } from "effect"
import * as Audit from "../../Audit.js"
import * as Operation from "../Operation.js"

const AuditQuery = Schema.UndefinedOr(Schema.Struct({
  fromSeq: Schema.optionalKey(Schema.Int.check(Schema.isGreaterThanOrEqualTo(1))),
  limit: Schema.optionalKey(Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 100_000 })))
}))

/**
 * Read the audit log: `{ fromSeq?, limit? }` (or nothing: from the start, 1,000 entries).
 * @since 0.2.0
 * @category operations
 */
export const auditLog = Operation.read<{ readonly fromSeq?: number; readonly limit?: number } | undefined>()({
  tag: "ReadAudit",
  summary: "read the audit log",
  input: AuditQuery,
  entity: "AuditQuery",
  subject: Operation.organisation,
  answer: (ctx, query) =>
    Effect.map(ctx.store.readAudit(query?.fromSeq ?? 1, query?.limit ?? 1000), (result) => ({ result }))
})

const VerifyAuditInput = Schema.UndefinedOr(Schema.Struct({ expected: Schema.optional(Audit.HeadSchema) }))

/**
 * Verify the whole audit chain, page by page, against the head the store records and, when
 * given, a head kept outside the database (`{ expected: { seq, hash } }`, see
 * `Audit.formatHead`), which detects truncation and wiping. Input `undefined` or `{ expected? }`.
 * @since 0.2.0
 * @category operations
 */
export const verifyAudit = Operation.read<{ readonly expected?: Audit.Head } | undefined>()({
  tag: "VerifyAudit",
  summary: "verify the audit hash chain",
  input: VerifyAuditInput,
  entity: "VerifyAudit",
  subject: Operation.organisation,
  answer: Effect.fnUntraced(function*(ctx, input) {
    const head = yield* ctx.store.auditHead
    return { result: yield* Audit.verifyPages(ctx.store.readAudit, { head, expected: input?.expected }) }
  })
})
