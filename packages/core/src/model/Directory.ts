/**
 * Organisations, their services and the locations where they work. This part of the model maps to
 * the Open Referral HSDS 3.0 directory format (see `@pomoc/hsds`).
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { AgeRange, Code, Labels, LongText, ShortText, Text, Timestamp } from "./Common.js"
import { LocationId, OrganisationId, ServiceId } from "./Ids.js"
import { personal } from "./Personal.js"
import { Schedule } from "./Schedule.js"

/**
 * A public phone number of an organisation, service or location (never a person's).
 * @since 0.2.0
 * @category models
 */
export const Phone = Schema.Struct({
  number: ShortText,
  /** `voice`, `fax`, `text`, `cell`, `video`, `pager` or `textphone`, as HSDS suggests. */
  type: Schema.optionalKey(ShortText),
  description: Schema.optionalKey(ShortText)
})
/**
 * @since 0.2.0
 * @category models
 */
export type Phone = typeof Phone.Type

/**
 * A language a service or location works in: an ISO 639 code, a name, or both.
 * @since 0.2.0
 * @category models
 */
export const SpokenLanguage = Schema.Struct({
  code: Schema.optionalKey(
    Schema.String.check(
      Schema.isPattern(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, { expected: "an ISO 639 language code, e.g. cs or uk" })
    )
  ),
  name: Schema.optionalKey(ShortText),
  note: Schema.optionalKey(ShortText)
})
/**
 * @since 0.2.0
 * @category models
 */
export type SpokenLanguage = typeof SpokenLanguage.Type

/**
 * An area a service covers (a district, a town, "the whole region").
 * @since 0.2.0
 * @category models
 */
export const ServiceArea = Schema.Struct({
  name: ShortText,
  description: Schema.optionalKey(LongText)
})
/**
 * @since 0.2.0
 * @category models
 */
export type ServiceArea = typeof ServiceArea.Type

/** A month, `YYYY-MM`. */
const Month = Schema.String.check(
  Schema.isPattern(/^\d{4}-(0[1-9]|1[0-2])$/, { expected: "a month (YYYY-MM)" })
)

/**
 * The id of a declared reporting period: a code that begins with a letter (`school-2025`), so
 * that it never reads as a calendar year, quarter or month.
 * @since 0.2.0
 * @category models
 */
export const ReportingPeriodId = Schema.String.check(
  Schema.isPattern(/^[a-z][a-z0-9-]{0,63}$/, {
    expected: "a code beginning with a letter (lower-case letters, digits and '-', max 64)"
  })
)

/**
 * A reporting period an organisation declares besides the calendar's (e.g. a funder's school
 * year): an id (a code that does not begin with a digit, so that it never reads as a calendar
 * year, quarter or month), labels, and its first and last month (both included). Made of whole
 * months, so that a run on it stays consistent with the calendar periods it is made of.
 * @since 0.2.0
 * @category models
 */
export const ReportingPeriod = Schema.Struct({
  id: ReportingPeriodId,
  labels: Schema.optionalKey(Labels),
  /** The first month. */
  from: Month,
  /** The last month (included). */
  to: Month
}).check(Schema.makeFilter((p) => p.from <= p.to || { path: ["to"], issue: "must not be before from" }))
/**
 * @since 0.2.0
 * @category models
 */
export type ReportingPeriod = typeof ReportingPeriod.Type

/** Whether two declared periods share a month. */
const overlaps = (a: ReportingPeriod, b: ReportingPeriod): boolean => a.from <= b.to && b.from <= a.to

/**
 * An organisation's declared reporting periods: distinct ids, and no two sharing a month. Two
 * periods that overlap (September to August and January to December) could be subtracted from
 * one another to give away what their difference holds.
 * @since 0.2.0
 * @category models
 */
export const ReportingPeriods = Schema.Array(ReportingPeriod).check(Schema.makeFilter((periods) => {
  for (const [i, p] of periods.entries()) {
    for (const q of periods.slice(0, i)) {
      if (q.id === p.id) return { path: [i, "id"], issue: "must differ from the other reporting periods' ids" }
      if (overlaps(p, q)) {
        return {
          path: [i, "from"],
          issue: "must not share a month with another reporting period (overlapping periods could be subtracted)"
        }
      }
    }
  }
  return true
}))

/**
 * An organisation that runs services.
 * @since 0.1.0
 * @category models
 */
export class Organisation extends Schema.Class<Organisation>("@pomoc/core/Organisation")({
  id: OrganisationId,
  name: ShortText,
  description: Schema.optionalKey(LongText),
  email: Schema.optionalKey(ShortText),
  website: Schema.optionalKey(ShortText),
  /** The country (ISO 3166-1 alpha-2), e.g. `CZ`, `LT`, `BG`. */
  country: Schema.optionalKey(
    Schema.String.check(Schema.isPattern(/^[A-Z]{2}$/, { expected: "an ISO 3166-1 alpha-2 country code" }))
  ),
  /** @since 0.2.0 */
  phones: Schema.optionalKey(Schema.Array(Phone)),
  /**
   * The organisation's own reporting periods (a funder's school year), besides calendar years,
   * quarters and months.
   * @since 0.2.0
   */
  reportingPeriods: Schema.optionalKey(ReportingPeriods)
}) {}

