/**
 * The entity catalogue: every kind of record core keeps, described once. For each kind: its
 * schema, how its id and index fields (service, people, time), report facets and tags are read
 * from an entity, whose data key encrypts its personal fields, how erasure treats it, and where
 * it appears in a person's history. Personal fields are declared at the field (`personal(...)`
 * in the model) and read from the schema here. `RecordKind`, the encryption paths, the store
 * mappings, the history type and erasure are all derived from this table.
 *
 * Facets and tags hold only non-personal values (codes, counts, bands): reports read them.
 *
 * @example
 * ```ts
 * import { Entity } from "@pomoc/core"
 *
 * Entity.catalogue.contact.personal // [{ path: "note", optional: true }]
 * Entity.catalogue.plan.history     // "plans"
 * ```
 *
 * @since 0.2.0
 */
import { DateTime } from "effect"
import { Activity, Volunteer, VolunteerHours } from "./Activity.js"
import { StaffMember } from "./Actor.js"
import { Consent, Disclosure } from "./Consent.js"
import { Contact } from "./Contact.js"
import { Cooperation } from "./Cooperation.js"
import { facetsOf } from "./CustomFields.js"
import { DataKey } from "./DataKey.js"
import { Location, Organisation, Service } from "./Directory.js"
import { OutcomeMeasurement } from "./Outcome.js"
import { Person } from "./Person.js"
import { personalPaths } from "./Personal.js"
import { StoredPlan, StoredStep } from "./Plan.js"
import { Funding, Program } from "./Program.js"
import { Referral, status as referralStatus } from "./Referral.js"
import { Revision } from "./Revision.js"
import { Voided } from "./Voided.js"

export type { Entity, ErasureTreatment, HistorySection, RecordIndex } from "./EntityShape.js"
import type { Entity, HistorySection, RecordIndex } from "./EntityShape.js"

const iso = (d: DateTime.Utc): string => DateTime.formatIso(d)

const entity = <const K extends string, A, const H extends HistorySection | undefined>(
  e: Omit<Entity<K, A, H>, "personal">
): Entity<K, A, H> => ({ ...e, personal: personalPaths(e.schema) })

const none = (): RecordIndex => ({ serviceId: null, personIds: [], at: null, facets: {}, tags: [] })
// The programme a record of work belongs to, as a facet only when it names one.
const programOf = (r: { readonly programId?: string }) => (r.programId === undefined ? {} : { programId: r.programId })
const nobody = (): undefined => undefined

