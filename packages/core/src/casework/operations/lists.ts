/**
 * Lists: the records a worker goes through in a day, a page at a time. Every list is scoped to
 * one service (the actor is authorised there by the operation's access row before anything is
 * read), found in the store through its indexes, and paged with an opaque cursor and a bounded
 * page size. A list filters records only by what they are (a plan still open, a consent in
 * force), never by who asks: so a page never leaves out a record the actor may not see, and never
 * says how many it left out. Voided records have left their kind and are never listed.
 *
 * @since 0.2.0
 */
import { DateTime, Effect, Schema } from "effect"
import { InvalidInput } from "../../Decode.js"
import type { Volunteer } from "../../model/Activity.js"
import * as Ids from "../../model/Ids.js"
import type { Person } from "../../model/Person.js"
import * as Referral from "../../model/Referral.js"
import * as Periods from "../../reports/Periods.js"
import { DEFAULT_PAGE_SIZE, type GuardedFilter, MAX_PAGE_SIZE } from "../../store/contract.js"
import { decodeCursor, encodeCursor } from "../../store/cursor.js"
import { compareText } from "../../store/order.js"
import type { CaseworkError } from "../Config.js"
import { referredTo, sharedInto } from "../IndexTokens.js"
import { type Counts, countsOf, type Page, type PeopleBy, withCounts } from "./counts.js"

export type { Counts, Page, PeopleBy } from "./counts.js"
import type { Context } from "../Operation.js"
import * as Operation from "../Operation.js"
import { type Mapping, mappings } from "../Records.js"
import { redactNote, redactNotes } from "./reads.js"
import { Bound, onePeriod } from "./reports.js"

const NamedPeriod = Periods.NamedPeriod
const iso = (bound: DateTime.Utc | string) =>
  typeof bound === "string" ? `${bound}T00:00:00.000Z` : DateTime.formatIso(bound)
/** The store bounds of a request's period: a named period, or `from` and `to`, or none. */
const periodOf = (request: {
  readonly period?: string | undefined
  readonly from?: DateTime.Utc | string | undefined
  readonly to?: DateTime.Utc | string | undefined
}): { readonly from?: string; readonly to?: string } =>
  request.period !== undefined
    ? Periods.boundsOf(request.period)
    : {
      ...(request.from !== undefined ? { from: iso(request.from) } : {}),
      ...(request.to !== undefined ? { to: iso(request.to) } : {})
    }

/**
 * The counts of the people shared into a service now (the second part of `listPeople`), read
 * through the same index range and the same test as its pages: each person once, or by code
 * the token of their code in their own service (as the store's `distinctBy: "code"` tells
 * people apart).
 */
const sharedCounts = (
  ctx: Context,
  serviceId: string,
  sharedNow: (p: Person) => boolean,
  peopleBy: PeopleBy | undefined
): Effect.Effect<Counts, CaseworkError> =>
  Effect.gen(function*() {
    let records = 0
    const people = new Set<string>()
    let cursor: string | undefined
    do {
      const page: Page<Person> = yield* collect(
        ctx,
        mappings.person,
        { lookup: sharedInto(serviceId) },
        { limit: MAX_PAGE_SIZE, ...(cursor === undefined ? {} : { cursor }) },
        sharedNow
      )
      for (const p of page.items) {
        records++
        const code = peopleBy !== "code" || p._tag === "anonymous" || p.code === undefined
          ? undefined
          : yield* Effect.orElseSucceed(ctx.lookupToken(p.serviceId, "code", p.code), () => undefined)
        people.add(code === undefined ? `p:${p.id}` : `c:${code}`)
      }
      cursor = page.next
    } while (cursor !== undefined)
    return { records, distinctPeople: people.size, anonymous: 0 }
  })

/**
 * The paging fields of a list's input: `cursor` (the `next` of the page before) and `limit`.
 * @since 0.2.0
 * @category models
 */
export const paging = {
  /** The `next` cursor of the page before, as it was returned. */
  cursor: Schema.optionalKey(Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(2048))),
  /** Items per page, 1 to 500 (50 when absent). */
  limit: Schema.optionalKey(
    Schema.Int.check(Schema.isGreaterThanOrEqualTo(1), Schema.isLessThanOrEqualTo(MAX_PAGE_SIZE))
  )
}
const period = {
  from: Schema.optionalKey(Bound),
  to: Schema.optionalKey(Bound),
  /** Instead of `from`/`to`: a named year, quarter or month. */
  period: Schema.optionalKey(NamedPeriod)
}

/**
 * Whether a list also counts what its whole period holds (see {@link Counts}), and how it tells
 * people apart (`peopleBy`: by id, the default, or by code).
 */
const counting = {
  count: Schema.optionalKey(Schema.Boolean),
  peopleBy: Schema.optionalKey(Schema.Literals(["id", "code"]))
}

