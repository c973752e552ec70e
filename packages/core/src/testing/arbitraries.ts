/**
 * fast-check arbitraries of the wire (JSON) form of every entity and value type of the model.
 * Every generated value satisfies every check of its schema, so it decodes; timestamps are
 * canonical ISO strings (millisecond precision, `Z`), so a value survives
 * decode → encode unchanged. Free texts mix Czech, Lithuanian, Bulgarian and emoji.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import * as fc from "fast-check"
import { Activity, Volunteer, VolunteerHours } from "../model/Activity.js"
import { StaffMember } from "../model/Actor.js"
import { AgeRange, Code, Labels, LongText, Party, Period, ShortText, Timestamp } from "../model/Common.js"
import { Consent, Disclosure, DisclosureBasis } from "../model/Consent.js"
import { Contact } from "../model/Contact.js"
import { Cooperation } from "../model/Cooperation.js"
import { DataKey } from "../model/DataKey.js"
import { Location, Organisation, Service, TargetGroup } from "../model/Directory.js"
import { PersonId } from "../model/Ids.js"
import { IndicatorScale, OutcomeIndicator, OutcomeMeasurement, OutcomeValue } from "../model/Outcome.js"
import { AnonymousPerson, ContactDetails, IdentifiedPerson, Person, PseudonymousPerson } from "../model/Person.js"
import { Goal, IndividualPlan, PlanReview, PlanStep, StoredStep } from "../model/Plan.js"
import { Referral, ReferralEvent, type ReferralStatus } from "../model/Referral.js"
import { Revision } from "../model/Revision.js"
import { Voided } from "../model/Voided.js"
import { arbPhone, arbSchedule, arbServiceArea, arbSpokenLanguage } from "./directory.js"

/** Parsed JSON never has a null prototype, so neither do generated wire objects. */
const record = <T>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }): fc.Arbitrary<T> =>
  fc.record(model, { noNullPrototype: true })

/** A record whose keys outside `required` are sometimes absent (never `undefined`). */
const partialRecord = <T, K extends keyof T>(
  model: { [P in keyof T]: fc.Arbitrary<T[P]> },
  required: ReadonlyArray<K>
): fc.Arbitrary<Pick<T, K> & Partial<Omit<T, K>>> =>
  fc.record(model, { noNullPrototype: true, requiredKeys: [...required] }) as fc.Arbitrary<
    Pick<T, K> & Partial<Omit<T, K>>
  >

// ---------------------------------------------------------------------------------------------
// Primitives
// ---------------------------------------------------------------------------------------------

const MIN_TIME = Date.UTC(2000, 0, 1)
const MAX_TIME = Date.UTC(2100, 0, 1)

const iso = (ms: number): string => new Date(ms).toISOString()

/** Epoch milliseconds between 2000-01-01 and 2100-01-01. */
const arbMillis = fc.integer({ min: MIN_TIME, max: MAX_TIME })

/** `n` ascending epoch milliseconds (equal neighbours allowed). */
const arbAscendingMillis = (n: number): fc.Arbitrary<Array<number>> =>
  fc.array(arbMillis, { minLength: n, maxLength: n }).map((ms) => ms.sort((a, b) => a - b))

/**
 * A timestamp on the wire: an ISO 8601 string between 2000 and 2100, always with milliseconds
 * and `Z`, so it round-trips through `Timestamp` exactly.
 * @since 0.1.0
 * @category constructors
 */
export const arbTimestamp: fc.Arbitrary<string> = arbMillis.map(iso)

/**
 * An id on the wire (the same format for every branded id): UUIDs and short readable ids.
 * @since 0.1.0
 * @category constructors
 */
export const arbId: fc.Arbitrary<string> = fc.oneof(
  fc.uuid(),
  fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,20}$/)
)

/**
 * A taxonomy code: realistic codes and random ones of lower-case letters, digits and `-`.
 * @since 0.1.0
 * @category constructors
 */
export const arbCode: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "in-person",
    "phone",
    "social-network",
    "online-game",
    "crisis-intervention",
    "counselling",
    "disclosure",
    "referral",
    "housing",
    "debt-2",
    "x"
  ),
  fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,15}$/)
)

/** Texts people really write: Czech, Lithuanian, Bulgarian, emoji, mixed scripts. */
const samples = [
  "Žluťoučký kůň",
  "Pepíček",
  "Šárka z Břevnova",
  "Ďáblík",
  "Jūratė",
  "Žemaitė",
  "Ąžuolas",
  "Česlovas Šiūlys",
  "Мечо",
  "Йорданка",
  "Щъркел",
  "Жоро от квартала",
  "🐻",
  "Kuba 🎮",
  "👩🏽‍🦱 Lenka",
  "🏳️‍🌈",
  "Ño",
  "  padded  ",
  "a",
  "Dluhová poradna — první schůzka",
  "Susitikimas su socialine darbuotoja",
  "Среща в клуба след училище"
]

// Well-formed text only: the model refuses control characters and unpaired surrogates.

