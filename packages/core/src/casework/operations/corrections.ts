/**
 * Correcting and voiding records, and reading a record's change history.
 *
 * A correction changes some fields of a record (`{ id, changes }`): the corrected record goes
 * through the same checks and principles as the operation that records such a record (a
 * corrected contact is judged as `RecordContact`), so a correction that would break a principle
 * is refused. Each correction leaves a {@link Revision}: the immer patches from the record's
 * stored form before to after, and back, encrypted as personal data; the audit entry names only
 * the record and the revision.
 *
 * A void moves a record entered by mistake to the kind `voided` with a reason code: reports and
 * lists leave it out, the audit log and the person's own export keep it.
 *
 * @since 0.2.0
 */
import { Effect, Schema } from "effect"
import { enablePatches, produceWithPatches } from "immer"
import { decoder } from "../../Decode.js"
import { Activity } from "../../model/Activity.js"
import { Contact } from "../../model/Contact.js"
import { Location, Organisation, Service } from "../../model/Directory.js"
import * as Ids from "../../model/Ids.js"
import type { Person } from "../../model/Person.js"
import { Revision } from "../../model/Revision.js"
import { voidable, type Voided, VoidReason } from "../../model/Voided.js"
import type { CaseworkError } from "../Config.js"
import { revisionsOf } from "../IndexTokens.js"
import * as Operation from "../Operation.js"
import { type Mapping, mappings } from "../Records.js"
import { recordActivity } from "./activities-and-volunteers.js"
import { access } from "./common.js"
import { recordContact } from "./contacts.js"
import { registerLocation, registerOrganisation, registerService } from "./directory.js"
import { collect, paging } from "./lists.js"
import { registerPerson, servicesOfPerson } from "./people.js"

enablePatches()

type Creator<A> = Operation.Write<string, A, unknown, unknown>

/** The subject the creating operation would have had for the corrected record. */
const creatorSubject = <A>(
  ctx: Operation.Context,
  creator: Creator<A>,
  entity: A
): Effect.Effect<unknown, CaseworkError> => {
  const subject = creator.subject
  if (subject._tag !== "New" || !subject.loadService) return Effect.succeed(undefined)
  const serviceId = subject.serviceId(entity)
  return serviceId === undefined ? Effect.succeed(undefined) : ctx.load(mappings.service, serviceId)
}

/** Copies JSON values so that immer's frozen results are never stored or handed out. */
const plain = <A>(value: A): A => JSON.parse(JSON.stringify(value)) as A

interface CorrectionSpec<Tag extends string, A> {
  readonly tag: Tag
  readonly summary: string
  readonly access: Operation.AccessRow
  readonly mapping: Mapping<A>
  /** The operation that records such a record: its input schema, checks and decision. */
  readonly creator: Creator<A>
  /** The fields of the stored form a correction may change. */
  readonly fields: ReadonlyArray<string>
  /** The services the record belongs to (where the correction is authorised). */
  readonly services: (record: A) => ReadonlyArray<string>
}

/**
 * Declares the correction of one kind of record: `{ id, changes }`, where `changes` holds new
 * values for some of `fields` in the record's stored (JSON) form; `null` removes an optional
 * field. Another field is `InvalidInput` naming it; a corrected record that does not decode is
 * `InvalidInput` naming the field and rule.
 */