/**
 * The kinds of place where services meet people.
 * @since 0.1.0
 * @category models
 */
export const LocationKind = Schema.Literals([
  "club-premises",
  "street-area",
  "school",
  "shopping-centre",
  "event-venue",
  "online-platform",
  "office",
  "care-institution"
])
/**
 * @since 0.1.0
 * @category models
 */
export type LocationKind = typeof LocationKind.Type

/**
 * A place (or online platform) where a service works. A confidential location (a shelter, a
 * safe flat) is never exported to a public directory, unless its `listing` says to export it
 * without its address and municipality.
 * @since 0.1.0
 * @category models
 */
export class Location extends Schema.Class<Location>("@pomoc/core/Location")({
  id: LocationId,
  organisationId: OrganisationId,
  /** Encrypted at rest: a confidential location's name (a shelter) must never be stored in plain. */
  name: personal(ShortText),
  kind: LocationKind,
  confidential: Schema.Boolean,
  municipality: Schema.optionalKey(ShortText),
  /** Encrypted at rest, like the name. */
  address: Schema.optionalKey(personal(ShortText)),
  /** For online platforms: which one (e.g. "TikTok", "Discord"). */
  platform: Schema.optionalKey(ShortText),
  /**
   * How a confidential location appears in a public directory: `omit` (the default) leaves it
   * out; `without-address` lists it with no address and no municipality. Ignored when not
   * confidential.
   * @since 0.2.0
   */
  listing: Schema.optionalKey(Schema.Literals(["omit", "without-address"])),
  /** @since 0.2.0 */
  phones: Schema.optionalKey(Schema.Array(Phone)),
  /** @since 0.2.0 */
  languages: Schema.optionalKey(Schema.Array(SpokenLanguage)),
  /** Opening hours. @since 0.2.0 */
  schedule: Schema.optionalKey(Schedule)
}) {}

/**
 * The first-contact channels a service chose for one of its localities: each locality its own
 * (LAN parties in one town, school streetwork in another), from the service's own channels.
 * @since 0.2.0
 * @category models
 */
export const LocalityChannels = Schema.Struct({
  locality: LocationId,
  firstContactChannels: Schema.Array(Code)
})
/**
 * @since 0.2.0
 * @category models
 */
export type LocalityChannels = typeof LocalityChannels.Type

/**
 * Who a service is for.
 * @since 0.1.0
 * @category models
 */
export const TargetGroup = Schema.Struct({
  description: ShortText,
  ageRange: Schema.optionalKey(AgeRange)
})
/**
 * @since 0.1.0
 * @category models
 */
export type TargetGroup = typeof TargetGroup.Type

/**
 * A social service run by an organisation. Its `type` names the plugin that defines its
 * taxonomies, rules and outcomes (e.g. `low-threshold-club`).
 * @since 0.1.0
 * @category models
 */
export class Service extends Schema.Class<Service>("@pomoc/core/Service")({
  id: ServiceId,
  organisationId: OrganisationId,
  type: Code,
  name: ShortText,
  description: Schema.optionalKey(LongText),
  targetGroup: TargetGroup,
  localities: Schema.Array(LocationId),
  /** Ids of the principles that bind this service (core or plugin principles). */
  principles: Schema.Array(Code),
  freeOfCharge: Schema.Boolean,
  /** The first-contact channels this service chose (codes from its plugin's taxonomy). */
  firstContactChannels: Schema.Array(Code),
  /**
   * The first-contact channels chosen per locality (each of the service's `localities` at most
   * once, each channel one of `firstContactChannels`); a first contact at such a locality must
   * come through one of them. A locality not listed takes any of the service's channels.
   * @since 0.2.0
   */
  localityChannels: Schema.optionalKey(Schema.Array(LocalityChannels)),
  /**
   * Service-specific settings read by principles and plugins (never personal data), e.g.
   * `{ independenceWarningMonths: 12 }`. Keys are setting names; values are strings, numbers or booleans.
   */
  config: Schema.optionalKey(
    Schema.Record(
      Schema.String.check(
        Schema.isPattern(/^[A-Za-z][A-Za-z0-9_]{0,62}$/, { expected: "a setting name of letters, digits and '_'" })
      ),
      Schema.Union([Text.check(Schema.isMaxLength(200)), Schema.Finite, Schema.Boolean])
    )
  ),
  /** How long personal data is kept after cooperation ends, in months. */
  retentionMonths: Schema.optionalKey(Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 1200 }))),
  registeredAt: Timestamp,
  /** @since 0.2.0 */
  phones: Schema.optionalKey(Schema.Array(Phone)),
  /** @since 0.2.0 */
  languages: Schema.optionalKey(Schema.Array(SpokenLanguage)),
  /** @since 0.2.0 */
  serviceAreas: Schema.optionalKey(Schema.Array(ServiceArea)),
  /** Opening hours. @since 0.2.0 */
  schedule: Schema.optionalKey(Schedule)
}) {}