const ServiceList = Schema.Struct({ serviceId: Ids.ServiceId, ...paging })
const PeopleList = Schema.Struct({ serviceId: Ids.ServiceId, ...paging, ...counting })
const PeriodList = Schema.Struct({ serviceId: Ids.ServiceId, ...period, ...paging, ...counting }).check(onePeriod)
const PersonList = Schema.Struct({ serviceId: Ids.ServiceId, personId: Ids.PersonId, ...paging })
const ReferralList = Schema.Struct({
  serviceId: Ids.ServiceId,
  personId: Schema.optionalKey(Ids.PersonId),
  /** `made` (the default): referrals the service made; `received`: referrals made to it. */
  direction: Schema.optionalKey(Schema.Literals(["made", "received"])),
  ...paging
})
const ConsentList = Schema.Struct({
  serviceId: Ids.ServiceId,
  personId: Schema.optionalKey(Ids.PersonId),
  ...paging
})

/**
 * The indexed filters of a list (see `Store.PageQuery`).
 * @since 0.2.0
 * @category models
 */
export interface Filters {
  readonly serviceId?: string
  readonly personId?: string
  /** Inclusive lower bound on the record's time (ISO 8601). */
  readonly from?: string
  /** Exclusive upper bound on the record's time (ISO 8601). */
  readonly to?: string
  /** An index token the records hold (see `IndexTokens`, `BlindIndex`). */
  readonly lookup?: string
  /** What other records' guard keys say of the records (see `Store.GuardedFilter`). */
  readonly guarded?: GuardedFilter
}

/**
 * A page of the records of `m` matching `filters` (indexed: found by the store) and `keep` (what
 * a record is, never who asks; a boolean, or an effect answering one), filled up to the page size
 * from as many store pages as it takes, or at most `budget` store pages (then the page may be
 * short, with a `next`).
 * @since 0.2.0
 * @category combinators
 */
export const collect = <A>(
  ctx: Context,
  m: Mapping<A>,
  filters: Filters,
  request: { readonly cursor?: string | undefined; readonly limit?: number | undefined },
  keep: (a: A) => boolean | Effect.Effect<boolean, CaseworkError> = () => true,
  budget = Number.POSITIVE_INFINITY
): Effect.Effect<Page<A>, CaseworkError> =>
  Effect.gen(function*() {
    const limit = request.limit ?? DEFAULT_PAGE_SIZE
    const items: Array<A> = []
    let cursor = request.cursor
    for (let read = 1;; read++) {
      const page = yield* ctx.loadPage(m, {
        kind: m.kind,
        ...filters,
        limit,
        ...(cursor === undefined ? {} : { cursor })
      })
      for (const [i, item] of page.items.entries()) {
        const kept = keep(item.loaded.value)
        if (!(typeof kept === "boolean" ? kept : yield* kept)) continue
        items.push(item.loaded.value)
        if (items.length === limit) {
          const last = i === page.items.length - 1 && page.next === undefined
          return last ? { items } : { items, next: encodeCursor({ kind: m.kind, ...filters }, item) }
        }
      }
      if (page.next === undefined) return { items }
      if (read >= budget) return { items, next: page.next }
      cursor = page.next
    }
  })

const byService = (i: { readonly serviceId: Ids.ServiceId }) => i.serviceId

/** Where a page of `listPeople` starts: in the service's own people, or in those shared into it. */
const peopleCursor = (cursor: string | undefined) =>
  cursor === undefined
    ? { phase: "own" as const }
    : cursor.startsWith("o.")
    ? { phase: "own" as const, cursor: cursor.slice(2) }
    : cursor === "s."
    ? { phase: "shared" as const }
    : cursor.startsWith("s.")
    ? { phase: "shared" as const, cursor: cursor.slice(2) }
    : undefined

const badCursor = (entity: string) =>
  new InvalidInput({ entity, problems: [{ path: "cursor", rule: "cursor must be one a page of this query returned" }] })

/**
 * The people of a service: those registered in it, by registration time, then those shared into
 * it from another service (on their consent, `sharePerson`), by registration time: `{ serviceId,
 * cursor?, limit?, count? }`. Both are index ranges (the service's people; the index token of
 * the people shared into it, `IndexTokens.sharedInto`). Notes only for roles that may read them;
 * a page holding identified people is audited (naming them). With `count: true`, `counts` holds
 * the number of people the whole list holds, its own and those shared into it now, as its pages
 * list them (`records`, `distinctPeople`; with `peopleBy: "code"`, people with the same code once).
 * @since 0.2.0
 * @category operations
 */