const correction = <const Tag extends string, A>(spec: CorrectionSpec<Tag, A>) => {
  const Input = Schema.Struct({
    id: Schema.String,
    changes: Schema.Struct(Object.fromEntries(spec.fields.map((f) => [f, Schema.optionalKey(Schema.Unknown)])))
  })
  const decodeCorrected = decoder(
    spec.creator.input as Schema.Codec<A, unknown>,
    spec.creator.entity ?? spec.mapping.kind
  )
  const encode = Schema.encodeSync(spec.mapping.schema)
  return Operation.write<{ readonly id: string; readonly changes: Readonly<Record<string, unknown>> }>()({
    tag: spec.tag,
    summary: spec.summary,
    access: spec.access,
    input: Input,
    entity: spec.tag,
    subject: Operation.existing(spec.mapping, (i: typeof Input.Type) => i.id, spec.services),
    decide: Effect.fnUntraced(function*(ctx, request, current) {
      const [next, patches, inverse] = produceWithPatches(encode(current.value) as Record<string, unknown>, (draft) => {
        for (const [key, value] of Object.entries(request.changes)) {
          if (value === null) delete draft[key]
          else draft[key] = value
        }
      })
      const corrected = yield* Effect.fromResult(decodeCorrected(plain(next)))
      const subject = yield* creatorSubject(ctx, spec.creator, corrected)
      for (const check of spec.creator.checks ?? []) yield* check(ctx, corrected, subject)
      const decided = yield* spec.creator.decide(ctx, corrected, subject)
      const id = spec.mapping.id(current.value)
      const owner = spec.mapping.owner(corrected)
      const serviceId = spec.mapping.index(corrected).serviceId
      const revision = new Revision({
        id: Ids.make(Ids.RevisionId),
        kind: spec.mapping.kind,
        recordId: id,
        ...(serviceId !== null ? { serviceId: serviceId as Ids.ServiceId } : {}),
        ...(owner !== undefined ? { ownerId: owner as Ids.PersonId } : {}),
        version: current.version,
        at: ctx.now,
        by: ctx.actor.id,
        operation: spec.tag,
        patches: plain(patches),
        inverse: plain(inverse)
      })
      return {
        command: { _tag: spec.tag, kind: spec.mapping.kind, id } as never,
        judgedAs: decided.command,
        service: decided.service,
        person: decided.person,
        // The creating decision writes the record as new: here it replaces the current version.
        changes: [
          ...decided.changes.map((c) =>
            c.kind === spec.mapping.kind && c.id === id ? Operation.change(spec.mapping, corrected, current.version) : c
          ),
          Operation.change(mappings.revision, revision, 0)
        ],
        result: corrected
      }
    })
  })
}

/**
 * Correct a contact: `{ id, changes }` (time, duration, place, channel, participants,
 * anonymous count, interventions, first contact, mode, workers, note, custom fields). Judged as
 * `RecordContact`, so corrected custom fields are checked against the service type's
 * declarations like new ones.
 * @since 0.2.0
 * @category operations
 */
export const correctContact = correction({
  tag: "CorrectContact",
  summary: "correct a contact",
  access: access("SSNNN", "write", "confidential", "correct a contact (its change history kept)"),
  mapping: mappings.contact,
  creator: recordContact as unknown as Creator<typeof mappings.contact.schema.Type>,
  fields: [
    "at",
    "durationMinutes",
    "locationId",
    "locationKind",
    "channel",
    "workers",
    "participants",
    "anonymousCount",
    "interventions",
    "firstContact",
    "firstContactChannel",
    "mode",
    "note",
    "fields",
    "personalFields"
  ],
  services: (c) => [c.serviceId]
})

/**
 * Correct a person's non-identity fields: `{ id, changes }` (age band, gender, situation,
 * notes, custom fields: checked against the service type's declarations like new ones).
 * Identity (level, names, nickname, contact details) changes with
 * `changeIdentityLevel`; needs with `recordNeed`. Judged as `RegisterPerson`.
 * @since 0.2.0
 * @category operations
 */
export const correctPerson = correction({
  tag: "CorrectPerson",
  summary: "correct a person's non-identity fields",
  access: access(
    "SSNNN",
    "write",
    "personal",
    "correct a person's non-identity fields (age band, gender, situation, notes)"
  ),
  mapping: mappings.person,
  creator: registerPerson as unknown as Creator<typeof mappings.person.schema.Type>,
  fields: ["ageBand", "gender", "situation", "notes", "fields", "personalFields"],
  services: servicesOfPerson
})

