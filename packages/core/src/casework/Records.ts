/**
 * How each entity is kept in a store: its record kind, index fields, report facets and tags.
 * Facets and tags hold only non-personal values (codes, counts, bands), because reports read them.
 *
 * @since 0.1.0
 */
import { DateTime, Schema } from "effect"
import { Activity, Volunteer, VolunteerHours } from "../model/Activity.js"
import { Consent, Disclosure } from "../model/Consent.js"
import { Contact } from "../model/Contact.js"
import { Cooperation } from "../model/Cooperation.js"
import { Location, Organisation, Service } from "../model/Directory.js"
import { OutcomeMeasurement } from "../model/Outcome.js"
import { Person } from "../model/Person.js"
import { Referral, status as referralStatus } from "../model/Referral.js"
import type { FacetValue, RecordKind, RecordWrite } from "../Store.js"
import { StoredPlan } from "./planRecords.js"

/**
 * The index part of a record (everything but `data` and the version).
 * @since 0.1.0
 * @category models
 */
export interface RecordIndex {
  readonly serviceId: string | null
  readonly personIds: ReadonlyArray<string>
  readonly at: string | null
  readonly facets: Readonly<Record<string, FacetValue>>
  readonly tags: ReadonlyArray<string>
  /**
   * A guard key the store keeps unique among records of the kind (see `StoredRecord.key`): the
   * "at most one" rules that must hold across processes. Never personal data.
   * @since 0.2.0
   */
  readonly key?: string | null
}

/**
 * How one entity type maps to a record.
 * @since 0.1.0
 * @category models
 */
export interface Mapping<A> {
  readonly kind: RecordKind
  readonly schema: Schema.Codec<A, unknown>
  /** The record id of an entity. */
  readonly id: (a: A) => string
  /** The index fields, facets and tags of an entity. */
  readonly index: (a: A) => RecordIndex
}

const iso = (d: DateTime.Utc): string => DateTime.formatIso(d)

const mapping = <A>(m: Mapping<A>): Mapping<A> => m

/**
 * The mapping of every stored entity.
 * @since 0.1.0
 * @category models
 */
