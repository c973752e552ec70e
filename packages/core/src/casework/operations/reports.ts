/**
 * Reports: suppressed counts computed in the store, and their publication outside the service.
 *
 * @since 0.2.0
 */
import { DateTime, Effect, Schema } from "effect"
import { Party, Timestamp } from "../../model/Common.js"
import { type ReportingPeriod, ReportingPeriodId } from "../../model/Directory.js"
import * as Ids from "../../model/Ids.js"
import * as Periods from "../../reports/Periods.js"
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
 * A named period: a year (`2026`), a quarter (`2026-Q2`) or a month (`2026-05`); or the id of a
 * reporting period the organisation declared (`school-2025`).
 */
const NamedPeriod = Schema.Union([Periods.NamedPeriod, ReportingPeriodId])

const reportFields = {
  reportId: Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(100)),
  serviceId: Schema.optionalKey(Ids.ServiceId),
  from: Schema.optionalKey(Bound),
  to: Schema.optionalKey(Bound),
  /** Instead of `from`/`to`: a named year, quarter or month, or a declared reporting period's id. */
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

/** The audit subjects of a report run: which report, which period, which service; never a cell. */
const runSubjects = (reportId: string, period: string, serviceId: string | undefined) => [
  { kind: "report", id: reportId },
  { kind: "period", id: period },
  ...(serviceId !== undefined ? [{ kind: "service", id: serviceId }] : [])
]

const calendar = (period: string) => /^\d/.test(period)

/** The reporting period an organisation declared with this id: the service's, or any organisation's. */
const declaredPeriod = Effect.fnUntraced(function*(ctx: Context, id: string, serviceId: string | undefined) {
  const organisations = serviceId !== undefined
    ? [yield* ctx.load(mappings.organisation, (yield* ctx.load(mappings.service, serviceId)).value.organisationId)]
    : yield* ctx.loadAll(mappings.organisation, {})
  const found: Array<ReportingPeriod> = organisations.flatMap((o) =>
    (o.value.reportingPeriods ?? []).filter((p) => p.id === id)
  )
  const [first, ...others] = found
  if (first === undefined || others.some((p) => p.from !== first.from || p.to !== first.to)) {
    return yield* invalid(
      "Report",
      "period",
      first === undefined
        ? "a named year, quarter or month, or a reporting period the organisation declared"
        : "a reporting period declared the same way by every organisation (or run it per service)"
    )
  }
  return first
})

const runReport = Effect.fnUntraced(function*(
  ctx: Context,
  request: typeof ReportInput.Type,
  publishing: boolean
) {
  const declared = request.period !== undefined && !calendar(request.period)
    ? yield* declaredPeriod(ctx, request.period, request.serviceId)
    : undefined
  const bounds = declared !== undefined
    ? Periods.declaredBoundsOf(declared)
    : request.period !== undefined
    ? Periods.boundsOf(request.period)
    : {
      ...(request.from !== undefined ? { from: iso(request.from) } : {}),
      ...(request.to !== undefined ? { to: iso(request.to) } : {})
    }
  let key = request.reportId
  let definition = ctx.config.reports?.get(key)
  if (definition === undefined && request.serviceId !== undefined && !request.reportId.includes("/")) {
    const service = yield* ctx.load(mappings.service, request.serviceId)
    key = `${service.value.type}/${request.reportId}`
    definition = ctx.config.reports?.get(key)
  }
  if (definition === undefined) return yield* invalid("Report", "reportId", "no registered report has this id")
  // A threshold below the report's floor would be ignored: say so rather than run it unasked.
  const floor = definition.suppression?.threshold ?? Suppression.DEFAULT_THRESHOLD
  if (request.threshold !== undefined && request.threshold < floor) {
    return yield* invalid("Report", "threshold", `below this report's smallest threshold (${floor})`)
  }
  const scope = {
    ...(request.serviceId !== undefined ? { serviceId: request.serviceId } : {}),
    ...(request.threshold !== undefined ? { threshold: request.threshold } : {})
  }
  // Overlapping windows could be subtracted from one another (May, May 1-20, May 21-31 gives
  // May 20 away): those who do not publish run named periods only, each consistent with its parts.
  const window = bounds.from !== undefined || bounds.to !== undefined
  const period = request.period ??
    (bounds.from !== undefined && bounds.to !== undefined ? Periods.periodOf(bounds.from, bounds.to) : undefined)
  if (!publishing && window && period === undefined) {
    return yield* invalid(
      "Report",
      "period",
      "a named year, quarter or month (from and to must bound one exactly): overlapping windows could be subtracted"
    )
  }
  // All time grows with every record: two all-time runs a day apart give that day away.
  if (!publishing && period === undefined) {
    return yield* invalid(
      "Report",
      "period",
      "given: a named year, quarter or month, or a declared reporting period (all-time runs could be subtracted from one another)"
    )
  }
  // An open period grows with every record just as all time does: two runs of this month a day
  // apart give that day away. Those who do not publish run periods that have ended.
  if (!publishing && bounds.to !== undefined && Date.parse(bounds.to) > DateTime.toEpochMillis(ctx.now)) {
    return yield* invalid(
      "Report",
      "period",
      "a period that has ended (an open period grows with every record: two runs of it could be subtracted); run the months, quarters or years that have ended"
    )
  }
  const result = !publishing && period !== undefined
    ? yield* Periods.runConsistent(definition, ctx.store, {
      ...scope,
      period: declared ?? period,
      ...(request.serviceId === undefined
        ? { services: (yield* ctx.store.list({ kind: "service" })).map((r) => r.id) }
        : {})
    })
    : yield* Report.run(definition, ctx.store, { ...scope, ...bounds })
  return { result, subjects: runSubjects(key, period ?? (window ? "window" : "all"), request.serviceId) }
})

/**
 * Run a report: `{ reportId, serviceId?, from?, to?, period?, threshold? }`. `from` and `to`
 * (exclusive) are instants or days (`2026-01-01`, the day's start in UTC); `period` names a year
 * (`2026`), a quarter (`2026-Q2`), a month (`2026-05`) or a reporting period the organisation
 * declared (`school-2025`) instead. Counts are computed in the store and small counts suppressed
 * (with complementary suppression). A period is required, a window must be a named period, and
 * the period must have ended: overlapping windows, and all-time or open-period runs made at
 * different times, could be subtracted from one another. A quarter hides what its months hide, a year what its quarters hide, a declared
 * period what its calendar parts hide, an organisation-wide run what its services' runs hide
 * (`Periods.runConsistent`). Every run is audited (who, which
 * report, which period; never a cell).
 * @since 0.2.0
 * @category operations
 */
export const report = Operation.read()({
  tag: "ReadReport",
  summary: "run a report (suppressed counts)",
  input: ReportInput,
  entity: "Report",
  subject: Operation.newService((i: typeof ReportInput.Type) => i.serviceId),
  // Every run is audited: who, which report, which period; never a cell.
  answer: (ctx, request) =>
    Effect.map(runReport(ctx, request, false), ({ result, subjects }) => ({
      result,
      audit: { operation: "ReadReport", subjects }
    }))
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
    const { result } = yield* runReport(ctx, request, true)
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
