/**
 * Finding a person again: by the blind index of their nickname or code (see `BlindIndex`), never
 * by a plaintext name, narrowed by identity level, age band and active cooperation. The store
 * answers the search and its narrowing by identity level and age band from its index, one exact
 * match (`BlindIndex.narrowed`), a page at a time with an opaque cursor.
 *
 * @since 0.2.0
 */
import { Effect, Schema } from "effect"
import { AgeBand, ShortText } from "../../model/Common.js"
import * as Ids from "../../model/Ids.js"
import { IdentityLevel, type Person } from "../../model/Person.js"
import * as BlindIndex from "../../privacy/BlindIndex.js"
import { normalise } from "../../privacy/Pseudonym.js"
import type { GuardedFilter } from "../../store/contract.js"
import * as Operation from "../Operation.js"
import { mappings } from "../Records.js"
import { collect, paging } from "./lists.js"
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
 * The store pages one answer reads at most when a filter the index does not answer (a nickname
 * next to a code) leaves people out: then a page may be short and still have a `next`.
 */
const FIND_BUDGET = 10

const FindPeopleInput = Schema.Struct({
  serviceId: Ids.ServiceId,
  nickname: Schema.optionalKey(ShortText),
  code: Schema.optionalKey(ShortText),
  identityLevel: Schema.optionalKey(IdentityLevel),
  ageBand: Schema.optionalKey(AgeBand),
  activeCooperation: Schema.optionalKey(Schema.Boolean),
  limit: Schema.optionalKey(
    Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: MAX_FIND_PAGE }))
  ),
  cursor: paging.cursor
}).check(
  Schema.makeFilter((i) =>
    i.nickname !== undefined || i.code !== undefined ||
    { path: ["nickname"], issue: "a nickname or a code is required (there is no search by prefix)" }
  )
)

/**
 * What `findPeople` takes: the service, a nickname or a code (at least one; both must match when
 * both are given), optional narrowing filters, a page size and the `next` cursor of the page
 * before.
 * @since 0.2.0
 * @category models
 */
export type FindPeopleInput = typeof FindPeopleInput.Type

/**
 * What `findPeople` answers: a page of the people found (ordered by registration time, then id),
 * whether more may follow (`more`), and the cursor of the next page (`next`, absent on the last).
 * @since 0.2.0
 * @category models
 */
export interface FoundPeople {
  readonly people: ReadonlyArray<Person>
  readonly more: boolean
  /**
   * The cursor of the next page: give it back as `cursor` with the same search.
   * @since 0.2.0
   */
  readonly next?: string
}

/**
 * The store's filter of the people with (`true`) or without (`false`) an active cooperation with
 * a service: an active cooperation holds the guard key `active/<person>/<service>` (see
 * `Entity`), which the store finds by its index.
 */
const cooperating = (serviceId: string, present: boolean): GuardedFilter => ({
  kind: mappings.cooperation.kind,
  prefix: "active/",
  suffix: `/${serviceId}`,
  present
})

/**
 * Find people of a service again: `{ serviceId, nickname?, code?, identityLevel?, ageBand?,
 * activeCooperation?, limit?, cursor? }`. A nickname or a code is required and matches whole,
 * however it is typed ("Kuba", "kuba " and "KUBA" are one nickname; case is folded, so "ß" and
 * "SS" are one too), through the service's blind index: never a prefix (a prefix index would
 * leak: see `BlindIndex`). The people found are those of the service and those shared with it;
 * notes only for roles that may read them. The store finds them by the token of the code (or
 * else the nickname) narrowed by identity level and age band, in its index, and keeps those with
 * (or without) an active cooperation with the service by its index of guard keys; a nickname
 * given next to a code is checked on each page. At most `limit` people a page
 * (default 20, at most {@link MAX_FIND_PAGE}); `next` continues (`more` says whether it is
 * there). Finding identified people is audited. Needs the application's pseudonym key
 * (`Pseudonym.layer`) provided with the case-work layer: without it, `InvalidCommand` on
 * `nickname` (or `code`).
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
    const [field, value]: readonly [BlindIndex.Field, string] = input.code !== undefined
      ? ["code", input.code]
      : ["nickname", input.nickname!]
    const token = yield* ctx.lookupToken(input.serviceId, field, value)
    const nickname = input.code !== undefined && input.nickname !== undefined ? normalise(input.nickname) : undefined
    const page = token === undefined
      ? { items: [] }
      : yield* collect(
        ctx,
        mappings.person,
        {
          lookup: BlindIndex.narrowed(token, input),
          ...(input.activeCooperation === undefined
            ? {}
            : { guarded: cooperating(input.serviceId, input.activeCooperation) })
        },
        { limit: input.limit ?? DEFAULT_FIND_PAGE, ...(input.cursor === undefined ? {} : { cursor: input.cursor }) },
        (person) =>
          // The token is the service's: the person is known to it (checked again all the same).
          !((person.serviceId !== input.serviceId && !person.sharedWith.includes(input.serviceId)) ||
            (nickname !== undefined && (person._tag === "anonymous" || person.nickname === undefined ||
              normalise(person.nickname) !== nickname))),
        FIND_BUDGET
      )
    const people = page.items.map((p) => redactNotes(ctx, p))
    const identified = people.filter((p) => p._tag === "identified")
    const result: FoundPeople = {
      people,
      more: page.next !== undefined,
      ...(page.next === undefined ? {} : { next: page.next })
    }
    return {
      result,
      ...(identified.length > 0
        ? { audit: { operation: "FindPeople", subjects: identified.map((p) => ({ kind: "person", id: p.id })) } }
        : {})
    }
  })
})
