/**
 * fast-check arbitraries of the facts that principles' rules see: a person's, a service's, a
 * cooperation's and a plan's facts, consents, and whole fact sets.
 *
 * @since 0.2.0
 */
import { DateTime } from "effect"
import * as fc from "fast-check"
import type { CooperationFacts, Facts, PersonFacts, PlanFacts, ProtectedFacts, ServiceFacts } from "../Facts.js"
import { Consent } from "../model/Consent.js"
import { corePrincipleIds } from "../principles/builtin/index.js"
import { arbAgeBand, arbAgeRange, arbCode, arbConsent, arbGender, arbId, arbShortText, decoded } from "./arbitraries.js"
import { consentIdWire, partyWire, personIdWire, purposeWire, serviceIdWire } from "./internal/wires.js"

export { pools } from "./internal/wires.js"

const MIN_TIME = Date.UTC(2000, 0, 1)
const MAX_TIME = Date.UTC(2100, 0, 1)

/**
 * A UTC date-time between 2000 and 2100.
 * @since 0.1.0
 * @category constructors
 */
export const arbUtc: fc.Arbitrary<DateTime.Utc> = fc
  .integer({ min: MIN_TIME, max: MAX_TIME })
  .map((ms) => DateTime.makeUnsafe(ms))

/**
 * A consent, often of a pooled person for a pooled purpose and recipient.
 * @since 0.1.0
 * @category constructors
 */
export const arbFactsConsent: fc.Arbitrary<Consent> = decoded(
  fc.tuple(arbConsent, consentIdWire, personIdWire, serviceIdWire, purposeWire, partyWire).map((
    [consent, consentId, personId, serviceId, purpose, grantee]
  ) => ({ ...consent, id: consentId, personId, serviceId, purpose, grantee })),
  Consent
)

/**
 * The protected attributes of a person (any subset set).
 * @since 0.1.0
 * @category constructors
 */
export const arbProtectedFacts: fc.Arbitrary<ProtectedFacts> = fc.record(
  {
    sex: fc.constantFrom("female", "male", "intersex"),
    race: arbShortText,
    colour: arbShortText,
    ethnicity: fc.constantFrom("Roma", "Czech", "Lithuanian", "Bulgarian", "Turkish"),
    language: fc.constantFrom("cs", "lt", "bg", "rom", "uk", "tr"),
    faith: fc.constantFrom("none", "Christian", "Muslim", "Jewish"),
    politicalOpinion: arbShortText,
    nationalOrigin: fc.constantFrom("CZ", "LT", "BG", "UA", "SY"),
    socialOrigin: arbShortText,
    minority: fc.constantFrom("Roma", "Vietnamese", "Polish", "Turkish"),
    property: fc.constantFrom("none", "some", "wealthy"),
    birth: arbShortText,
    maritalStatus: fc.constantFrom("single", "married", "divorced", "widowed", "registered-partnership"),
    otherStatus: arbShortText
  },
  { requiredKeys: [] }
)

const situationValue = fc.oneof(fc.boolean(), fc.integer({ min: -5, max: 100 }), arbCode)

/**
 * The person a command concerns.
 * @since 0.1.0
 * @category constructors
 */
export const arbPersonFacts: fc.Arbitrary<PersonFacts> = fc.record({
  id: personIdWire,
  identityLevel: fc.constantFrom("anonymous" as const, "pseudonymous" as const, "identified" as const),
  ageBand: arbAgeBand,
  gender: arbGender,
  needs: fc.array(arbCode, { maxLength: 3 }),
  protected: arbProtectedFacts,
  situation: fc.dictionary(fc.constantFrom("hasDebts", "inCare", "unemployed", "housing"), situationValue)
})

/**
 * The service a command concerns: any subset of the core principles (plus plugin ones), and a
 * configuration that sometimes sets the independence thresholds.
 * @since 0.1.0
 * @category constructors
 */
export const arbServiceFacts: fc.Arbitrary<ServiceFacts> = fc.record(
  {
    id: serviceIdWire,
    type: fc.constantFrom(
      "low-threshold-club",
      "street-work",
      "debt-counselling",
      "community-centre",
      "children-in-care"
    ),
    principles: fc.subarray([...corePrincipleIds, "house-rules"]),
    freeOfCharge: fc.boolean(),
    ageRange: arbAgeRange,
    acceptsAnonymous: fc.boolean(),
    requiresIdentity: fc.boolean(),
    config: fc.record(
      {
        independenceWarningMonths: fc.integer({ min: 0, max: 36 }),
        independenceProgressMonths: fc.integer({ min: 0, max: 12 })
      },
      { requiredKeys: [] }
    )
  },
  { requiredKeys: ["id", "type", "principles", "freeOfCharge", "acceptsAnonymous", "requiresIdentity", "config"] }
)

/**
 * A person's cooperation with the service.
 * @since 0.1.0
 * @category constructors
 */
export const arbCooperationFacts: fc.Arbitrary<CooperationFacts> = fc.record({
  active: fc.boolean(),
  startedAt: arbUtc,
  months: fc.integer({ min: 0, max: 120 })
})

/**
 * Progress of a person's plan.
 * @since 0.1.0
 * @category constructors
 */
export const arbPlanFacts: fc.Arbitrary<PlanFacts> = fc.record(
  {
    goals: fc.nat(10),
    achievedGoals: fc.nat(10),
    stepsByPerson: fc.nat(10),
    stepsDone: fc.nat(10),
    lastProgressAt: arbUtc
  },
  { requiredKeys: ["goals", "achievedGoals", "stepsByPerson", "stepsDone"] }
)

/**
 * Everything a core rule may read, with optional parts sometimes absent.
 * @since 0.1.0
 * @category constructors
 */
export const arbCoreFacts: fc.Arbitrary<Facts> = fc.record(
  {
    now: arbUtc,
    actor: fc.record({
      id: arbId,
      role: fc.constantFrom(
        "worker" as const,
        "coordinator" as const,
        "administrator" as const,
        "auditor" as const,
        "volunteer" as const
      )
    }),
    service: arbServiceFacts,
    person: arbPersonFacts,
    consents: fc.array(arbFactsConsent, { maxLength: 4 }),
    cooperation: arbCooperationFacts,
    plan: arbPlanFacts,
    referralStatus: fc.constantFrom(
      "requested" as const,
      "accepted" as const,
      "rejected" as const,
      "done" as const,
      "revoked" as const
    )
  },
  { requiredKeys: ["now", "actor", "service", "consents"] }
)
