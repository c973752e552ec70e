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
  answer: (ctx, query) => Effect.map(ctx.store.readAudit(query?.fromSeq ?? 1, query?.limit ?? 1000), (result) => ({ result }))
})

/**
 * Verify the whole audit chain: input `undefined`.
 * @since 0.2.0
 * @category operations
 */
export const verifyAudit = Operation.read<void>()({
  tag: "VerifyAudit",
  summary: "verify the audit hash chain",
  input: Schema.Undefined,
  entity: "VerifyAudit",
  subject: Operation.organisation,
  answer: Effect.fnUntraced(function*(ctx) {
    const head = yield* ctx.store.auditHead
    const entries: Array<Audit.AuditEntry> = []
    const page = 5000
    while (entries.length < head.seq) {
      const batch = yield* ctx.store.readAudit(entries.length + 1, page)
      if (batch.length === 0) break
      entries.push(...batch)
    }
    return { result: Audit.verify(entries, head) }
  })
})
