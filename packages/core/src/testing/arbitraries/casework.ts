/**
 * Arbitraries of contacts, cooperations, consents, disclosures, plans and outcomes.
 *
 * @since 0.2.0
 */
import * as fc from "fast-check"
import { Consent, Disclosure, DisclosureBasis } from "../../model/Consent.js"
import { Contact } from "../../model/Contact.js"
import { Cooperation } from "../../model/Cooperation.js"
import { IndicatorScale, OutcomeIndicator, OutcomeMeasurement, OutcomeValue } from "../../model/Outcome.js"
import { Goal, IndividualPlan, PlanReview, PlanStep, StoredStep } from "../../model/Plan.js"
import { arbAscendingMillis, iso, partialRecord, record } from "../internal/arb.js"
import { uniqueIds } from "../internal/ids.js"
import { arbLocation } from "./people.js"
import { arbCode, arbId, arbLabels, arbLongText, arbParty, arbTimestamp } from "./primitives.js"

// Contacts and cooperation

/** Who took part: one participant for an individual contact, at least one for a group. */
const arbParticipation = fc.oneof(
  record({
    mode: fc.constant("individual" as const),
    participants: fc.array(arbId, { maxLength: 0 }),
    anonymousCount: fc.constant(1)
  }),
  record({
    mode: fc.constant("individual" as const),
    participants: arbId.map((id) => [id]),
    anonymousCount: fc.constant(0)
  }),
  record({
    mode: fc.constant("group" as const),
    participants: uniqueIds(6),
    anonymousCount: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 100_000 }))
  }).filter((p) => p.participants.length + p.anonymousCount >= 1)
)

/**
 * A contact: an individual one has exactly one participant (known or anonymous), a group one at
 * least one; participants are distinct; only a first contact has a first-contact channel.
 * @since 0.1.0
 * @category constructors
 */
export const arbContact: fc.Arbitrary<typeof Contact.Encoded> = fc
  .tuple(
    partialRecord(
      {
        id: arbId,
        serviceId: arbId,
        at: arbTimestamp,
        durationMinutes: fc.integer({ min: 0, max: 24 * 60 }),
        locationId: arbId,
        locationKind: arbLocation.map((l) => l.kind),
        channel: arbCode,
        workers: fc.array(arbId, { minLength: 1, maxLength: 3 }),
        interventions: fc.array(arbCode, { maxLength: 4 }),
        note: arbLongText
      },
      ["id", "serviceId", "at", "durationMinutes", "locationKind", "channel", "workers", "interventions"]
    ),
    arbParticipation,
    fc.option(arbCode, { nil: undefined }),
    fc.boolean()
  )
  .map(([base, participation, channel, firstContact]) => ({
    ...base,
    ...participation,
    firstContact,
    ...(firstContact && channel !== undefined ? { firstContactChannel: channel } : {})
  }))

/**
 * A cooperation: ongoing, or ended no earlier than it started (optionally by whom and why).
 * @since 0.1.0
 * @category constructors
 */
export const arbCooperation: fc.Arbitrary<typeof Cooperation.Encoded> = fc
  .tuple(
    record({ id: arbId, serviceId: arbId, personId: arbId }),
    arbAscendingMillis(2),
    fc.boolean(),
    partialRecord(
      { endedBy: fc.constantFrom("person" as const, "service" as const), endReason: arbCode },
      []
    )
  )
  .map(([ids, [start, end], ended, ending]) => ({
    ...ids,
    startedAt: iso(start!),
    ...(ended ? { endedAt: iso(end!), ...ending } : {})
  }))

// Consent and disclosure

/**
 * A consent given at or before its start, valid for a period not running backwards, sometimes
 * withdrawn (after it was given).
 * @since 0.1.0
 * @category constructors
 */
export const arbConsent: fc.Arbitrary<typeof Consent.Encoded> = fc
  .tuple(
    record({
      id: arbId,
      personId: arbId,
      serviceId: arbId,
      purpose: fc.oneof(fc.constantFrom("disclosure", "referral", "identification", "sharing", "photo"), arbCode),
      grantee: arbParty,
      form: fc.constantFrom("verbal" as const, "written" as const, "electronic" as const),
      recordedBy: arbId
    }),
    arbAscendingMillis(4),
    fc.boolean(),
    fc.boolean()
  )
  .map(([base, [given, from, withdrawn, until], bounded, isWithdrawn]) => ({
    ...base,
    givenAt: iso(given!),
    validFrom: iso(from!),
    ...(bounded ? { validUntil: iso(until!) } : {}),
    ...(isWithdrawn ? { withdrawnAt: iso(withdrawn!) } : {})
  }))

/**
 * The basis of a disclosure: a consent, or a legal duty with its ground and who decided.
 * @since 0.1.0
 * @category constructors
 */
export const arbDisclosureBasis: fc.Arbitrary<typeof DisclosureBasis.Encoded> = fc.oneof(
  record({ _tag: fc.constant("Consent" as const), consentId: arbId }),
  partialRecord({
    _tag: fc.constant("LegalDuty" as const),
    legalGround: fc.oneof(fc.constantFrom("cz-359-1999-s10", "lt-child-rights-protection"), arbCode),
    decidedBy: arbId,
    explanation: arbLongText
  }, ["_tag", "legalGround", "decidedBy"])
)

/**
 * A disclosure of information about a person to someone outside the service.
 * @since 0.1.0
 * @category constructors
 */