const malformed = /[\u0000-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const nonBlank = (max: number) => (s: string): boolean => s.trim().length > 0 && s.length <= max && !malformed.test(s)

const arbText = (max: number): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...samples) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 }).filter(nonBlank(max)) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 30 }).filter(nonBlank(max)) }
  )

/**
 * A short non-blank text (name, nickname, title; at most 200 characters) in many scripts.
 * @since 0.1.0
 * @category constructors
 */
export const arbShortText: fc.Arbitrary<string> = arbText(200)

/**
 * A non-blank free text (a note, a goal in the person's words) in many scripts.
 * @since 0.1.0
 * @category constructors
 */
export const arbLongText: fc.Arbitrary<string> = fc.oneof(
  arbText(10_000),
  fc.array(fc.constantFrom(...samples), { minLength: 2, maxLength: 6 }).map((parts) => parts.join("\n"))
)

const byLanguage = {
  en: ["Drop-in club", "Street work", "Debt counselling", "Leisure-time activities 🎨"],
  cs: ["Nízkoprahový klub", "Terénní práce", "Dluhové poradenství", "Volnočasové aktivity"],
  lt: ["Atviras jaunimo centras", "Gatvės darbas", "Skolų konsultavimas", "Laisvalaikio užsiėmimai"],
  bg: ["Клуб с нисък праг", "Теренна работа", "Консултиране при дългове", "Занимания в свободното време"]
} as const

/**
 * Labels in every supported language.
 * @since 0.1.0
 * @category constructors
 */
export const arbLabels: fc.Arbitrary<typeof Labels.Encoded> = record({
  en: fc.oneof(fc.constantFrom(...byLanguage.en), arbShortText),
  cs: fc.oneof(fc.constantFrom(...byLanguage.cs), arbShortText),
  lt: fc.oneof(fc.constantFrom(...byLanguage.lt), arbShortText),
  bg: fc.oneof(fc.constantFrom(...byLanguage.bg), arbShortText)
})

/**
 * An age band, `not-stated` included.
 * @since 0.1.0
 * @category constructors
 */
export const arbAgeBand = fc.constantFrom(
  "0-5",
  "6-10",
  "11-14",
  "15-17",
  "18-20",
  "21-26",
  "27-64",
  "65+",
  "not-stated"
) satisfies fc.Arbitrary<(typeof AnonymousPerson.Encoded)["ageBand"]>

/**
 * A gender as stated, `not-stated` included.
 * @since 0.1.0
 * @category constructors
 */
export const arbGender = fc.constantFrom("female", "male", "other", "not-stated") satisfies fc.Arbitrary<
  (typeof AnonymousPerson.Encoded)["gender"]
>

/**
 * An inclusive age range (`min` ≤ `max`, both within 0–150).
 * @since 0.1.0
 * @category constructors
 */
export const arbAgeRange: fc.Arbitrary<typeof AgeRange.Encoded> = fc
  .tuple(fc.integer({ min: 0, max: 150 }), fc.integer({ min: 0, max: 150 }))
  .map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) }))

/**
 * A party (grantee, recipient, referral target).
 * @since 0.1.0
 * @category constructors
 */
export const arbParty: fc.Arbitrary<typeof Party.Encoded> = partialRecord(
  {
    kind: fc.constantFrom("organisation", "service", "authority", "school", "family", "other"),
    name: arbShortText,
    id: arbShortText
  },
  ["kind", "name"]
)

/**
 * A period of validity, `from` not after `until`; sometimes open-ended.
 * @since 0.1.0
 * @category constructors
 */
export const arbPeriod: fc.Arbitrary<typeof Period.Encoded> = fc.oneof(
  arbTimestamp.map((from) => ({ from })),
  arbAscendingMillis(2).map(([from, until]) => ({ from: iso(from!), until: iso(until!) }))
)

const uniqueIds = (maxLength: number, minLength = 0) => fc.uniqueArray(arbId, { minLength, maxLength })

// ---------------------------------------------------------------------------------------------
// Directory
// ---------------------------------------------------------------------------------------------

/**
 * An organisation.
 * @since 0.1.0
 * @category constructors
 */
export const arbOrganisation: fc.Arbitrary<typeof Organisation.Encoded> = partialRecord(
  {
    id: arbId,
    name: arbShortText,
    description: arbLongText,
    email: arbShortText,
    website: arbShortText,
    country: fc.oneof(fc.constantFrom("CZ", "LT", "BG"), fc.stringMatching(/^[A-Z]{2}$/)),
    phones: fc.array(arbPhone, { maxLength: 2 })
  },
  ["id", "name"]
)

/**
 * A location of any kind, sometimes confidential.
 * @since 0.1.0
 * @category constructors
 */