export const listPeople = Operation.read<typeof PeopleList.Encoded>()({
  tag: "ListPeople",
  summary: "list the people of a service, a page at a time",
  input: PeopleList,
  entity: "ListPeople",
  subject: Operation.newService(byService),
  answer: Effect.fnUntraced(function*(ctx, request) {
    const at = peopleCursor(request.cursor)
    if (at === undefined) return yield* Effect.fail(badCursor("ListPeople"))
    const limit = request.limit ?? DEFAULT_PAGE_SIZE
    const shared = { lookup: sharedInto(request.serviceId) }
    // Shared into the service now: a sharing consent that expired ends the sharing (see sharing.ts).
    const sharedNow = (p: Person) => p.sharedWith.includes(request.serviceId)
    let page: Page<Person>
    if (at.phase === "own") {
      const own = yield* collect(ctx, mappings.person, { serviceId: request.serviceId }, { limit, cursor: at.cursor })
      if (own.next !== undefined) page = { items: own.items, next: `o.${own.next}` }
      else if (own.items.length === limit) page = { items: own.items, next: "s." }
      else {
        const rest = yield* collect(ctx, mappings.person, shared, { limit: limit - own.items.length }, sharedNow)
        page = {
          items: [...own.items, ...rest.items],
          ...(rest.next === undefined ? {} : { next: `s.${rest.next}` })
        }
      }
    } else {
      const rest = yield* collect(ctx, mappings.person, shared, { limit, cursor: at.cursor }, sharedNow)
      page = { items: rest.items, ...(rest.next === undefined ? {} : { next: `s.${rest.next}` }) }
    }
    // The service's own people (counted by the store) and those shared into it now (the same
    // range and test as the pages): never the same person twice, as nobody is shared into
    // their own service.
    const counted = yield* withCounts(
      page,
      request,
      () =>
        Effect.zipWith(
          countsOf(ctx, "person", { serviceId: request.serviceId }, request.peopleBy),
          sharedCounts(ctx, request.serviceId, sharedNow, request.peopleBy),
          (own, shared) => ({
            records: own.records + shared.records,
            distinctPeople: own.distinctPeople + shared.distinctPeople,
            anonymous: 0
          })
        )
    )
    const identified = page.items.filter((p) => p._tag === "identified")
    return {
      result: { ...counted, items: page.items.map((p) => redactNotes(ctx, p)) },
      ...(identified.length > 0
        ? { audit: { operation: "ListPeople", subjects: identified.map((p) => ({ kind: "person", id: p.id })) } }
        : {})
    }
  })
})

/**
 * The contacts of a service in a period, by time: `{ serviceId, from?, to?, period?, cursor?,
 * limit? }` (`from`/`to` instants or days, `to` exclusive; or a named `period` such as
 * `2026-05`). Notes only for roles that may read them.
 * @since 0.2.0
 * @category operations
 */
export const listContacts = Operation.read<typeof PeriodList.Encoded>()({
  tag: "ReadHistory",
  summary: "list the contacts of a service in a period, a page at a time",
  input: PeriodList,
  entity: "ListContacts",
  subject: Operation.newService(byService),
  answer: Effect.fnUntraced(function*(ctx, request) {
    const filters = { serviceId: request.serviceId, ...periodOf(request) }
    const page = yield* collect(ctx, mappings.contact, filters, request)
    const counted = yield* withCounts(
      page,
      request,
      () => countsOf(ctx, "contact", filters, request.peopleBy, "anonymousCount")
    )
    return { result: { ...counted, items: page.items.map((c) => redactNote(ctx, c)) } }
  })
})

/**
 * The group activities of a service in a period, by start time: `{ serviceId, from?, to?,
 * period?, cursor?, limit? }`.
 * @since 0.2.0
 * @category operations
 */
export const listActivities = Operation.read<typeof PeriodList.Encoded>()({
  tag: "ReadActivity",
  summary: "list the activities of a service in a period, a page at a time",
  input: PeriodList,
  entity: "ListActivities",
  subject: Operation.newService(byService),
  answer: Effect.fnUntraced(function*(ctx, request) {
    const filters = { serviceId: request.serviceId, ...periodOf(request) }
    const page = yield* collect(ctx, mappings.activity, filters, request)
    const result = yield* withCounts(
      page,
      request,
      () => countsOf(ctx, "activity", filters, request.peopleBy, "anonymousAttendance")
    )
    return { result }
  })
})

/**
 * A person's open plans with a service, by creation time: `{ serviceId, personId, cursor?,
 * limit? }`. A plan is open until `closePlan` closes it.
 * @since 0.2.0
 * @category operations
 */
export const listOpenPlans = Operation.read<typeof PersonList.Encoded>()({
  tag: "ReadPlan",
  summary: "list a person's open plans with a service",
  input: PersonList,
  entity: "ListPlans",
  subject: Operation.newService(byService),
  answer: (ctx, request) =>
    Effect.map(
      collect(
        ctx,
        mappings.plan,
        { serviceId: request.serviceId, personId: request.personId },
        request,
        (plan) => plan.closedAt === undefined
      ),
      (result) => ({ result })
    )
})

