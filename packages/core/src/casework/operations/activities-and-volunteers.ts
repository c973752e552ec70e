/**
 * Group activities and their attendance; volunteers and their hours.
 *
 * @since 0.2.0
 */
import { Effect, Schema } from "effect"
import { Activity, Volunteer, VolunteerHours } from "../../model/Activity.js"
import * as Ids from "../../model/Ids.js"
import * as Operation from "../Operation.js"
import { mappings } from "../Records.js"
import { access, invalid, requireCode, requireFields, requireProgram } from "./common.js"

/**
 * Record a group activity; named attendees must be people of the service, its topic an activity
 * topic of the service type (when the type defines them), and its custom fields (a self-organised
 * activity, a project) are checked against the service type's declarations.
 * @since 0.2.0
 * @category operations
 */
export const recordActivity = Operation.write()({
  tag: "RecordActivity",
  summary: "record a group activity",
  access: access("SSNNS", "write", "personal", "record a group activity"),
  input: Activity,
  newId: true,
  subject: Operation.newIn((a: Activity) => a.serviceId),
  checks: [
    (ctx, activity, service) => {
      const info = ctx.serviceInfo(service.value)
      return Effect.all([
        ...(activity.topic === undefined
          ? []
          : [requireCode("RecordActivity", "topic", activity.topic, info?.activityTopics, "activity topic")]),
        requireFields("RecordActivity", "", info?.fields, "activity", activity),
        requireProgram(ctx, "RecordActivity", activity.programId, service.value.organisationId)
      ], { discard: true })
    }
  ],
  decide: Effect.fnUntraced(function*(ctx, activity, service) {
    yield* Effect.forEach(activity.attendees, (id, i) => ctx.personOfService(`attendees[${i}]`, id, activity.serviceId))
    return {
      command: { _tag: "RecordActivity", activity } as const,
      service: service.value,
      changes: [Operation.change(mappings.activity, activity, 0)],
      result: activity
    }
  })
})

const AttendanceInput = Schema.Struct({
  activityId: Ids.ActivityId,
  attendees: Schema.Array(Ids.PersonId),
  anonymousAttendance: Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 1_000_000 }))
})

/**
 * Record attendance at an activity: `{ activityId, attendees, anonymousAttendance }`, added to
 * what the activity already holds.
 * @since 0.2.0
 * @category operations
 */
export const recordAttendance = Operation.write()({
  tag: "RecordAttendance",
  summary: "record attendance at an activity",
  access: access("SSNNS", "write", "personal", "record attendance at an activity"),
  input: AttendanceInput,
  entity: "RecordAttendance",
  subject: Operation.existing(
    mappings.activity,
    (i: typeof AttendanceInput.Type) => i.activityId,
    (a) => [a.serviceId]
  ),
  decide: Effect.fnUntraced(function*(ctx, request, current) {
    yield* Effect.forEach(
      request.attendees,
      (id, i) => ctx.personOfService(`attendees[${i}]`, id, current.value.serviceId)
    )
    const updated = new Activity({
      ...current.value,
      attendees: [...new Set([...current.value.attendees, ...request.attendees])],
      anonymousAttendance: current.value.anonymousAttendance + request.anonymousAttendance
    })
    const service = yield* ctx.load(mappings.service, current.value.serviceId)
    return {
      command: {
        _tag: "RecordAttendance",
        activityId: request.activityId,
        attendees: request.attendees,
        anonymousAttendance: request.anonymousAttendance
      } as const,
      service: service.value,
      changes: [Operation.change(mappings.activity, updated, current.version)],
      result: updated
    }
  })
})

/**
 * Register a volunteer or intern of the organisation.
 * @since 0.2.0
 * @category operations
 */
export const registerVolunteer = Operation.write()({
  tag: "RegisterVolunteer",
  summary: "register a volunteer or intern",
  access: access("NSONN", "write", "organisational", "register a volunteer or intern"),
  input: Volunteer,
  newId: true,
  subject: Operation.anywhere,
  checks: [(ctx, volunteer) => Effect.asVoid(ctx.load(mappings.organisation, volunteer.organisationId))],
  decide: (_ctx, volunteer) =>
    Effect.succeed({
      command: { _tag: "RegisterVolunteer", volunteer } as const,
      changes: [Operation.change(mappings.volunteer, volunteer, 0)],
      result: volunteer
    })
})

/**
 * Record a volunteer's hours in a service (and at an activity). A volunteer records only their
 * own hours (`volunteerId` must be the volunteer record their staff-directory entry links);
 * a coordinator records anyone's.
 * @since 0.2.0
 * @category operations
 */
export const recordVolunteerHours = Operation.write()({
  tag: "RecordVolunteerHours",
  summary: "record a volunteer's hours",
  access: access("NSONS", "write", "organisational", "record a volunteer's hours (a volunteer: only their own)"),
  input: VolunteerHours,
  newId: true,
  subject: Operation.newIn((h: VolunteerHours) => h.serviceId),
  checks: [
    // A volunteer records only their own hours (the volunteer record their staff entry links);
    // staff who may record hours as staff (a coordinator) record them for any volunteer.
    (ctx, hours) =>
      ctx.may("RecordVolunteerHours", hours.serviceId, "volunteer") || ctx.actor.volunteerId === hours.volunteerId
        ? Effect.void
        : invalid("RecordVolunteerHours", "volunteerId", "a volunteer records only their own hours"),
    (ctx, hours) => Effect.asVoid(ctx.load(mappings.volunteer, hours.volunteerId)),
    (ctx, hours) =>
      hours.activityId === undefined ? Effect.void : Effect.asVoid(ctx.load(mappings.activity, hours.activityId)),
    (ctx, hours, service) => requireProgram(ctx, "RecordVolunteerHours", hours.programId, service.value.organisationId)
  ],
  decide: (_ctx, hours, service) =>
    Effect.succeed({
      command: { _tag: "RecordVolunteerHours", hours } as const,
      service: service.value,
      changes: [Operation.change(mappings["volunteer-hours"], hours, 0)],
      result: hours
    })
})
