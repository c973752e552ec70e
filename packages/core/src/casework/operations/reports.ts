/**
 * Reports: suppressed counts computed in the store, and their publication outside the service.
 *
 * @since 0.2.0
 */
import { DateTime, Effect, Schema } from "effect"
import { Party, Timestamp } from "../../model/Common.js"
import * as Ids from "../../model/Ids.js"
import * as Report from "../../reports/Report.js"
import * as Suppression from "../../reports/Suppression.js"
import type { Context } from "../Operation.js"
import * as Operation from "../Operation.js"
import { mappings } from "../Records.js"
import { access, invalid } from "./common.js"

/** A day (`2026-01-01`: its start, UTC), a checked calendar date. */
const Day = Schema.String.check(
  Schema.makeFilter((s: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
    if (m === null) return "must be a day (YYYY-MM-DD) or an ISO 8601 date-time"
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
    return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]) || "must be a date that exists"
  })
)
/**
 * A period's bound: an instant, or a day (its start, UTC; `to` is exclusive).
 * @since 0.2.0
 * @category models
 */
export const Bound = Schema.Union([Timestamp, Day])
/**
 * A named period: a year (`2026`), a quarter (`2026-Q2`) or a month (`2026-05`).
 * @since 0.2.0
 * @category models
 */
export const NamedPeriod = Schema.String.check(
  Schema.isPattern(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, {
    expected: "a year (2026), a quarter (2026-Q2) or a month (2026-05)"
  })
)

const reportFields = {
  reportId: Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(100)),
  serviceId: Schema.optionalKey(Ids.ServiceId),
  from: Schema.optionalKey(Bound),
  to: Schema.optionalKey(Bound),
  /** Instead of `from`/`to`: a named year, quarter or month. */
  period: Schema.optionalKey(NamedPeriod),
  threshold: Schema.optionalKey(Schema.Int.check(Schema.isGreaterThanOrEqualTo(1)))
}
/**
 * Refuses a named period together with `from` or `to`.
 * @since 0.2.0
 * @category models
 */
export const onePeriod = Schema.makeFilter((
  i: { readonly period?: string; readonly from?: unknown; readonly to?: unknown }
) =>
  i.period === undefined || (i.from === undefined && i.to === undefined) ||
  { path: ["period"], issue: "a named period cannot be combined with from or to" }
)
const ReportInput = Schema.Struct(reportFields).check(onePeriod)
const PublishReportInput = Schema.Struct({ ...reportFields, serviceId: Ids.ServiceId, recipient: Party }).check(
  onePeriod
)

const iso = (bound: DateTime.Utc | string) =>
  typeof bound === "string" ? `${bound}T00:00:00.000Z` : DateTime.formatIso(bound)

/** A named period's bounds, `to` exclusive (a validated name). */
const boundsOf = (period: string): { readonly from: string; readonly to: string } => {
  const year = Number(period.slice(0, 4))
  const start = (y: number, month: number) => new Date(Date.UTC(y, month, 1)).toISOString()
  if (period.length === 4) return { from: start(year, 0), to: start(year + 1, 0) }
  if (period[5] === "Q") {
    const q = Number(period.slice(6)) - 1
    return { from: start(year, q * 3), to: start(year, q * 3 + 3) }
  }
  const month = Number(period.slice(5)) - 1
  return { from: start(year, month), to: start(year, month + 1) }
}

/**
 * The store bounds (`from` inclusive, `to` exclusive, ISO 8601) of a request's period: a named
 * period, or `from` and `to` (instants or days), or none.
 * @since 0.2.0
 * @category combinators
 */
export const periodOf = (
  request: {
    readonly period?: string | undefined
    readonly from?: DateTime.Utc | string | undefined
    readonly to?: DateTime.Utc | string | undefined
  }
): { readonly from?: string; readonly to?: string } =>
  request.period !== undefined
    ? boundsOf(request.period)
    : {
      ...(request.from !== undefined ? { from: iso(request.from) } : {}),
      ...(request.to !== undefined ? { to: iso(request.to) } : {})
    }

const runReport = Effect.fnUntraced(function*(ctx: Context, request: typeof ReportInput.Type) {
  const bounds = periodOf(request)
  let definition = ctx.config.reports?.get(request.reportId)
  if (definition === undefined && request.serviceId !== undefined && !request.reportId.includes("/")) {
    const service = yield* ctx.load(mappings.service, request.serviceId)
    definition = ctx.config.reports?.get(`${service.value.type}/${request.reportId}`)
  }
  if (definition === undefined) return yield* invalid("Report", "reportId", "no registered report has this id")
  // A threshold below the report's floor would be ignored: say so rather than run it unasked.
  const floor = definition.suppression?.threshold ?? Suppression.DEFAULT_THRESHOLD
  if (request.threshold !== undefined && request.threshold < floor) {
    return yield* invalid("Report", "threshold", `below this report's smallest threshold (${floor})`)
  }
  return yield* Report.run(definition, ctx.store, {
    ...(request.serviceId !== undefined ? { serviceId: request.serviceId } : {}),
    ...bounds,
    ...(request.threshold !== undefined ? { threshold: request.threshold } : {})
  })
})

/**
 * Run a report: `{ reportId, serviceId?, from?, to?, period?, threshold? }`. `from` and `to`
 * (exclusive) are instants or days (`2026-01-01`, the day's start in UTC); `period` names a year
 * (`2026`), a quarter (`2026-Q2`) or a month (`2026-05`) instead. Counts are computed in the
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
