/**
 * People at three identity levels. Pomoc records only what a service needs: most young people in
 * a low-threshold club are known by a nickname, and many are never recorded at all.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { AgeBand, Code, Gender, LongText, ShortText, Text, Timestamp } from "./Common.js"
import { customFields } from "./CustomFields.js"
import { PersonId, ServiceId } from "./Ids.js"
import { personal } from "./Personal.js"

/**
 * How much a service knows about who a person is.
 * - `anonymous`: nothing but an age band and gender (also what erasure leaves behind);
 * - `pseudonymous`: a nickname or a code chosen with the person;
 * - `identified`: name and contact details, only where the service needs them and the person agreed.
 * @since 0.1.0
 * @category models
 */
export const IdentityLevel = Schema.Literals(["anonymous", "pseudonymous", "identified"])
/**
 * @since 0.1.0
 * @category models
 */
export type IdentityLevel = typeof IdentityLevel.Type

const common = {
  id: PersonId,
  /** The service that knows this person. */
  serviceId: ServiceId,
  /** Other services the person consented to be known to. */
  sharedWith: Schema.Array(ServiceId),
  ageBand: AgeBand,
  gender: Gender,
  /** Needs as this person expressed them (codes), never inferred from a group. */
  needs: Schema.Array(Code),
  /**
   * The person's situation as the service's plugin defines it (e.g. debt counselling: `debts`,
   * `unstable-housing`, as its `Situation.toFacts` builds them), read by eligibility and plugin rules. Sensitive: encrypted at rest, and
   * never a protected attribute (the equality principle).
   */
  situation: Schema.optionalKey(personal(
    Schema.Record(
      Schema.String.check(
        Schema.isPattern(/^[A-Za-z][A-Za-z0-9_-]{0,62}$/, {
          expected: "a situation key of letters, digits, '_' and '-'"
        })
      ),
      Schema.Union([Text.check(Schema.isMaxLength(200)), Schema.Finite, Schema.Boolean])
    )
  )),
  registeredAt: Timestamp,
  /** Custom fields the service type's plugin declares: reportable (`fields`) and personal (encrypted). */
  ...customFields
}

/**
 * A person recorded without any identifying data.
 * @since 0.1.0
 * @category models
 */
export class AnonymousPerson extends Schema.TaggedClass<AnonymousPerson>("@pomoc/core/AnonymousPerson")("anonymous", {
  ...common
}) {}

/**
 * A person known by a nickname or a code they chose.
 * @since 0.1.0
 * @category models
 */
export class PseudonymousPerson extends Schema.TaggedClass<PseudonymousPerson>("@pomoc/core/PseudonymousPerson")(
  "pseudonymous",
  {
    ...common,
    nickname: personal(ShortText),
    /**
     * A pseudonymous code chosen with the person (e.g. initials and a number they remember), by
     * which a worker finds them again (`findPeople`). Personal: encrypted at rest like the
     * nickname; the store keeps only its blind-index tokens (since 0.2.0).
     */
    code: Schema.optionalKey(personal(ShortText)),
    /** Free-text notes; sensitive, encrypted at rest. */
    notes: Schema.optionalKey(personal(LongText))
  }
) {}

/**
 * Contact details of an identified person; sensitive, encrypted at rest.
 * @since 0.1.0
 * @category models
 */
export const ContactDetails = Schema.Struct({
  phone: Schema.optionalKey(ShortText),
  email: Schema.optionalKey(ShortText),
  address: Schema.optionalKey(ShortText)
})

/**
 * A person known by name, where the service needs it and the person agreed.
 * @since 0.1.0
 * @category models
 */
export class IdentifiedPerson extends Schema.TaggedClass<IdentifiedPerson>("@pomoc/core/IdentifiedPerson")(
  "identified",
  {
    ...common,
    givenName: personal(ShortText),
    familyName: Schema.optionalKey(personal(ShortText)),
    nickname: Schema.optionalKey(personal(ShortText)),
    /** A pseudonymous code chosen with the person, as for a pseudonymous person (since 0.2.0). */
    code: Schema.optionalKey(personal(ShortText)),
    contactDetails: personal(ContactDetails),
    notes: Schema.optionalKey(personal(LongText))
  }
) {}

const PersonSchema = Schema.Union([AnonymousPerson, PseudonymousPerson, IdentifiedPerson]).annotate({
  identifier: "@pomoc/core/Person"
})

const levelOf = (person: typeof PersonSchema.Type): IdentityLevel => person._tag

/**
 * A person at any identity level; `_tag` is the identity level, also `Person.identityLevel(person)`.
 * @since 0.1.0
 * @category models
 */
export const Person = Object.assign(PersonSchema, {
  /** The identity level of a person (`anonymous`, `pseudonymous` or `identified`). */
  identityLevel: (person: typeof PersonSchema.Type): IdentityLevel => person._tag
})
/**
 * @since 0.1.0
 * @category models
 */
export type Person = typeof Person.Type

/**
 * The identity level of a person.
 * @since 0.1.0
 * @category guards
 * @deprecated Use `Person.identityLevel` (kept for one release).
 */
export const identityLevel = levelOf
