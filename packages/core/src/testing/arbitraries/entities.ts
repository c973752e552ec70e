/**
 * Arbitraries of keys, staff, revisions and voided records, `decoded`, and the entity table.
 *
 * @since 0.2.0
 */
import { Schema } from "effect"
import * as fc from "fast-check"
import { Activity, Volunteer, VolunteerHours } from "../../model/Activity.js"
import { StaffMember } from "../../model/Actor.js"
import { AgeRange, Code, Labels, LongText, Party, Period, ShortText, Timestamp } from "../../model/Common.js"
import { Consent, Disclosure, DisclosureBasis } from "../../model/Consent.js"
import { Contact } from "../../model/Contact.js"
import { Cooperation } from "../../model/Cooperation.js"
import { DataKey } from "../../model/DataKey.js"
import { Location, Organisation, Service, TargetGroup } from "../../model/Directory.js"
import { PersonId } from "../../model/Ids.js"
import { IndicatorScale, OutcomeIndicator, OutcomeMeasurement, OutcomeValue } from "../../model/Outcome.js"
import { AnonymousPerson, ContactDetails, IdentifiedPerson, Person, PseudonymousPerson } from "../../model/Person.js"
import { Goal, IndividualPlan, PlanReview, PlanStep, StoredStep } from "../../model/Plan.js"
import { Funding, Program } from "../../model/Program.js"
import { Referral, ReferralEvent } from "../../model/Referral.js"
import { Revision } from "../../model/Revision.js"
import { Voided } from "../../model/Voided.js"
import { partialRecord, record } from "../internal/arb.js"
import {
  arbConsent,
  arbContact,
  arbCooperation,
  arbDisclosure,
  arbDisclosureBasis,
  arbGoal,
  arbIndicatorScale,
  arbIndividualPlan,
  arbOutcomeIndicator,
  arbOutcomeMeasurement,
  arbOutcomeValue,
  arbPlanReview,
  arbPlanStep,
  arbStoredStep
} from "./casework.js"
import {
  arbAnonymousPerson,
  arbContactDetails,
  arbIdentifiedPerson,
  arbLocation,
  arbOrganisation,
  arbPerson,
  arbPseudonymousPerson,
  arbService,
  arbTargetGroup
} from "./people.js"
import {
  arbAgeRange,
  arbCode,
  arbId,
  arbLabels,
  arbLongText,
  arbParty,
  arbPeriod,
  arbShortText,
  arbTimestamp
} from "./primitives.js"
import { arbActivity, arbFunding, arbProgram, arbReferral, arbVolunteer, arbVolunteerHours } from "./records.js"

/**
 * A schema that decodes without services (every schema of the model).
 * @since 0.1.0
 * @category models
 */
export type DecodableSchema = Schema.Top & { readonly DecodingServices: never; readonly EncodingServices: never }

/**
 * Turns an arbitrary of wire values into one of decoded values (class instances, `DateTime`s,
 * branded ids). Throws if a generated value does not decode, which is a bug in the arbitrary.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { Contact } from "@pomoc/core"
 * import { arbContact, decoded } from "@pomoc/core/testing"
 * fc.assert(fc.property(decoded(arbContact, Contact), (contact) => contact.workers.length > 0))
 * ```
 * @since 0.1.0
 * @category combinators
 */
export const decoded = <S extends DecodableSchema>(
  arbitrary: fc.Arbitrary<S["Encoded"]>,
  schema: S
): fc.Arbitrary<S["Type"]> => {
  const decode = Schema.decodeUnknownSync(schema as never) as (input: unknown) => S["Type"]
  return arbitrary.map((value) => decode(value))
}

const arbBase64Url = (min: number, max: number): fc.Arbitrary<string> =>
  fc.stringMatching(new RegExp(`^[A-Za-z0-9_-]{${min},${max}}$`))

/**
 * A stored data key (a person's key, wrapped by an application key): random bytes only.
 * @since 0.2.0
 * @category constructors
 */
export const arbDataKey: fc.Arbitrary<typeof DataKey.Encoded> = record({
  id: arbBase64Url(22, 22).map((s) => `dk-${s}`),
  personId: arbId,
  wrapped: record({
    $enc: fc.constant("v1" as const),
    kid: fc.constantFrom("k1", "2026-11"),
    iv: arbBase64Url(16, 16),
    ct: arbBase64Url(64, 64)
  })
})

/**
 * A member of the staff directory: grants of any role, for every service (`"*"`) or some, and
 * sometimes a volunteer link.
 * @since 0.2.0
 * @category constructors
 */
export const arbStaffMember: fc.Arbitrary<typeof StaffMember.Encoded> = partialRecord({
  id: arbId,
  grants: fc.array(
    record({
      role: fc.constantFrom(
        "worker" as const,
        "coordinator" as const,
        "administrator" as const,
        "auditor" as const,
        "volunteer" as const
      ),
      services: fc.oneof(fc.constant("*" as const), fc.array(arbId, { maxLength: 3 }))
    }),
    { maxLength: 3 }
  ),
  volunteerId: arbId
}, ["id", "grants"])

/**
 * A correction's revision: patches of plain JSON values.
 * @since 0.2.0
 * @category constructors
 */
