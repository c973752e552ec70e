/**
 * Programmes (projects) of an organisation and their funding: records that contacts, activities
 * and volunteer hours link to (`programId`), so that every report can be run per project
 * (HSDS 3.0 `program` and `funding`).
 *
 * Why records of core, and not a plugin's: a project is the organisation's, not one service
 * type's (a centre's project may fund its open youth work and its street work alike), and the
 * HSDS export publishes it for the whole organisation. Two catalogue kinds with a link field on
 * the three record kinds that do the work are the smallest shape that lets any service use them:
 * a plugin-declared record kind would need a plugin of its own in every host, and settings on a
 * service (what community centres did before 0.2) cannot be shared by two services nor carry more
 * than one funding source.
 *
 * Names and funders are not personal data (they are published); a programme is never erased
 * with a person.
 *
 * @since 0.2.0
 */
import { DateTime, Schema } from "effect"
import { Code, LongText, ShortText, Timestamp } from "./Common.js"
import { FundingId, OrganisationId, ProgramId } from "./Ids.js"

/**
 * A programme (project) of the organisation: its name, and optionally what it is, when it runs
 * and the plugin's code for it (`code`, e.g. a community centre's `childrens-day-centre`).
 *
 * @example
 * ```ts
 * import { Program } from "@pomoc/core"
 * import { Schema } from "effect"
 *
 * Schema.decodeUnknownSync(Program)({
 *   id: "youth-2026", organisationId: "org", name: "Youth in the neighbourhood 2026",
 *   startsAt: "2026-01-01T00:00:00.000Z", endsAt: "2026-12-31T23:59:59.000Z"
 * })
 * ```
 *
 * @since 0.2.0
 * @category models
 */
export class Program extends Schema.Class<Program>("@pomoc/core/Program")(
  Schema.Struct({
    id: ProgramId,
    organisationId: OrganisationId,
    name: ShortText,
    alternateName: Schema.optionalKey(ShortText),
    description: Schema.optionalKey(LongText),
    /** A code for the programme's kind, reportable (a plugin's code, e.g. `childrens-day-centre`). */
    code: Schema.optionalKey(Code),
    startsAt: Schema.optionalKey(Timestamp),
    endsAt: Schema.optionalKey(Timestamp)
  }).check(
    Schema.makeFilter((p) =>
      p.startsAt === undefined || p.endsAt === undefined || DateTime.isLessThanOrEqualTo(p.startsAt, p.endsAt) ||
      { path: ["endsAt"], issue: "a programme cannot end before it starts" }
    )
  )
) {}

/**
 * A source of money for a programme: who funds it (`source`, as HSDS writes it) and, for reports,
 * the kind of source as a code (a community centre's `eu-funds`, `municipal-budget`, …).
 *
 * @since 0.2.0
 * @category models
 */
export class Funding extends Schema.Class<Funding>("@pomoc/core/Funding")({
  id: FundingId,
  organisationId: OrganisationId,
  /** The programme it funds. */
  programId: ProgramId,
  /** The funder, in words (published in the HSDS export). */
  source: ShortText,
  /** The kind of source, reportable. */
  kind: Schema.optionalKey(Code)
}) {}
