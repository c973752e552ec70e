/**
 * Arbitraries of the directory (organisations, locations, target groups, services) and of people.
 *
 * @since 0.2.0
 */
import * as fc from "fast-check"
import { Location, Organisation, Service, TargetGroup } from "../../model/Directory.js"
import { AnonymousPerson, ContactDetails, IdentifiedPerson, Person, PseudonymousPerson } from "../../model/Person.js"
import { arbPhone, arbSchedule, arbServiceArea, arbSpokenLanguage } from "../directory.js"
import { nonBlank, partialRecord, record } from "../internal/arb.js"
import {
  arbAgeBand,
  arbAgeRange,
  arbCode,
  arbGender,
  arbId,
  arbLongText,
  arbShortText,
  arbTimestamp
} from "./primitives.js"

// Directory

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

// People

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