export const arbRevision: fc.Arbitrary<typeof Revision.Encoded> = partialRecord(
  {
    id: arbId,
    kind: fc.constantFrom("contact", "person", "activity", "location", "service", "organisation"),
    recordId: arbId,
    serviceId: arbId,
    ownerId: arbId,
    version: fc.integer({ min: 1, max: 1000 }),
    at: arbTimestamp,
    by: arbId,
    operation: fc.constantFrom(
      "CorrectContact",
      "CorrectPerson",
      "CorrectActivity",
      "CorrectLocation",
      "CorrectService",
      "CorrectOrganisation"
    ),
    patches: fc.array(
      record({
        op: fc.constantFrom("replace" as const, "add" as const),
        path: fc.array(fc.oneof(arbCode, fc.nat(10)), { minLength: 1, maxLength: 3 }),
        value: fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown)
      }),
      { maxLength: 4 }
    ),
    inverse: fc.array(
      record({ op: fc.constant("remove" as const), path: fc.array(arbCode, { minLength: 1, maxLength: 3 }) }),
      { maxLength: 4 }
    )
  },
  ["id", "kind", "recordId", "version", "at", "by", "operation"]
)

/**
 * A voided record of any voidable kind.
 * @since 0.2.0
 * @category constructors
 */
export const arbVoided: fc.Arbitrary<typeof Voided.Encoded> = fc.oneof(
  ...([["contact", arbContact], ["activity", arbActivity], ["measurement", arbOutcomeMeasurement], [
    "volunteer-hours",
    arbVolunteerHours
  ]] as const).map(([kind, arb]) =>
    record({
      kind: fc.constant(kind),
      reason: fc.constantFrom(
        "entered-in-error" as const,
        "duplicate" as const,
        "wrong-person" as const,
        "wrong-service" as const,
        "test-record" as const
      ),
      voidedBy: arbId,
      voidedAt: arbTimestamp,
      version: fc.integer({ min: 1, max: 1000 }),
      record: arb as fc.Arbitrary<never>
    })
  )
)

/**
 * One entry of the {@link entities} table: the entity's name, its schema and an arbitrary of its
 * wire form.
 * @since 0.1.0
 * @category models
 */
export interface EntityArbitrary<S extends DecodableSchema = DecodableSchema> {
  readonly name: string
  readonly schema: S
  readonly arbitrary: fc.Arbitrary<S["Encoded"]>
}

/**
 * Builds an {@link EntityArbitrary}, checking that the arbitrary produces the schema's wire type.
 * @since 0.1.0
 * @category constructors
 */
export const entity = <S extends DecodableSchema>(
  name: string,
  schema: S,
  arbitrary: fc.Arbitrary<S["Encoded"]>
): EntityArbitrary => ({ name, schema, arbitrary })

/**
 * Every entity of the core model with its schema and arbitrary, for table-driven tests
 * (decoding, round trips, fuzzing, storage conformance).
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { Decode } from "@pomoc/core"
 * import { entities } from "@pomoc/core/testing"
 * for (const { name, schema, arbitrary } of entities) {
 *   const decode = Decode.decoder(schema, name)
 *   fc.assert(fc.property(arbitrary, (value) => decode(value)._tag === "Success"))
 * }
 * ```
 * @since 0.1.0
 * @category models
 */
export const entities: ReadonlyArray<EntityArbitrary> = [
  entity("Organisation", Organisation, arbOrganisation),
  entity("Location", Location, arbLocation),
  entity("Service", Service, arbService),
  entity("Person", Person, arbPerson),
  entity("AnonymousPerson", AnonymousPerson, arbAnonymousPerson),
  entity("PseudonymousPerson", PseudonymousPerson, arbPseudonymousPerson),
  entity("IdentifiedPerson", IdentifiedPerson, arbIdentifiedPerson),
  entity("Contact", Contact, arbContact),
  entity("Cooperation", Cooperation, arbCooperation),
  entity("Consent", Consent, arbConsent),
  entity("Disclosure", Disclosure, arbDisclosure),
  entity("IndividualPlan", IndividualPlan, arbIndividualPlan),
  entity("Goal", Goal, arbGoal),
  entity("PlanStep", PlanStep, arbPlanStep),
  entity("StoredStep", StoredStep, arbStoredStep),
  entity("PlanReview", PlanReview, arbPlanReview),
  entity("OutcomeIndicator", OutcomeIndicator, arbOutcomeIndicator),
  entity("OutcomeMeasurement", OutcomeMeasurement, arbOutcomeMeasurement),
  entity("Referral", Referral, arbReferral),
  entity("Activity", Activity, arbActivity),
  entity("Volunteer", Volunteer, arbVolunteer),
  entity("VolunteerHours", VolunteerHours, arbVolunteerHours),
  entity("Program", Program, arbProgram),
  entity("Funding", Funding, arbFunding),
  entity("DataKey", DataKey, arbDataKey),
  entity("StaffMember", StaffMember, arbStaffMember),
  entity("Revision", Revision, arbRevision),
  entity("Voided", Voided, arbVoided)
]

/**
 * The value types shared by entities (ids, timestamps, texts, labels, parties, periods, scales, …)
 * with their schemas and arbitraries, for the same table-driven tests as {@link entities}.
 * @since 0.1.0
 * @category models
 */
export const valueTypes: ReadonlyArray<EntityArbitrary> = [
  entity("Id", PersonId, arbId),
  entity("Timestamp", Timestamp, arbTimestamp),
  entity("Code", Code, arbCode),
  entity("ShortText", ShortText, arbShortText),
  entity("LongText", LongText, arbLongText),
  entity("Labels", Labels, arbLabels),
  entity("AgeRange", AgeRange, arbAgeRange),
  entity("Party", Party, arbParty),
  entity("Period", Period, arbPeriod),
  entity("TargetGroup", TargetGroup, arbTargetGroup),
  entity("ContactDetails", ContactDetails, arbContactDetails),
  entity("DisclosureBasis", DisclosureBasis, arbDisclosureBasis),
  entity("IndicatorScale", IndicatorScale, arbIndicatorScale),
  entity("OutcomeValue", OutcomeValue, arbOutcomeValue),
  entity("ReferralEvent", ReferralEvent, arbReferral.map((r) => r.history[r.history.length - 1]!))
]
