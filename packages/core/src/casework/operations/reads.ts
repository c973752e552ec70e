/**
 * Reads of one person: the person, their history as the reader may see it, and the
 * subject-access export.
 *
 * @since 0.2.0
 */
import { Effect } from "effect"
import { Contact } from "../../model/Contact.js"
import { historyEntries } from "../../model/Entity.js"
import * as Ids from "../../model/Ids.js"
import { IdentifiedPerson, type Person, PseudonymousPerson } from "../../model/Person.js"
import type { Voided } from "../../model/Voided.js"
import * as SubjectAccess from "../../privacy/SubjectAccess.js"
import type { History } from "../Config.js"
import type { Context } from "../Operation.js"
import * as Operation from "../Operation.js"
import * as PlanRecords from "../planRecords.js"
import { type Mapping, mappings } from "../Records.js"
import { servicesOfPerson } from "./people.js"

/** The person without their notes, unless the actor may read confidential notes in their service. */
export const redactNotes = (ctx: Context, person: Person): Person => {
  if (person._tag === "anonymous" || person.notes === undefined) return person
  if (ctx.may("ReadConfidentialNote", person.serviceId)) return person
  const { notes: _notes, _tag, ...rest } = person
  return _tag === "pseudonymous" ? new PseudonymousPerson(rest as never) : new IdentifiedPerson(rest as never)
}

/** Everything about a person; with `visible`, only the records of the services it admits. */
const historyOf = Effect.fnUntraced(
  function*(ctx: Context, person: Person, visible?: (serviceId: string | null) => boolean) {
    const q = { personId: person.id }
    const values = <A>(m: Mapping<A>) =>
      Effect.map(
        ctx.loadAll(m, q),
        (xs) => xs.map((x) => x.value).filter((x) => visible === undefined || visible(m.index(x).serviceId))
      )
    // Every record that names the person, by the history sections of the entity catalogue.
    const sections = yield* Effect.forEach(
      historyEntries,
      (entry) => Effect.map(values(entry as Mapping<unknown>), (xs) => [entry.history, xs] as const)
    )
    const stored = { person, ...Object.fromEntries(sections) } as History
    // A plan's steps are records of their own: each plan is shown whole.
    if (stored.plans === undefined || stored.plans.length === 0) {
      return stored
    }
    const steps = yield* values(PlanRecords.stepMapping)
    const history: History = { ...stored, plans: stored.plans.map((plan) => PlanRecords.assemble(plan, steps)) }
    return history
  }
)

/**
 * Read one person: `personId`. Notes only for roles that may read them; an identified person's
 * read is audited. A person of a service the actor cannot see is `NotFound`, like an unknown id.
 * @since 0.2.0
 * @category operations
 */
export const getPerson = Operation.read<string>()({
  tag: "ReadPerson",
  summary: "read a person's record",
  input: Ids.PersonId,
  entity: "PersonId",
  subject: Operation.existing(mappings.person, (id: Ids.PersonId) => id, servicesOfPerson),
  answer: (ctx, id, person) =>
    Effect.succeed({
      result: redactNotes(ctx, person.value),
      ...(person.value._tag === "identified"
        ? { audit: { operation: "ReadIdentifiedPerson", subjects: [{ kind: "person", id }] } }
        : {})
    })
})

/**
 * A person's history as the actor may see it: `personId`. Only records of services where the
 * actor may read history; contact notes only where they may read confidential notes. Audited
 * when the person is identified.
 * @since 0.2.0
 * @category operations
 */