export const arbDisclosure: fc.Arbitrary<typeof Disclosure.Encoded> = partialRecord(
  {
    id: arbId,
    personId: arbId,
    serviceId: arbId,
    recipient: arbParty,
    purpose: arbCode,
    at: arbTimestamp,
    basis: arbDisclosureBasis,
    disclosedBy: arbId,
    summary: arbLongText
  },
  ["id", "personId", "serviceId", "recipient", "purpose", "at", "basis", "disclosedBy"]
)

// Plans and outcomes

/**
 * A plan step, sometimes with a due date and a completion time.
 * @since 0.1.0
 * @category constructors
 */
export const arbPlanStep: fc.Arbitrary<typeof PlanStep.Encoded> = partialRecord(
  {
    id: arbId,
    description: arbLongText,
    takenBy: fc.constantFrom("person" as const, "worker" as const, "together" as const, "other" as const),
    due: arbTimestamp,
    doneAt: arbTimestamp
  },
  ["id", "description", "takenBy"]
)

/**
 * A plan step as stored in a record of its own (kind `plan-step`): its plan, goal, person,
 * service and sequence number.
 * @since 0.2.0
 * @category constructors
 */
export const arbStoredStep: fc.Arbitrary<typeof StoredStep.Encoded> = fc.record({
  planId: arbId,
  goalId: arbId,
  personId: arbId,
  serviceId: arbId,
  seq: fc.nat({ max: 100_000 }),
  step: arbPlanStep
}, { noNullPrototype: true })

/**
 * A goal in the person's words; an achieved goal has its achievement time, others have none.
 * @since 0.1.0
 * @category constructors
 */
export const arbGoal: fc.Arbitrary<typeof Goal.Encoded> = fc
  .tuple(
    partialRecord(
      { id: arbId, inPersonsWords: arbLongText, indicator: arbCode, steps: fc.array(arbPlanStep, { maxLength: 3 }) },
      ["id", "inPersonsWords", "steps"]
    ),
    fc.constantFrom("open" as const, "achieved" as const, "abandoned" as const),
    arbTimestamp
  )
  .map(([base, status, at]) => ({ ...base, status, ...(status === "achieved" ? { achievedAt: at } : {}) }))

/**
 * A plan review with at least one worker.
 * @since 0.1.0
 * @category constructors
 */
export const arbPlanReview: fc.Arbitrary<typeof PlanReview.Encoded> = partialRecord(
  {
    at: arbTimestamp,
    workers: fc.array(arbId, { minLength: 1, maxLength: 3 }),
    personParticipated: fc.boolean(),
    summary: arbLongText
  },
  ["at", "workers", "personParticipated"]
)

/**
 * An individual plan with goals, steps and reviews.
 * @since 0.1.0
 * @category constructors
 */
export const arbIndividualPlan: fc.Arbitrary<typeof IndividualPlan.Encoded> = record({
  id: arbId,
  personId: arbId,
  serviceId: arbId,
  createdAt: arbTimestamp,
  goals: fc.array(arbGoal, { maxLength: 3 }),
  reviews: fc.array(arbPlanReview, { maxLength: 2 })
})

/**
 * An indicator scale: yes/no, a ladder with `min` < `max`, or a non-empty list of categories.
 * @since 0.1.0
 * @category constructors
 */
export const arbIndicatorScale: fc.Arbitrary<typeof IndicatorScale.Encoded> = fc.oneof(
  record({ _tag: fc.constant("YesNo" as const) }),
  fc
    .tuple(fc.integer({ min: -10, max: 10 }), fc.integer({ min: 1, max: 10 }))
    .map(([min, span]) => ({ _tag: "Ladder" as const, min, max: min + span })),
  record({ _tag: fc.constant("Category" as const), categories: fc.array(arbCode, { minLength: 1, maxLength: 5 }) })
)

/**
 * An outcome indicator.
 * @since 0.1.0
 * @category constructors
 */
export const arbOutcomeIndicator: fc.Arbitrary<typeof OutcomeIndicator.Encoded> = record({
  code: arbCode,
  labels: arbLabels,
  scale: arbIndicatorScale
})

/**
 * A measured value on some scale.
 * @since 0.1.0
 * @category constructors
 */
export const arbOutcomeValue: fc.Arbitrary<typeof OutcomeValue.Encoded> = fc.oneof(
  record({ _tag: fc.constant("YesNo" as const), value: fc.boolean() }),
  record({ _tag: fc.constant("Ladder" as const), value: fc.integer({ min: -10, max: 20 }) }),
  record({ _tag: fc.constant("Category" as const), value: arbCode })
)

/**
 * A value that fits the given scale (see `fitsScale`).
 * @since 0.1.0
 * @category constructors
 */
export const arbOutcomeValueFor = (scale: typeof IndicatorScale.Encoded): fc.Arbitrary<typeof OutcomeValue.Encoded> => {
  switch (scale._tag) {
    case "YesNo":
      return record({ _tag: fc.constant("YesNo" as const), value: fc.boolean() })
    case "Ladder":
      return record({ _tag: fc.constant("Ladder" as const), value: fc.integer({ min: scale.min, max: scale.max }) })
    case "Category":
      return record({ _tag: fc.constant("Category" as const), value: fc.constantFrom(...scale.categories) })
  }
}

/**
 * An outcome measurement (of any indicator code, with any value).
 * @since 0.1.0
 * @category constructors
 */
export const arbOutcomeMeasurement: fc.Arbitrary<typeof OutcomeMeasurement.Encoded> = record({
  id: arbId,
  personId: arbId,
  serviceId: arbId,
  indicator: arbCode,
  at: arbTimestamp,
  value: arbOutcomeValue,
  recordedBy: arbId,
  personParticipated: fc.boolean()
})