/**
 * Correct an activity and its attendance: `{ id, changes }` (kind, topic, title, description,
 * times, place, audience, attendees, anonymous attendance, custom fields). Judged as `RecordActivity`.
 * @since 0.2.0
 * @category operations
 */
export const correctActivity = correction({
  tag: "CorrectActivity",
  summary: "correct an activity and its attendance",
  access: access("SSNNS", "write", "personal", "correct an activity and its attendance"),
  mapping: mappings.activity,
  creator: recordActivity as unknown as Creator<typeof mappings.activity.schema.Type>,
  fields: [
    "kind",
    "topic",
    "title",
    "description",
    "startsAt",
    "endsAt",
    "locationId",
    "audience",
    "forExternalStaff",
    "attendees",
    "anonymousAttendance",
    "fields",
    "personalFields"
  ],
  services: (a) => [a.serviceId]
})

/**
 * Correct a location: `{ id, changes }` (name, kind, confidentiality, municipality, address,
 * platform, listing, phones, languages, schedule). Judged as `RegisterLocation`.
 * @since 0.2.0
 * @category operations
 */
export const correctLocation = correction({
  tag: "CorrectLocation",
  summary: "correct a location",
  access: access("NSONN", "write", "organisational", "correct a location"),
  mapping: mappings.location,
  creator: registerLocation as unknown as Creator<typeof mappings.location.schema.Type>,
  fields: [
    "name",
    "kind",
    "confidential",
    "municipality",
    "address",
    "platform",
    "listing",
    "phones",
    "languages",
    "schedule"
  ],
  services: () => []
})

/**
 * Correct a service's settings: `{ id, changes }` (name, description, target group, localities,
 * principles, free of charge, first-contact channels, settings, retention, phones, languages,
 * areas, schedule). Judged as `RegisterService`: a low-threshold service cannot be set to
 * require identity, a service that declares free of charge cannot stop being free.
 * @since 0.2.0
 * @category operations
 */
export const correctService = correction({
  tag: "CorrectService",
  summary: "correct a service's settings",
  access: access("NSONN", "write", "organisational", "correct a service's settings"),
  mapping: mappings.service,
  creator: registerService as unknown as Creator<typeof mappings.service.schema.Type>,
  fields: [
    "name",
    "description",
    "targetGroup",
    "localities",
    "principles",
    "freeOfCharge",
    "firstContactChannels",
    "config",
    "retentionMonths",
    "phones",
    "languages",
    "serviceAreas",
    "schedule"
  ],
  services: (s) => [s.id]
})

/**
 * Correct an organisation: `{ id, changes }` (name, description, email, website, country,
 * phones, reporting periods). Judged as `RegisterOrganisation`. This is how an organisation
 * declares its reporting periods after it was registered (a funder's school year, announced
 * later), or changes them: the corrected list must still keep every two periods from sharing a
 * month (`InvalidInput` on `reportingPeriods`, nothing stored), since overlapping periods could
 * be subtracted from one another. Each correction is audited and kept as a revision (the
 * organisation's change history, `recordChanges`).
 * @since 0.2.0
 * @category operations
 */
export const correctOrganisation = correction({
  tag: "CorrectOrganisation",
  summary: "correct an organisation (its reporting periods too)",
  access: access("NNONN", "write", "organisational", "correct an organisation, declare its reporting periods"),
  mapping: mappings.organisation,
  creator: registerOrganisation as unknown as Creator<typeof mappings.organisation.schema.Type>,
  fields: ["name", "description", "email", "website", "country", "phones", "reportingPeriods"],
  services: () => []
})

const RecordRef = Schema.Struct({
  kind: Schema.Literals(["contact", "person", "activity", "location", "service", "organisation"]),
  id: Schema.String,
  ...paging
})
type RecordRef = typeof RecordRef.Type

/** Store pages one `recordChanges` call of a person reads at most (see `recordChanges`). */
const CHANGES_BUDGET = 20

