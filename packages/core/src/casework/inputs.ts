/**
 * The front of the road, before anything is read: the acting staff member's id, and the input
 * prepared (a fresh id when the operation creates a record and none was given; attribution
 * fields set from the actor when absent), decoded by the operation's schema and checked
 * against the actor (attribution names the acting staff member, never someone else).
 *
 * @internal
 */
import { Effect, Result, Schema } from "effect"
import { decoder, type InvalidInput } from "../Decode.js"
import * as Ids from "../model/Ids.js"
import { InvalidCommand } from "./Errors.js"
import type * as Operation from "./Operation.js"

const decodeActorId = decoder(Ids.WorkerId, "Actor")
/**
 * The acting staff member's id: the id itself, or the `id` of an object (an actor from before
 * the staff directory). Nothing else of the object is read: grants come from the directory.
 */
export const actorId = (raw: unknown): Result.Result<Ids.WorkerId, InvalidInput> =>
  decodeActorId(isPlainObject(raw) ? raw["id"] : raw)
const decoders = new WeakMap<object, (raw: unknown) => Result.Result<unknown, InvalidInput>>()
const inputDecoder = (op: Operation.Any): (raw: unknown) => Result.Result<unknown, InvalidInput> => {
  if (!Schema.isSchema(op.input)) return op.input
  let d = decoders.get(op)
  if (d === undefined) {
    d = decoder(op.input as never, op.entity ?? op.tag)
    decoders.set(op, d)
  }
  return d
}

const isPlainObject = (u: unknown): u is Record<string, unknown> =>
  typeof u === "object" && u !== null && !Array.isArray(u)
const has = (o: Record<string, unknown>, key: PropertyKey) => Object.prototype.hasOwnProperty.call(o, key)

/** Adds a fresh id when the input has none (offline clients may bring their own ids). */
const withId = (input: unknown): unknown =>
  isPlainObject(input) && !has(input, "id") ? { ...input, id: globalThis.crypto.randomUUID() } : input

/** Sets a missing attribution field from the actor (copying only the objects on the path). */
const fill = (
  raw: unknown,
  path: ReadonlyArray<string | number>,
  a: Operation.Attribution,
  actorId: string
): unknown => {
  const [key, ...rest] = path
  if (key === undefined) return raw
  if (Array.isArray(raw) && typeof key === "number") {
    if (key >= raw.length) return raw
    const copy: Array<unknown> = [...(raw as ReadonlyArray<unknown>)]
    copy[key] = fill(copy[key], rest, a, actorId)
    return copy
  }
  if (!isPlainObject(raw)) return raw
  if (rest.length === 0) {
    if (has(raw, key) || (a.when !== undefined && raw["_tag"] !== a.when)) return raw
    return { ...raw, [key]: a.many ? [actorId] : actorId }
  }
  return has(raw, key) ? { ...raw, [key]: fill(raw[key], rest, a, actorId) } : raw
}

/** The decoded value at a path, and whether the attribution applies there. */
const at = (
  value: unknown,
  path: ReadonlyArray<string | number>,
  when: string | undefined
): { readonly found: boolean; readonly value?: unknown } => {
  let here: unknown = value
  for (const [i, key] of path.entries()) {
    if (typeof here !== "object" || here === null) return { found: false }
    if (i === path.length - 1 && when !== undefined && (here as Record<string, unknown>)["_tag"] !== when) {
      return { found: false }
    }
    here = (here as Record<PropertyKey, unknown>)[key]
  }
  return { found: here !== undefined, value: here }
}

const pathText = (path: ReadonlyArray<string | number>) =>
  path.map((k) => typeof k === "number" ? `[${k}]` : `.${k}`).join("").replace(/^\./, "")

const checkAttribution = (op: Operation.Any, input: unknown, actorId: string): Effect.Effect<void, InvalidCommand> => {
  for (const a of op.attribution ?? []) {
    const found = at(input, a.path, a.when)
    if (!found.found) continue
    const ok = a.many
      ? Array.isArray(found.value) && found.value.includes(actorId)
      : found.value === actorId
    if (!ok) {
      return Effect.fail(
        new InvalidCommand({
          operation: op.tag,
          field: pathText(a.path),
          rule: a.many ? "must include the acting staff member" : "must be the acting staff member"
        })
      )
    }
  }
  return Effect.void
}

/**
 * The operation's input, prepared, decoded and checked against the acting staff member `id`.
 * @internal
 */
export const decodeInput = (
  op: Operation.Any,
  id: Ids.WorkerId,
  rawInput: unknown
): Effect.Effect<unknown, InvalidInput | InvalidCommand> => {
  let prepared = op.newId ? withId(rawInput) : rawInput
  for (const a of op.attribution ?? []) prepared = fill(prepared, a.path, a, id)
  const decoded = inputDecoder(op)(prepared)
  if (Result.isFailure(decoded)) return Effect.fail(decoded.failure)
  return Effect.as(checkAttribution(op, decoded.success, id), decoded.success)
}