/**
 * Open referrals (requested or accepted), by time: `{ serviceId, personId?, direction?, cursor?,
 * limit? }`. `direction: "made"` (the default): those the service made; `"received"`: those
 * made to it by another service of the organisation (`toServiceId`), which it answers
 * (`answerReferral`). Optionally of one person. Both are index ranges (the service's referrals;
 * the index token of the referrals made to it, `IndexTokens.referredTo`).
 * @since 0.2.0
 * @category operations
 */
export const listOpenReferrals = Operation.read<typeof ReferralList.Encoded>()({
  tag: "ReadReferral",
  summary: "list the open referrals a service made or received",
  input: ReferralList,
  entity: "ListReferrals",
  subject: Operation.newService(byService),
  answer: (ctx, request) =>
    Effect.map(
      collect(
        ctx,
        mappings.referral,
        {
          ...(request.direction === "received"
            ? { lookup: referredTo(request.serviceId) }
            : { serviceId: request.serviceId }),
          ...(request.personId === undefined ? {} : { personId: request.personId })
        },
        request,
        (r) => Referral.transitions[Referral.status(r)].length > 0
      ),
      (result) => ({ result })
    )
})

/**
 * The consents in force now in a service, by the time they were given: `{ serviceId, personId?,
 * cursor?, limit? }`. In force: valid now and not withdrawn.
 * @since 0.2.0
 * @category operations
 */
export const listConsentsInForce = Operation.read<typeof ConsentList.Encoded>()({
  tag: "ReadConsent",
  summary: "list the consents in force in a service",
  input: ConsentList,
  entity: "ListConsents",
  subject: Operation.newService(byService),
  answer: (ctx, request) =>
    Effect.map(
      collect(
        ctx,
        mappings.consent,
        { serviceId: request.serviceId, ...(request.personId === undefined ? {} : { personId: request.personId }) },
        request,
        (c) =>
          DateTime.isLessThanOrEqualTo(c.validFrom, ctx.now) &&
          (c.validUntil === undefined || DateTime.isLessThanOrEqualTo(ctx.now, c.validUntil)) &&
          (c.withdrawnAt === undefined || DateTime.isLessThan(ctx.now, c.withdrawnAt))
      ),
      (result) => ({ result })
    )
})

/**
 * The volunteers of a service, by id: `{ serviceId, cursor?, limit? }`. A volunteer of a service
 * is one whose linked staff member (`setStaff`'s `volunteerId`) holds a volunteer grant for it
 * (or for every service). Coordinators see the volunteers of their services, administrators
 * those of every service.
 * @since 0.2.0
 * @category operations
 */
export const listVolunteers = Operation.read<typeof ServiceList.Encoded>()({
  tag: "ReadVolunteer",
  summary: "list the volunteers of a service, a page at a time",
  input: ServiceList,
  entity: "ListVolunteers",
  subject: Operation.newService(byService),
  answer: Effect.fnUntraced(function*(ctx, request) {
    const scope = { kind: mappings.volunteer.kind, serviceId: request.serviceId }
    let after = ""
    if (request.cursor !== undefined) {
      const position = decodeCursor(scope, request.cursor)
      if (position === undefined) {
        return yield* Effect.fail(
          new InvalidInput({
            entity: "ListVolunteers",
            problems: [{ path: "cursor", rule: "cursor must be one a page of this query returned" }]
          })
        )
      }
      after = position.id
    }
    // The directory is small (an organisation's staff): its links are read whole, then paged by id.
    const linked = new Set<string>()
    for (const member of yield* ctx.staff) {
      const serves = member.grants.some((g) =>
        g.role === "volunteer" && (g.services === "*" || g.services.includes(request.serviceId))
      )
      if (serves && member.volunteerId !== undefined) linked.add(member.volunteerId)
    }
    const ids = [...linked].filter((id) => compareText(id, after) > 0).sort(compareText)
    const limit = request.limit ?? DEFAULT_PAGE_SIZE
    const items: Array<Volunteer> = []
    for (const id of ids.slice(0, limit)) {
      // A link to a volunteer record that is gone lists nothing.
      const found = yield* ctx.load(mappings.volunteer, id).pipe(
        Effect.map((l): Volunteer | undefined => l.value),
        Effect.catchTag("NotFound", () => Effect.succeed(undefined))
      )
      if (found !== undefined) items.push(found)
    }
    const result: Page<Volunteer> = ids.length > limit
      ? { items, next: encodeCursor(scope, { at: null, id: ids[limit - 1]! }) }
      : { items }
    return { result }
  })
})
