/**
 * Sharing in force. A person is shared with another service of the organisation only while a
 * sharing consent of theirs, recorded in their own service and in force, names that service:
 * withdrawing the consent ends the sharing at once (the person record changes in the same
 * commit), and a consent that expires (`validUntil`) ends it when it expires, because every read
 * of a person judges their `sharedWith` against the consents in force at that moment. A lapsed
 * sharing stays ended: a new consent does not bring it back (the command recording it writes the
 * person without the lapsed services), only a new `sharePerson` does.
 *
 * @since 0.2.0
 */
import type { DateTime } from "effect"
import type { Consent } from "../model/Consent.js"
import type { Person } from "../model/Person.js"
import { inForce } from "../principles/builtin/shared.js"
import { withSharing } from "./operations/people.js"

/**
 * The services that the person's sharing consents in force at `at` name (consents recorded in
 * another service, of another person or for another purpose name none).
 * @since 0.2.0
 * @category internal
 */
export const consentedServices = (
  person: Person,
  consents: ReadonlyArray<Consent>,
  at: DateTime.Utc
): ReadonlySet<string> =>
  new Set(
    consents.flatMap((c) =>
      c.personId === person.id && c.serviceId === person.serviceId && c.purpose === "sharing" && inForce(c, at)
        ? c.alsoForServices ?? []
        : []
    )
  )

/**
 * The person as shared at `at`: their `sharedWith` keeps only the services a sharing consent in
 * force then names (the person itself when nothing changes).
 * @since 0.2.0
 * @category internal
 */
export const sharedAt = (person: Person, consents: ReadonlyArray<Consent>, at: DateTime.Utc): Person => {
  if (person.sharedWith.length === 0) return person
  const named = consentedServices(person, consents, at)
  const sharedWith = person.sharedWith.filter((s) => named.has(s))
  if (sharedWith.length === person.sharedWith.length) return person
  const shared = withSharing(person, sharedWith)
  lapsedOf.set(shared, person.sharedWith.filter((s) => !named.has(s)))
  return shared
}

// The services whose sharing had lapsed when a person was read (`sharedAt`), by the person read.
const lapsedOf = new WeakMap<Person, ReadonlyArray<string>>()

/**
 * The services a person read as shared now (`sharedAt`) had lapsed from: still in the stored
 * `sharedWith`, but named by no sharing consent in force. A sharing that lapsed stays ended: a
 * command giving a new consent writes the person without them in the same commit, so that only
 * `sharePerson` (audited) shares again.
 * @since 0.2.0
 * @category internal
 */
export const lapsedSharing = (person: Person): ReadonlyArray<string> => lapsedOf.get(person) ?? []