const base = {
  organisation: entity({
    kind: "organisation",
    schema: Organisation,
    id: (o: Organisation) => o.id,
    index: none,
    owner: nobody,
    erasure: "none",
    history: undefined
  }),
  service: entity({
    kind: "service",
    schema: Service,
    id: (s: Service) => s.id,
    index: (s: Service) => ({
      serviceId: s.id,
      personIds: [],
      at: iso(s.registeredAt),
      facets: { type: s.type },
      tags: []
    }),
    owner: nobody,
    erasure: "none",
    history: undefined
  }),
  location: entity({
    kind: "location",
    schema: Location,
    id: (l: Location) => l.id,
    index: (l: Location) => ({
      serviceId: null,
      personIds: [],
      at: null,
      facets: { kind: l.kind, confidential: l.confidential },
      tags: []
    }),
    owner: nobody,
    erasure: "none",
    history: undefined
  }),
  // Programmes and their funding: the organisation's, published (HSDS), never personal.
  program: entity({
    kind: "program",
    schema: Program,
    id: (p: Program) => p.id,
    index: (p: Program) => ({
      serviceId: null,
      personIds: [],
      at: p.startsAt === undefined ? null : iso(p.startsAt),
      facets: { code: p.code ?? null },
      tags: []
    }),
    owner: nobody,
    erasure: "none",
    history: undefined
  }),
  funding: entity({
    kind: "funding",
    schema: Funding,
    id: (f: Funding) => f.id,
    index: (f: Funding) => ({
      serviceId: null,
      personIds: [],
      at: null,
      facets: { programId: f.programId, kind: f.kind ?? null },
      tags: []
    }),
    owner: nobody,
    erasure: "none",
    history: undefined
  }),
  person: entity({
    kind: "person",
    schema: Person,
    id: (p: Person) => p.id,
    index: (p: Person) => ({
      serviceId: p.serviceId,
      personIds: [p.id],
      at: iso(p.registeredAt),
      facets: { identityLevel: p._tag, ageBand: p.ageBand, gender: p.gender, ...facetsOf(p.fields) },
      tags: [...p.needs]
    }),
    owner: (p: Person) => p.id,
    erasure: "anonymise",
    history: undefined
  }),
  contact: entity({
    kind: "contact",
    schema: Contact,
    id: (c: Contact) => c.id,
    index: (c: Contact) => ({
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
        durationMinutes: c.durationMinutes,
        ...programOf(c),
        ...facetsOf(c.fields)
      },
      tags: [...c.interventions]
    }),
    // A note about one known person is theirs; a note about several stays when one is erased
    // (it is about the others too), so it is encrypted with the application's key.
    owner: (c: Contact) => (c.participants.length === 1 ? c.participants[0] : undefined),
    erasure: "shred",
    history: "contacts"
  }),
  cooperation: entity({
    kind: "cooperation",
    schema: Cooperation,
    id: (c: Cooperation) => c.id,
    index: (c: Cooperation) => ({
      serviceId: c.serviceId,
      personIds: [c.personId],
      at: iso(c.startedAt),
      facets: { active: c.endedAt === undefined, endedBy: c.endedBy ?? null, endReason: c.endReason ?? null },
      tags: [],
      // At most one active cooperation per person and service, even between processes.
      key: c.endedAt === undefined ? `active/${c.personId}/${c.serviceId}` : null
    }),
    owner: (c: Cooperation) => c.personId,
    erasure: "shred",
    history: "cooperations"
  }),
  consent: entity({
    kind: "consent",
    schema: Consent,
    id: (c: Consent) => c.id,
    index: (c: Consent) => ({
      serviceId: c.serviceId,
      personIds: [c.personId],
      at: iso(c.givenAt),
      facets: { purpose: c.purpose, withdrawn: c.withdrawnAt !== undefined },
      tags: []
    }),
    owner: (c: Consent) => c.personId,
    erasure: "shred",
    history: "consents"
  }),
  disclosure: entity({
    kind: "disclosure",
    schema: Disclosure,
    id: (d: Disclosure) => d.id,
    index: (d: Disclosure) => ({
      serviceId: d.serviceId,
      personIds: [d.personId],
      at: iso(d.at),
      facets: { purpose: d.purpose, basis: d.basis._tag, recipientKind: d.recipient.kind },
      tags: []
    }),
    owner: (d: Disclosure) => d.personId,
    erasure: "shred",
    history: "disclosures"
  }),
  // A plan's steps are records of their own (kind `plan-step`); the plan keeps counters.
  plan: entity({
    kind: "plan",
    schema: StoredPlan,
    id: (p: StoredPlan) => p.id,
    index: (p: StoredPlan) => ({
      serviceId: p.serviceId,
      personIds: [p.personId],
      at: iso(p.createdAt),
      facets: { goals: p.goals.length, achievedGoals: p.goals.filter((g) => g.status === "achieved").length },
      tags: []
    }),
    owner: (p: StoredPlan) => p.personId,
    erasure: "shred",
    history: "plans"
  }),
  // A step of a plan, id `<plan id>/<sequence number>`; shown inside its plan in a history.
  "plan-step": entity({
    kind: "plan-step",
    schema: StoredStep,
    id: (s: StoredStep) => `${s.planId}/${String(s.seq).padStart(9, "0")}`,
    index: (s: StoredStep) => ({
      serviceId: s.serviceId,
      personIds: [s.personId],
      at: null,
      facets: { takenBy: s.step.takenBy, done: s.step.doneAt !== undefined },
      tags: []
    }),
    owner: (s: StoredStep) => s.personId,
    erasure: "shred",
    history: undefined
  }),
  measurement: entity({
    kind: "measurement",
    schema: OutcomeMeasurement,
    id: (m: OutcomeMeasurement) => m.id,
    index: (m: OutcomeMeasurement) => ({
      serviceId: m.serviceId,
      personIds: [m.personId],
      at: iso(m.at),
      facets: {
        indicator: m.indicator,
        value: m.value.value,
        personParticipated: m.personParticipated,
        // A derived value names its rule (a missing facet reads as null in reports' filters).
        ...(m.derivedBy !== undefined ? { derivedBy: m.derivedBy } : {})
      },
      tags: []
    }),
    owner: (m: OutcomeMeasurement) => m.personId,
    erasure: "shred",
    history: "measurements"
  }),
  referral: entity({
    kind: "referral",
    schema: Referral,
    id: (r: Referral) => r.id,
    index: (r: Referral) => ({
      serviceId: r.fromServiceId,
      personIds: [r.personId],
      at: iso(r.history[0]!.at),
      facets: {
        status: referralStatus(r),
        purpose: r.purpose,
        toKind: r.to.kind,
        toServiceId: r.toServiceId ?? null,
        basis: r.legalDuty !== undefined ? "legal-duty" : "consent"
      },
      tags: []
    }),
    owner: (r: Referral) => r.personId,
    erasure: "shred",
    history: "referrals"
  }),
  activity: entity({
    kind: "activity",
    schema: Activity,
    id: (a: Activity) => a.id,
    index: (a: Activity) => ({
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
        attendance: a.attendees.length + a.anonymousAttendance,
        ...programOf(a),
        ...facetsOf(a.fields)
      },
      tags: []
    }),
    // An activity is about everyone who attends: its title stays when one attendee is erased.
    owner: nobody,
    erasure: "shred",
    history: "activities"
  }),
  volunteer: entity({
    kind: "volunteer",
    schema: Volunteer,
    id: (v: Volunteer) => v.id,
    index: (v: Volunteer) => ({
      serviceId: null,
      personIds: [],
      at: iso(v.since),
      facets: { kind: v.kind, ageGroup: v.ageGroup },
      tags: [...v.skills]
    }),
    owner: nobody,
    erasure: "none",
    history: undefined
  }),
  "volunteer-hours": entity({
    kind: "volunteer-hours",
    schema: VolunteerHours,
    id: (h: VolunteerHours) => h.id,
    // Whole minutes too: report cells are whole counts, and hours may be fractional.
    index: (h: VolunteerHours) => ({
      serviceId: h.serviceId,
      personIds: [],
      at: iso(h.on),
      facets: { hours: h.hours, minutes: Math.round(h.hours * 60), volunteerId: h.volunteerId, ...programOf(h) },
      tags: []
    }),
    owner: nobody,
    erasure: "none",
    history: undefined
  }),
  // The staff directory: who may do what (no personal data of the people served).
  staff: entity({
    kind: "staff",
    schema: StaffMember,
    id: (m: StaffMember) => m.id,
    index: (m: StaffMember) => ({
      serviceId: null,
      personIds: [],
      at: null,
      facets: { roles: m.grants.length },
      tags: [...new Set(m.grants.map((g) => g.role))]
    }),
    owner: nobody,
    erasure: "none",
    history: undefined
  }),
  "data-key": entity({
    kind: "data-key",
    schema: DataKey,
    id: (k: DataKey) => k.id,
    index: (k: DataKey) => ({ serviceId: null, personIds: [k.personId], at: null, facets: {}, tags: [] }),
    owner: nobody,
    erasure: "destroy",
    history: undefined
  })
} as const