export const mappings = {
  organisation: mapping<Organisation>({
    kind: "organisation",
    schema: Organisation,
    id: (o) => o.id,
    index: () => ({ serviceId: null, personIds: [], at: null, facets: {}, tags: [] })
  }),
  service: mapping<Service>({
    kind: "service",
    schema: Service,
    id: (s) => s.id,
    index: (s) => ({ serviceId: s.id, personIds: [], at: iso(s.registeredAt), facets: { type: s.type }, tags: [] })
  }),
  location: mapping<Location>({
    kind: "location",
    schema: Location,
    id: (l) => l.id,
    index: (l) => ({ serviceId: null, personIds: [], at: null, facets: { kind: l.kind, confidential: l.confidential }, tags: [] })
  }),
  person: mapping<Person>({
    kind: "person",
    schema: Person,
    id: (p) => p.id,
    index: (p) => ({
      serviceId: p.serviceId,
      personIds: [p.id],
      at: iso(p.registeredAt),
      facets: { identityLevel: p._tag, ageBand: p.ageBand, gender: p.gender },
      tags: [...p.needs]
    })
  }),
  contact: mapping<Contact>({
    kind: "contact",
    schema: Contact,
    id: (c) => c.id,
    index: (c) => ({
      serviceId: c.serviceId,
      personIds: [...c.participants],
      at: iso(c.at),
      facets: {
        channel: c.channel,
        locationKind: c.locationKind,
        mode: c.mode,
        firstContact: c.firstContact,
        firstContactChannel: c.firstContactChannel ?? null,
        knownCount: c.participants.length,
        anonymousCount: c.anonymousCount,
        participants: c.participants.length + c.anonymousCount,
        durationMinutes: c.durationMinutes
      },
      tags: [...c.interventions]
    })
  }),
  cooperation: mapping<Cooperation>({
    kind: "cooperation",
    schema: Cooperation,
    id: (c) => c.id,
    index: (c) => ({
      serviceId: c.serviceId,
      personIds: [c.personId],
      at: iso(c.startedAt),
      facets: { active: c.endedAt === undefined, endedBy: c.endedBy ?? null, endReason: c.endReason ?? null },
      tags: [],
      // At most one active cooperation per person and service, even between processes.
      key: c.endedAt === undefined ? `active/${c.personId}/${c.serviceId}` : null
    })
  }),
  consent: mapping<Consent>({
    kind: "consent",
    schema: Consent,
    id: (c) => c.id,
    index: (c) => ({
      serviceId: c.serviceId,
      personIds: [c.personId],
      at: iso(c.givenAt),
      facets: { purpose: c.purpose, withdrawn: c.withdrawnAt !== undefined },
      tags: []
    })
  }),
  disclosure: mapping<Disclosure>({
    kind: "disclosure",
    schema: Disclosure,
    id: (d) => d.id,
    index: (d) => ({
      serviceId: d.serviceId,
      personIds: [d.personId],
      at: iso(d.at),
      facets: { purpose: d.purpose, basis: d.basis._tag, recipientKind: d.recipient.kind },
      tags: []
    })
  }),
  // A plan's steps are records of their own (`planRecords.stepMapping`); the plan keeps counters.
  plan: mapping<StoredPlan>({
    kind: "plan",
    schema: StoredPlan,
    id: (p) => p.id,
    index: (p) => ({
      serviceId: p.serviceId,
      personIds: [p.personId],
      at: iso(p.createdAt),
      facets: { goals: p.goals.length, achievedGoals: p.goals.filter((g) => g.status === "achieved").length },
      tags: []
    })
  }),
  measurement: mapping<OutcomeMeasurement>({
    kind: "measurement",
    schema: OutcomeMeasurement,
    id: (m) => m.id,
    index: (m) => ({
      serviceId: m.serviceId,
      personIds: [m.personId],
      at: iso(m.at),
      facets: {
        indicator: m.indicator,
        value: m.value._tag === "YesNo" ? m.value.value : m.value.value,
        personParticipated: m.personParticipated
      },
      tags: []
    })
  }),
  referral: mapping<Referral>({
    kind: "referral",
    schema: Referral,
    id: (r) => r.id,
    index: (r) => ({
      serviceId: r.fromServiceId,
      personIds: [r.personId],
      at: iso(r.history[0]!.at),
      facets: { status: referralStatus(r), purpose: r.purpose, toKind: r.to.kind },
      tags: []
    })
  }),
  activity: mapping<Activity>({
    kind: "activity",
    schema: Activity,
    id: (a) => a.id,
    index: (a) => ({
      serviceId: a.serviceId,
      personIds: [...a.attendees],
      at: iso(a.startsAt),
      facets: {
        kind: a.kind,
        topic: a.topic ?? null,
        audience: a.audience,
        forExternalStaff: a.forExternalStaff,
        namedAttendance: a.attendees.length,
        anonymousAttendance: a.anonymousAttendance,
        attendance: a.attendees.length + a.anonymousAttendance
      },
      tags: []
    })
  }),
  volunteer: mapping<Volunteer>({
    kind: "volunteer",
    schema: Volunteer,
    id: (v) => v.id,
    index: (v) => ({ serviceId: null, personIds: [], at: iso(v.since), facets: { kind: v.kind, ageGroup: v.ageGroup }, tags: [...v.skills] })
  }),
  "volunteer-hours": mapping<VolunteerHours>({
    kind: "volunteer-hours",
    schema: VolunteerHours,
    id: (h) => h.id,
    // Whole minutes too: report cells are whole counts, and hours may be fractional.
    index: (h) => ({ serviceId: h.serviceId, personIds: [], at: iso(h.on), facets: { hours: h.hours, minutes: Math.round(h.hours * 60), volunteerId: h.volunteerId }, tags: [] })
  })
} as const

/**
 * Builds the write of an entity: its index, and its encoded form as `data`.
 * @since 0.1.0
 * @category constructors
 */
export const toWrite = <A>(m: Mapping<A>, entity: A, expectedVersion: number): RecordWrite => ({
  kind: m.kind,
  id: m.id(entity),
  expectedVersion,
  ...m.index(entity),
  data: Schema.encodeSync(m.schema)(entity)
})