export const personHistory = Operation.read<string>()({
  tag: "ReadHistory",
  summary: "read a person's history",
  input: Ids.PersonId,
  entity: "PersonId",
  subject: Operation.existing(mappings.person, (id: Ids.PersonId) => id, servicesOfPerson),
  answer: Effect.fnUntraced(function*(ctx, id, person) {
    const history = yield* historyOf(
      ctx,
      redactNotes(ctx, person.value),
      (s) => s !== null && ctx.may("ReadHistory", s)
    )
    const result: History = {
      ...history,
      contacts: (history.contacts ?? []).map((c) => {
        if (c.note === undefined || ctx.may("ReadConfidentialNote", c.serviceId)) return c
        const { note: _note, ...rest } = c
        return new Contact(rest)
      })
    }
    return {
      result,
      ...(person.value._tag === "identified"
        ? { audit: { operation: "ReadHistory", subjects: [{ kind: "person", id }] } }
        : {})
    }
  })
})

/**
 * A subject-access export (GDPR Art. 15 and 20): everything recorded about the person in every
 * service, as a machine-readable document. Made for the person, so it holds every service's
 * records and says so (`coverage: "every-service"`, `services`). Always audited.
 * @since 0.2.0
 * @category operations
 */
export const exportPerson = Operation.read<string>()({
  tag: "ExportPerson",
  summary: "export everything about a person for them",
  input: Ids.PersonId,
  entity: "PersonId",
  subject: Operation.existing(mappings.person, (id: Ids.PersonId) => id, servicesOfPerson),
  answer: Effect.fnUntraced(function*(ctx, id, person) {
    const history = yield* historyOf(ctx, person.value)
    const document = SubjectAccess.exportPerson(history, { generatedAt: ctx.now })
    const services = new Set<string>(servicesOfPerson(person.value))
    for (
      const kind of [
        "cooperations",
        "contacts",
        "consents",
        "disclosures",
        "plans",
        "measurements",
        "activities"
      ] as const
    ) {
      for (const r of history[kind] ?? []) services.add(r.serviceId)
    }
    for (const r of history.referrals ?? []) services.add(r.fromServiceId)
    const voided = yield* voidedOf(ctx, person.value)
    for (const v of voided) services.add(v.record.serviceId)
    const result: ExportDocument = { ...document, coverage: "every-service", services: [...services].sort(), voided }
    return { result, audit: { operation: "ExportPerson", subjects: [{ kind: "person", id }] } }
  })
})

/**
 * A voided record in the person's export: why and when it was voided, and the record as it was
 * (what it says about other people withheld, as in the rest of the export).
 * @since 0.2.0
 * @category models
 */
export interface VoidedEntry {
  readonly kind: Voided["kind"]
  readonly reason: Voided["reason"]
  readonly voidedAt: Voided["voidedAt"]
  readonly record: Voided["record"]
}

/** The person's voided records, each withheld as its kind is in the export. */
const voidedOf = Effect.fnUntraced(function*(ctx: Context, person: Person) {
  const all = (yield* ctx.loadAll(mappings.voided, { personId: person.id })).map((v) => v.value)
  const of = <K extends Voided["kind"]>(kind: K) =>
    all.filter((v): v is Extract<Voided, { readonly kind: K }> => v.kind === kind)
  // The export's own withholding (other participants and attendees become counts) applies.
  const shown = SubjectAccess.exportPerson({
    person,
    contacts: of("contact").map((v) => v.record),
    activities: of("activity").map((v) => v.record),
    measurements: of("measurement").map((v) => v.record)
  }, { generatedAt: ctx.now })
  const records = new Map<string, Voided["record"]>(
    [...shown.contacts, ...shown.activities, ...shown.measurements].map((r) => [r.id, r])
  )
  return all.flatMap((v): ReadonlyArray<VoidedEntry> => {
    const record = records.get(v.record.id)
    return record === undefined ? [] : [{ kind: v.kind, reason: v.reason, voidedAt: v.voidedAt, record }]
  })
})

/**
 * The subject-access document, saying that it covers every service that holds the person's data.
 * @since 0.2.0
 * @category models
 */
export type ExportDocument = SubjectAccess.SubjectAccessDocument & {
  readonly coverage: "every-service"
  readonly services: ReadonlyArray<string>
  /** The person's records that were voided (left out of reports and lists, kept for them). */
  readonly voided: ReadonlyArray<VoidedEntry>
}