/**
 * The catalogue of every record kind.
 * @since 0.2.0
 * @category models
 */
export const catalogue = {
  ...base,
  // A voided record keeps its service, people and time (the person's export finds it), under a
  // kind of its own: reports and lists, which read by kind, leave it out.
  voided: entity({
    kind: "voided",
    schema: Voided,
    id: (v: Voided) => v.record.id,
    index: (v: Voided) => {
      const i = (base[v.kind].index as (r: Voided["record"]) => RecordIndex)(v.record)
      return {
        serviceId: i.serviceId,
        personIds: i.personIds,
        at: i.at,
        facets: { kind: v.kind, reason: v.reason },
        tags: []
      }
    },
    owner: (v: Voided) => (base[v.kind].owner as (r: Voided["record"]) => string | undefined)(v.record),
    erasure: "shred",
    history: undefined
  }),
  revision: entity({
    kind: "revision",
    schema: Revision,
    id: (r: Revision) => r.id,
    index: (r: Revision) => ({
      serviceId: r.serviceId ?? null,
      personIds: r.ownerId !== undefined ? [r.ownerId] : [],
      at: iso(r.at),
      facets: { kind: r.kind, recordId: r.recordId, operation: r.operation },
      tags: []
    }),
    owner: (r: Revision) => r.ownerId,
    erasure: "shred",
    history: undefined
  })
} as const

/**
 * The catalogue's type.
 * @since 0.2.0
 * @category models
 */
export type Catalogue = typeof catalogue

/**
 * Every record kind, in the catalogue's order.
 * @since 0.2.0
 * @category models
 */
export const kinds = Object.keys(catalogue) as ReadonlyArray<keyof Catalogue>

/**
 * The entity type of a catalogue entry.
 * @since 0.2.0
 * @category models
 */
export type TypeOf<E> = E extends Entity<string, infer A, infer _H> ? A : never

/**
 * Every entry of the catalogue, as a union (the source of {@link History}'s sections).
 * @since 0.2.0
 * @category models
 */
export type HistoryEntries = { readonly [K in keyof Catalogue]: Catalogue[K] }[keyof Catalogue]

/**
 * A person's history, derived from the catalogue: the person and, for every kind with a history
 * section, the records of that kind that name them.
 * @since 0.2.0
 * @category models
 */
export type History<P extends Person = Person> =
  & { readonly person: P }
  & {
    readonly [E in HistoryEntries as E["history"] extends HistorySection ? E["history"] : never]?: ReadonlyArray<
      TypeOf<E>
    >
  }

/**
 * The catalogue entries that appear in a person's history, in the history's order.
 * @since 0.2.0
 * @category models
 */
export const historyEntries: ReadonlyArray<Entity<string, unknown, HistorySection>> = Object.values(catalogue).filter(
  (e): e is typeof e & { readonly history: HistorySection } => e.history !== undefined
) as never