export const arbLocation: fc.Arbitrary<typeof Location.Encoded> = partialRecord(
  {
    id: arbId,
    organisationId: arbId,
    name: arbShortText,
    kind: fc.constantFrom(
      "club-premises",
      "street-area",
      "school",
      "shopping-centre",
      "event-venue",
      "online-platform",
      "office",
      "care-institution"
    ),
    confidential: fc.boolean(),
    municipality: arbShortText,
    address: arbShortText,
    platform: arbShortText,
    listing: fc.constantFrom("omit", "without-address"),
    phones: fc.array(arbPhone, { maxLength: 2 }),
    languages: fc.array(arbSpokenLanguage, { maxLength: 2 }),
    schedule: arbSchedule
  },
  ["id", "organisationId", "name", "kind", "confidential"]
)

/**
 * Who a service is for, sometimes with an age range.
 * @since 0.1.0
 * @category constructors
 */
export const arbTargetGroup: fc.Arbitrary<typeof TargetGroup.Encoded> = partialRecord(
  { description: arbShortText, ageRange: arbAgeRange },
  ["description"]
)

/**
 * A service.
 * @since 0.1.0
 * @category constructors
 */
export const arbService: fc.Arbitrary<typeof Service.Encoded> = partialRecord(
  {
    id: arbId,
    organisationId: arbId,
    type: fc.oneof(fc.constantFrom("low-threshold-club", "street-work", "debt-counselling"), arbCode),
    name: arbShortText,
    description: arbLongText,
    targetGroup: arbTargetGroup,
    localities: fc.array(arbId, { maxLength: 3 }),
    principles: fc.array(arbCode, { maxLength: 4 }),
    freeOfCharge: fc.boolean(),
    firstContactChannels: fc.array(arbCode, { maxLength: 3 }),
    retentionMonths: fc.integer({ min: 0, max: 1200 }),
    registeredAt: arbTimestamp,
    phones: fc.array(arbPhone, { maxLength: 2 }),
    languages: fc.array(arbSpokenLanguage, { maxLength: 3 }),
    serviceAreas: fc.array(arbServiceArea, { maxLength: 2 }),
    schedule: arbSchedule
  },
  [
    "id",
    "organisationId",
    "type",
    "name",
    "targetGroup",
    "localities",
    "principles",
    "freeOfCharge",
    "firstContactChannels",
    "registeredAt"
  ]
)

// ---------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------

const personCommon = {
  id: arbId,
  serviceId: arbId,
  sharedWith: fc.array(arbId, { maxLength: 2 }),
  ageBand: arbAgeBand,
  gender: arbGender,
  needs: fc.array(arbCode, { maxLength: 3 }),
  registeredAt: arbTimestamp
}
const personCommonKeys = ["id", "serviceId", "sharedWith", "ageBand", "gender", "needs", "registeredAt"] as const

/**
 * A person recorded anonymously.
 * @since 0.1.0
 * @category constructors
 */
export const arbAnonymousPerson: fc.Arbitrary<typeof AnonymousPerson.Encoded> = record({
  _tag: fc.constant("anonymous"),
  ...personCommon
})

/**
 * A person known by a nickname or code.
 * @since 0.1.0
 * @category constructors
 */
export const arbPseudonymousPerson: fc.Arbitrary<typeof PseudonymousPerson.Encoded> = partialRecord(
  {
    _tag: fc.constant("pseudonymous"),
    ...personCommon,
    nickname: arbShortText,
    code: arbShortText,
    notes: arbLongText
  },
  ["_tag", ...personCommonKeys, "nickname"]
)

/**
 * An identified person's contact details (any of them may be missing).
 * @since 0.1.0
 * @category constructors
 */
export const arbContactDetails: fc.Arbitrary<typeof ContactDetails.Encoded> = partialRecord(
  {
    phone: fc.oneof(fc.constantFrom("+420 777 123 456", "+370 612 34567", "+359 88 123 4567"), arbShortText),
    email: fc.oneof(fc.emailAddress().filter(nonBlank(200)), arbShortText),
    address: arbShortText
  },
  []
)

/**
 * A person known by name.
 * @since 0.1.0
 * @category constructors
 */
export const arbIdentifiedPerson: fc.Arbitrary<typeof IdentifiedPerson.Encoded> = partialRecord(
  {
    _tag: fc.constant("identified"),
    ...personCommon,
    givenName: arbShortText,
    familyName: arbShortText,
    nickname: arbShortText,
    code: arbShortText,
    contactDetails: arbContactDetails,
    notes: arbLongText
  },
  ["_tag", ...personCommonKeys, "givenName", "contactDetails"]
)

/**
 * A person at any identity level.
 * @since 0.1.0
 * @category constructors
 */
export const arbPerson: fc.Arbitrary<typeof Person.Encoded> = fc.oneof(
  arbAnonymousPerson,
  arbPseudonymousPerson,
  arbIdentifiedPerson
)

// ---------------------------------------------------------------------------------------------
// Contacts and cooperation
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Consent and disclosure
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Plans and outcomes
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Referrals
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Activities and volunteers
// ---------------------------------------------------------------------------------------------

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
    kind: fc.constantFrom("contact", "person", "activity", "location", "service"),
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
      "CorrectService"
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
