/**
 * Reports: suppressed counts computed in the store, and their publication outside the service.
 *
 * @since 0.2.0
 */
import { DateTime, Effect, Schema } from "effect"
import { Party, Timestamp } from "../../model/Common.js"
import * as Ids from "../../model/Ids.js"
import * as Report from "../../reports/Report.js"
import type { Context } from "../Operation.js"
import * as Operation from "../Operation.js"
import { mappings } from "../Records.js"
import { access, invalid } from "./common.js"

const ReportInput = Schema.Struct({
  reportId: Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(100)),
  serviceId: Schema.optionalKey(Ids.ServiceId),
  from: Schema.optionalKey(Timestamp),
  to: Schema.optionalKey(Timestamp),
  threshold: Schema.optionalKey(Schema.Int.check(Schema.isGreaterThanOrEqualTo(1)))
})
const PublishReportInput = Schema.Struct({ ...ReportInput.fields, serviceId: Ids.ServiceId, recipient: Party })

const runReport = Effect.fnUntraced(function*(ctx: Context, request: typeof ReportInput.Type) {
  let definition = ctx.config.reports?.get(request.reportId)
  if (definition === undefined && request.serviceId !== undefined && !request.reportId.includes("/")) {
    const service = yield* ctx.load(mappings.service, request.serviceId)
    definition = ctx.config.reports?.get(`${service.value.type}/${request.reportId}`)
  }
  if (definition === undefined) return yield* invalid("Report", "reportId", "no registered report has this id")
  return yield* Report.run(definition, ctx.store, {
    ...(request.serviceId !== undefined ? { serviceId: request.serviceId } : {}),
    ...(request.from !== undefined ? { from: DateTime.formatIso(request.from) } : {}),
    ...(request.to !== undefined ? { to: DateTime.formatIso(request.to) } : {}),
    ...(request.threshold !== undefined ? { threshold: request.threshold } : {})
  })
})

/**
 * Run a report: `{ reportId, serviceId?, from?, to?, threshold? }`. Counts are computed in the
 * store and small counts suppressed (with complementary suppression).
 * @since 0.2.0
 * @category operations
 */
export const report = Operation.read()({
  tag: "ReadReport",
  summary: "run a report (suppressed counts)",
  input: ReportInput,
  entity: "Report",
  subject: Operation.newService((i: typeof ReportInput.Type) => i.serviceId),
  answer: (ctx, request) => Effect.map(runReport(ctx, request), (result) => ({ result }))
})

/**
 * Publish a report outside the service: `{ reportId, serviceId, recipient, from?, to?, threshold? }`.
 * Runs it, passes the principles and records the publication in the audit log.
 * @since 0.2.0
 * @category operations
 */
export const publishReport = Operation.write()({
  tag: "PublishReport",
  summary: "publish a suppressed report outside the service",
  access: access("NSONN", "write", "aggregate", "publish a suppressed report outside the service"),
  input: PublishReportInput,
  entity: "PublishReport",
  subject: Operation.newIn((i: typeof PublishReportInput.Type) => i.serviceId),
  decide: Effect.fnUntraced(function*(ctx, request, service) {
    const result = yield* runReport(ctx, request)
    return {
      command: {
        _tag: "PublishReport",
        serviceId: request.serviceId,
        report: request.reportId,
        recipient: request.recipient,
        smallestCell: result.smallestVisibleCount ?? 0
      } as const,
      service: service.value,
      changes: [],
      result
    }
  })
})
