/**
 * Group activities (sessions, events, courses, camps, trainings) with named or anonymous
 * attendance, and volunteers with their hours.
 *
 * @since 0.1.0
 */
import { DateTime, Schema } from "effect"
import { Code, LongText, ShortText, Timestamp } from "./Common.js"
import { customFields } from "./CustomFields.js"
import {
  ActivityId,
  LocationId,
  OrganisationId,
  PersonId,
  ProgramId,
  ServiceId,
  VolunteerHoursId,
  VolunteerId
} from "./Ids.js"
import { personal } from "./Personal.js"

/**
 * Kinds of group activity.
 * @since 0.1.0
 * @category models
 */
export const ActivityKind = Schema.Literals(["group-session", "event", "course", "camp", "training", "club", "other"])
/**
 * @since 0.1.0
 * @category models
 */
export type ActivityKind = typeof ActivityKind.Type

/**
 * A group activity, with its attendance: named participants and a count of anonymous ones.
 * @since 0.1.0
 * @category models
 */
export class Activity extends Schema.Class<Activity>("@pomoc/core/Activity")(
  Schema.Struct({
    id: ActivityId,
    serviceId: ServiceId,
    kind: ActivityKind,
    /** A plugin's own sub-kind (e.g. `amateur-art-group`, `career-guidance`). */
    topic: Schema.optionalKey(Code),
    /** Encrypted at rest: a title may name people or places. */
    title: personal(ShortText),
    /** Encrypted at rest. */
    description: Schema.optionalKey(personal(LongText)),
    startsAt: Timestamp,
    endsAt: Schema.optionalKey(Timestamp),
    locationId: Schema.optionalKey(LocationId),
    audience: Schema.Literals(["children", "youth", "adults", "seniors", "families", "staff", "all"]),
    /** A training for the staff of other organisations (e.g. care institutions). */
    forExternalStaff: Schema.Boolean,
    attendees: Schema.Array(PersonId),
    anonymousAttendance: Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 1_000_000 })),
    /**
     * The programme (project) of the organisation the activity belongs to.
     * @since 0.2.0
     */
    programId: Schema.optionalKey(ProgramId),
    ...customFields
  }).check(
    Schema.makeFilter((a) =>
      a.endsAt === undefined || DateTime.isLessThanOrEqualTo(a.startsAt, a.endsAt) ||
      { path: ["endsAt"], issue: "an activity cannot end before it starts" }
    ),
    Schema.makeFilter((a) =>
      new Set(a.attendees).size === a.attendees.length || { path: ["attendees"], issue: "an attendee is listed twice" }
    )
  )
) {}

/**
 * A volunteer or intern of an organisation. Volunteers are people too: their name is sensitive.
 * @since 0.1.0
 * @category models
 */
export class Volunteer extends Schema.Class<Volunteer>("@pomoc/core/Volunteer")({
  id: VolunteerId,
  organisationId: OrganisationId,
  displayName: personal(ShortText),
  kind: Schema.Literals(["volunteer", "intern"]),
  ageGroup: Schema.Literals(["youth", "adult", "senior", "not-stated"]),
  since: Timestamp,
  skills: Schema.Array(Code)
}) {}

/**
 * Hours a volunteer gave, to a service and optionally an activity.
 * @since 0.1.0
 * @category models
 */
export class VolunteerHours extends Schema.Class<VolunteerHours>("@pomoc/core/VolunteerHours")({
  id: VolunteerHoursId,
  volunteerId: VolunteerId,
  serviceId: ServiceId,
  activityId: Schema.optionalKey(ActivityId),
  on: Timestamp,
  hours: Schema.Finite.check(Schema.isGreaterThan(0), Schema.isLessThanOrEqualTo(24)),
  /**
   * The programme (project) of the organisation the hours were given to.
   * @since 0.2.0
   */
  programId: Schema.optionalKey(ProgramId)
}) {}
