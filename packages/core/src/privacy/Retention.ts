/**
 * Storage limitation (GDPR Art. 5(1)(e)): which people are past their retention period, counted
 * from when they were last active with their service: the end of their cooperation, or their
 * last contact or registration when that is later (a low-threshold club has contacts without a
 * formal cooperation). Nobody with an active cooperation is ever past retention. Anonymous
 * people hold no personal data and are never listed (they are what erasure leaves).
 *
 * The retention period of a service, in months, is the first of: the policy's `byService`
 * entry for it, the service's own `retentionMonths`, the policy's `byServiceType` entry for its
 * type, the policy's `default`. With none of these, data is kept (nothing expires).
 *
 * Pure: the current time is an argument, so tests need no clock.
 *
 * @example
 * ```ts
 * import { DateTime } from "effect"
 * import { Retention } from "@pomoc/core"
 *
 * declare const records: Retention.RetentionRecords
 * const due = Retention.expired(records, { now: DateTime.nowUnsafe(), byServiceType: { "debt-counselling": 36 } })
 * // for each entry: read the person's records, Erasure.eraseSubject(...), commit
 * ```
 *
 * @since 0.1.0
 */
import { DateTime } from "effect"
import type { Contact } from "../model/Contact.js"
import type { Cooperation } from "../model/Cooperation.js"
import type { Service } from "../model/Directory.js"
import type { PersonId, ServiceId } from "../model/Ids.js"
import type { Person } from "../model/Person.js"

/**
 * Retention periods in whole months, and the current time.
 * @since 0.1.0
 * @category models
 */
export interface RetentionPolicy {
  readonly now: DateTime.Utc
  /** Months by service id; wins over everything else. */
  readonly byService?: Readonly<Record<string, number>>
  /** Months by service type (plugin id, e.g. `debt-counselling`). */
  readonly byServiceType?: Readonly<Record<string, number>>
  /** Months for services with no other setting. */
  readonly default?: number
}

/**
 * What retention is computed from. Contacts are optional: without them, only registration and
 * cooperation ends count as activity.
 * @since 0.1.0
 * @category models
 */
export interface RetentionRecords {
  readonly services: ReadonlyArray<Service>
  readonly persons: ReadonlyArray<Person>
  readonly cooperations: ReadonlyArray<Cooperation>
  readonly contacts?: ReadonlyArray<Contact>
}

/**
 * A person past retention.
 * @since 0.1.0
 * @category models
 */
export interface Expired {
  readonly personId: PersonId
  readonly serviceId: ServiceId
  /** What the period is counted from. */
  readonly basis: "cooperation-ended" | "last-contact" | "registration"
  readonly lastActiveAt: DateTime.Utc
  readonly retentionMonths: number
  /** `lastActiveAt` plus the retention period (calendar months, UTC). */
  readonly expiredAt: DateTime.Utc
}

/**
 * The retention period of a service under a policy, in months, or `undefined` when data is
 * kept indefinitely. `service` may be just an id when the service record is not at hand.
 * @since 0.1.0
 * @category combinators
 */
export const retentionMonthsFor = (
  service: Pick<Service, "id"> & Partial<Pick<Service, "type" | "retentionMonths">>,
  policy: Omit<RetentionPolicy, "now">
): number | undefined => {
  const own = (table: Readonly<Record<string, number>> | undefined, key: string | undefined) =>
    table !== undefined && key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined
  return own(policy.byService, service.id) ?? service.retentionMonths ?? own(policy.byServiceType, service.type) ??
    policy.default
}

/**
 * The people past retention at `policy.now`, ordered by `expiredAt` then id.
 * @since 0.1.0
 * @category combinators
 */
export const expired = (records: RetentionRecords, policy: RetentionPolicy): ReadonlyArray<Expired> => {
  const services = new Map(records.services.map((s) => [s.id as string, s]))
  const activeOrEnds = new Map<string, { active: boolean; lastEnd: DateTime.Utc | undefined }>()
  for (const c of records.cooperations) {
    const key = `${c.personId}\u0000${c.serviceId}`
    const entry = activeOrEnds.get(key) ?? { active: false, lastEnd: undefined }
    if (c.endedAt === undefined) entry.active = true
    else if (entry.lastEnd === undefined || DateTime.isGreaterThan(c.endedAt, entry.lastEnd)) entry.lastEnd = c.endedAt
    activeOrEnds.set(key, entry)
  }
  const lastContact = new Map<string, DateTime.Utc>()
  for (const contact of records.contacts ?? []) {
    for (const p of contact.participants) {
      const key = `${p}\u0000${contact.serviceId}`
      const seen = lastContact.get(key)
      if (seen === undefined || DateTime.isGreaterThan(contact.at, seen)) lastContact.set(key, contact.at)
    }
  }

  const out: Array<Expired> = []
  for (const person of records.persons) {
    if (person._tag === "anonymous") continue
    const key = `${person.id}\u0000${person.serviceId}`
    const cooperation = activeOrEnds.get(key)
    if (cooperation?.active === true) continue
    const service = services.get(person.serviceId) ?? { id: person.serviceId }
    const months = retentionMonthsFor(service, policy)
    if (months === undefined || !Number.isFinite(months) || months < 0) continue

    let basis: Expired["basis"] = "registration"
    let lastActiveAt = person.registeredAt
    if (cooperation?.lastEnd !== undefined && DateTime.isGreaterThanOrEqualTo(cooperation.lastEnd, lastActiveAt)) {
      basis = "cooperation-ended"
      lastActiveAt = cooperation.lastEnd
    }
    const contactAt = lastContact.get(key)
    if (contactAt !== undefined && DateTime.isGreaterThan(contactAt, lastActiveAt)) {
      basis = "last-contact"
      lastActiveAt = contactAt
    }
    const expiredAt = DateTime.add(lastActiveAt, { months: Math.floor(months) })
    if (DateTime.isGreaterThanOrEqualTo(policy.now, expiredAt)) {
      out.push({
        personId: person.id,
        serviceId: person.serviceId,
        basis,
        lastActiveAt,
        retentionMonths: Math.floor(months),
        expiredAt
      })
    }
  }
  return out.sort((a, b) =>
    DateTime.toEpochMillis(a.expiredAt) - DateTime.toEpochMillis(b.expiredAt) ||
    (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0)
  )
}