/** The services a correctable record belongs to, by its kind. */
const servicesOf = (r: unknown): ReadonlyArray<string> =>
  r instanceof Service
    ? [r.id]
    : r instanceof Location || r instanceof Organisation
    ? []
    : r instanceof Contact || r instanceof Activity
    ? [r.serviceId]
    : servicesOfPerson(r as Person)

/**
 * A record's change history, a page at a time: `{ kind, id, cursor?, limit? }` of a contact,
 * person, activity, location, service or organisation. Its revisions, oldest first, with their patches and who
 * made them when; `next` continues. A record's revisions are one range of the store's index: a
 * contact's, activity's, location's or service's by the record's own index token
 * (`IndexTokens.revisionsOf`), a person's among the revisions about the person (the person
 * index, which erasure renames: no token ever holds a person's id), at most a bounded number of
 * store pages per call (so a person's page may hold fewer than `limit` revisions and still have
 * a `next`). Revisions written before 0.2.0's index tokens are found after `rebuildIndex`.
 * Coordinators of the record's services (of any of their services for the organisation's
 * locations); audited.
 * @since 0.2.0
 * @category operations
 */
export const recordChanges = Operation.read<RecordRef>()({
  tag: "ReadChanges",
  summary: "read a record's change history",
  input: RecordRef,
  entity: "RecordRef",
  subject: Operation.existingOf<RecordRef, unknown>(
    [
      mappings.contact,
      mappings.person,
      mappings.activity,
      mappings.location,
      mappings.service,
      mappings.organisation
    ] as ReadonlyArray<Mapping<unknown>>,
    (i) => mappings[i.kind] as Mapping<unknown>,
    (i) => i.id,
    servicesOf
  ),
  answer: Effect.fnUntraced(function*(ctx, ref) {
    const result = yield* collect(
      ctx,
      mappings.revision,
      ref.kind === "person" ? { personId: ref.id } : { lookup: revisionsOf(ref.kind, ref.id) },
      ref,
      (r) => r.kind === ref.kind && r.recordId === ref.id,
      ref.kind === "person" ? CHANGES_BUDGET : Number.POSITIVE_INFINITY
    )
    return { result, audit: { operation: "ReadChanges", subjects: [{ kind: ref.kind, id: ref.id }] } }
  })
})

const VoidInput = Schema.Struct({ kind: Schema.Literals(voidable), id: Schema.String, reason: VoidReason })
type VoidInput = typeof VoidInput.Type
type VoidableRecord = Voided["record"]

/**
 * Void a record entered by mistake: `{ kind, id, reason }` of a contact, activity, outcome
 * measurement or volunteer hours. The record moves to the kind `voided` (left out of reports
 * and lists, kept for the audit and the person's own export); only roles the matrix allows.
 * @since 0.2.0
 * @category operations
 */
export const voidRecord = Operation.write<VoidInput>()({
  tag: "VoidRecord",
  summary: "void a record entered by mistake",
  access: access(
    "NSNNN",
    "write",
    "confidential",
    "void a record entered by mistake (kept for the audit and the person's export)"
  ),
  input: VoidInput,
  entity: "VoidRecord",
  subject: Operation.existingOf<VoidInput, VoidableRecord>(
    voidable.map((k) => mappings[k] as Mapping<VoidableRecord>),
    (i) => mappings[i.kind] as Mapping<VoidableRecord>,
    (i) => i.id,
    (r) => [r.serviceId]
  ),
  decide: Effect.fnUntraced(function*(ctx, request, current) {
    const service = yield* ctx.load(mappings.service, current.value.serviceId)
    const voided = {
      kind: request.kind,
      reason: request.reason,
      voidedBy: ctx.actor.id,
      voidedAt: ctx.now,
      version: current.version,
      record: current.value
    } as Voided
    return {
      command: { _tag: "VoidRecord", kind: request.kind, id: request.id, reason: request.reason } as const,
      service: service.value,
      changes: [Operation.change(mappings.voided, voided, 0)],
      deletes: [{ kind: request.kind, id: request.id, expectedVersion: current.version }],
      result: voided
    }
  })
})
