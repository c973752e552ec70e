/**
 * Finding a person again: by the blind index of their nickname or code (see `BlindIndex`), never
 * by a plaintext name, narrowed by identity level, age band and active cooperation.
 *
 * @since 0.2.0
 */
import { Effect, Schema } from "effect"
import { AgeBand, ShortText } from "../../model/Common.js"
import * as Ids from "../../model/Ids.js"
import { IdentityLevel, type Person } from "../../model/Person.js"
import type * as BlindIndex from "../../privacy/BlindIndex.js"
import type { Context } from "../Operation.js"
import * as Operation from "../Operation.js"
import { mappings } from "../Records.js"
import { redactNotes } from "./reads.js"

/**
 * The most people one `findPeople` answer holds (`limit`'s upper bound).
 * @since 0.2.0
 * @category models
 */
export const MAX_FIND_PAGE = 100

/** The page size when the caller names none. */
const DEFAULT_FIND_PAGE = 20

/**
 * The most people sharing one token the store is asked for: a nickname is shared by a few people
 * of a service, never thousands; more are left out (say so in `more`).
 */
const MAX_MATCHES = 1_000

const FindPeopleInput = Schema.Struct({
  serviceId: Ids.ServiceId,
  nickname: Schema.optionalKey(ShortText),
  code: Schema.optionalKey(ShortText),
  identityLevel: Schema.optionalKey(IdentityLevel),
  ageBand: Schema.optionalKey(AgeBand),
  activeCooperation: Schema.optionalKey(Schema.Boolean),
  limit: Schema.optionalKey(
    Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: MAX_FIND_PAGE }))
  )
}).check(
  Schema.makeFilter((i) =>
    i.nickname !== undefined || i.code !== undefined ||
    { path: ["nickname"], issue: "a nickname or a code is required (there is no search by prefix)" }
  )
)

/**
 * What `findPeople` takes: the service, a nickname or a code (at least one; both must match when
 * both are given), and optional narrowing filters and page size.
 * @since 0.2.0
 * @category models
 */
export type FindPeopleInput = typeof FindPeopleInput.Type

/**
 * What `findPeople` answers: the people found (ordered by registration time, then id), and
 * whether more matched than the page holds (narrow the search to see them).
 * @since 0.2.0
 * @category models
 */
export interface FoundPeople {
  readonly people: ReadonlyArray<Person>
  readonly more: boolean
}

/** The ids of the people holding the token of `value` in the service. */
const matching = (ctx: Context, serviceId: string, field: BlindIndex.Field, value: string) =>
  Effect.flatMap(
    ctx.lookupToken(serviceId, field, value),
    (token) =>
      token === undefined
        ? Effect.succeed<ReadonlyArray<string>>([])
        : Effect.map(
          ctx.store.list({ kind: mappings.person.kind, lookup: token, limit: MAX_MATCHES }),
          (records) => records.map((r) => r.id)
        )
  )

const cooperatesNow = (ctx: Context, person: Person, serviceId: string) =>
  Effect.map(
    ctx.loadAll(mappings.cooperation, { personId: person.id }),
    (cooperations) => cooperations.some((c) => c.value.serviceId === serviceId && c.value.endedAt === undefined)
  )

/**
 * Find people of a service again: `{ serviceId, nickname?, code?, identityLevel?, ageBand?,
 * activeCooperation?, limit? }`. A nickname or a code is required and matches whole, however it
 * is typed ("Kuba", "kuba " and "KUBA" are one nickname), through the service's blind index:
 * never a prefix (a prefix index would leak: see `BlindIndex`). The people found are those of
 * the service and those shared with it; notes only for roles that may read them. At most
 * `limit` people (default 20, at most {@link MAX_FIND_PAGE}); `more` says whether more matched.
 * Finding identified people is audited. Needs the application's pseudonym key
 * (`Pseudonym.layer`) provided with the case-work layer: without it, `InvalidCommand` on `nickname`
 * (or `code`).
 * @since 0.2.0
 * @category operations
 */
export const findPeople = Operation.read<typeof FindPeopleInput.Encoded>()({
  tag: "FindPeople",
  summary: "find people of a service by nickname or code",
  input: FindPeopleInput,
  entity: "FindPeople",
  subject: Operation.newService((i: FindPeopleInput) => i.serviceId),
  answer: Effect.fnUntraced(function*(ctx, input) {
    const criteria: Array<readonly [BlindIndex.Field, string]> = []
    if (input.nickname !== undefined) criteria.push(["nickname", input.nickname])
    if (input.code !== undefined) criteria.push(["code", input.code])
    const sets = yield* Effect.forEach(criteria, ([field, value]) => matching(ctx, input.serviceId, field, value))
    const ids = sets.reduce((acc, ids) => acc.filter((id) => ids.includes(id)))
    const limit = input.limit ?? DEFAULT_FIND_PAGE
    const people: Array<Person> = []
    let more = false
    for (const id of ids) {
      const person = (yield* ctx.load(mappings.person, id)).value
      // The token is the service's: the person is known to it (checked again all the same).
      if (person.serviceId !== input.serviceId && !person.sharedWith.includes(input.serviceId)) continue
      if (input.identityLevel !== undefined && person._tag !== input.identityLevel) continue
      if (input.ageBand !== undefined && person.ageBand !== input.ageBand) continue
      if (
        input.activeCooperation !== undefined &&
        (yield* cooperatesNow(ctx, person, input.serviceId)) !== input.activeCooperation
      ) continue
      if (people.length === limit) {
        more = true
        break
      }
      people.push(redactNotes(ctx, person))
    }
    const identified = people.filter((p) => p._tag === "identified")
    const result: FoundPeople = { people, more }
    return {
      result,
      ...(identified.length > 0
        ? { audit: { operation: "FindPeople", subjects: identified.map((p) => ({ kind: "person", id: p.id })) } }
        : {})
    }
  })
})
