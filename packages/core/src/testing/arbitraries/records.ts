/**
 * Arbitraries of referrals, activities, volunteers and their hours.
 *
 * @since 0.2.0
 */
import * as fc from "fast-check"
import { Activity, Volunteer, VolunteerHours } from "../../model/Activity.js"
import { Funding, Program } from "../../model/Program.js"
import { Referral, ReferralEvent, type ReferralStatus } from "../../model/Referral.js"
import { arbAscendingMillis, iso, partialRecord, record } from "../internal/arb.js"
import { uniqueIds } from "../internal/ids.js"
import { arbCode, arbId, arbLongText, arbParty, arbShortText, arbTimestamp } from "./primitives.js"

// Referrals

/** Every valid lifecycle, from the first status to the current one. */
const lifecycles: ReadonlyArray<ReadonlyArray<ReferralStatus>> = [
  ["requested"],
  ["requested", "accepted"],
  ["requested", "rejected"],
  ["requested", "revoked"],
  ["requested", "accepted", "done"],
  ["requested", "accepted", "revoked"]
]

const reasons = ["Kapacita je plná", "Asmuo persigalvojo", "Лицето се отказа", "no capacity"]

/**
 * A referral through a valid lifecycle (requested → accepted | rejected | revoked, accepted →
 * done | revoked), events in time order, rejections and revocations with a reason.
 * @since 0.1.0
 * @category constructors
 */
export const arbReferral: fc.Arbitrary<typeof Referral.Encoded> = fc
  .constantFrom(...lifecycles)
  .chain((lifecycle) =>
    fc.tuple(
      record({
        id: arbId,
        personId: arbId,
        fromServiceId: arbId,
        to: arbParty,
        purpose: arbCode,
        consentId: arbId
      }),
      arbAscendingMillis(lifecycle.length),
      fc.tuple(
        ...lifecycle.map((status) =>
          partialRecord(
            {
              by: arbId,
              reason: fc.oneof(fc.constantFrom(...reasons), arbShortText)
            },
            status === "rejected" || status === "revoked" ? ["reason"] : []
          )
        )
      )
    ).map(([base, times, extras]) => ({
      ...base,
      history: lifecycle.map((status, i): typeof ReferralEvent.Encoded => ({
        status,
        at: iso(times[i]!),
        ...extras[i]
      }))
    }))
  )

// Activities and volunteers

/**
 * A group activity, ending no earlier than it starts, with distinct named attendees and an
 * anonymous head count.
 * @since 0.1.0
 * @category constructors
 */
export const arbActivity: fc.Arbitrary<typeof Activity.Encoded> = fc
  .tuple(
    partialRecord(
      {
        id: arbId,
        serviceId: arbId,
        kind: fc.constantFrom(
          "group-session" as const,
          "event" as const,
          "course" as const,
          "camp" as const,
          "training" as const,
          "club" as const,
          "other" as const
        ),
        topic: arbCode,
        title: arbShortText,
        description: arbLongText,
        locationId: arbId,
        audience: fc.constantFrom(
          "children" as const,
          "youth" as const,
          "adults" as const,
          "seniors" as const,
          "families" as const,
          "staff" as const,
          "all" as const
        ),
        forExternalStaff: fc.boolean(),
        attendees: uniqueIds(6),
        anonymousAttendance: fc.oneof(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 1_000_000 }))
      },
      ["id", "serviceId", "kind", "title", "audience", "forExternalStaff", "attendees", "anonymousAttendance"]
    ),
    arbAscendingMillis(2),
    fc.boolean()
  )
  .map(([base, [start, end], bounded]) => ({
    ...base,
    startsAt: iso(start!),
    ...(bounded ? { endsAt: iso(end!) } : {})
  }))

/**
 * A volunteer or intern.
 * @since 0.1.0
 * @category constructors
 */
export const arbVolunteer: fc.Arbitrary<typeof Volunteer.Encoded> = record({
  id: arbId,
  organisationId: arbId,
  displayName: arbShortText,
  kind: fc.constantFrom("volunteer" as const, "intern" as const),
  ageGroup: fc.constantFrom("youth" as const, "adult" as const, "senior" as const, "not-stated" as const),
  since: arbTimestamp,
  skills: fc.array(arbCode, { maxLength: 4 })
})

/**
 * Hours a volunteer gave: more than 0 and at most 24 (quarter hours and arbitrary fractions).
 * @since 0.1.0
 * @category constructors
 */
export const arbVolunteerHours: fc.Arbitrary<typeof VolunteerHours.Encoded> = partialRecord(
  {
    id: arbId,
    volunteerId: arbId,
    serviceId: arbId,
    activityId: arbId,
    on: arbTimestamp,
    hours: fc.oneof(
      fc.integer({ min: 1, max: 96 }).map((quarters) => quarters / 4),
      fc.double({ min: 0.001, max: 24, noNaN: true, noDefaultInfinity: true })
    )
  },
  ["id", "volunteerId", "serviceId", "on", "hours"]
)

// ---------------------------------------------------------------------------------------------
// Decoded values and the entity table
// ---------------------------------------------------------------------------------------------

/**
 * A programme (project) of an organisation, sometimes with its period.
 * @since 0.2.0
 * @category constructors
 */
export const arbProgram: fc.Arbitrary<typeof Program.Encoded> = fc
  .tuple(
    partialRecord(
      {
        id: arbId,
        organisationId: arbId,
        name: arbShortText,
        alternateName: arbShortText,
        description: arbLongText,
        code: arbCode
      },
      ["id", "organisationId", "name"]
    ),
    arbAscendingMillis(2),
    fc.boolean()
  )
  .map(([base, [start, end], bounded]) => ({
    ...base,
    ...(bounded ? { startsAt: iso(start!), endsAt: iso(end!) } : {})
  }))

/**
 * A funding source of a programme.
 * @since 0.2.0
 * @category constructors
 */
export const arbFunding: fc.Arbitrary<typeof Funding.Encoded> = partialRecord(
  { id: arbId, organisationId: arbId, programId: arbId, source: arbShortText, kind: arbCode },
  ["id", "organisationId", "programId", "source"]
)
