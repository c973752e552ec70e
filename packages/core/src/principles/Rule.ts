/**
 * A rule enforces one principle on some commands. It declares the commands it applies to, the
 * facts it reads and the verdicts it may return, and is a pure synchronous function from the
 * command and the facts to a {@link Verdict.Verdict}. Rules are code, never strings evaluated
 * at run time.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import type { Principle } from "./Principle.js"
import * as ProtectedAttributes from "./ProtectedAttributes.js"
import * as Verdict from "./Verdict.js"

/**
 * Any command: a member of a tagged union of intents.
 *
 * @since 0.1.0
 * @category models
 */
export interface AnyCommand {
  readonly _tag: string
}

type Depth = [never, 0, 1, 2, 3]
/**
 * Fact values a fact path stops at (it does not descend into them).
 * @since 0.1.0
 * @category models
 */
export type Leaf =
  | ReadonlyArray<unknown>
  | ReadonlySet<unknown>
  | ReadonlyMap<unknown, unknown>
  | Date
  | ((...args: never) => unknown)

/**
 * The dot-separated paths into the facts that a rule may declare it reads: top-level keys and
 * nested keys of plain objects, up to four levels (`"person"`, `"person.ageBand"`). Arrays,
 * sets, maps, dates and functions are leaves.
 *
 * @since 0.1.0
 * @category models
 */
export type FactPath<Facts, D extends number = 4> = [D] extends [never] ? never
  : Facts extends object ? {
      [K in keyof Facts & string]:
        | K
        | (NonNullable<Facts[K]> extends Leaf ? never
          : NonNullable<Facts[K]> extends object ? `${K}.${FactPath<NonNullable<Facts[K]>, Depth[D]>}`
          : never)
    }[keyof Facts & string]
  : never

/**
 * The top-level key of a dotted fact path (`"person"` of `"person.ageBand"`).
 * @since 0.1.0
 * @category models
 */
export type TopKey<P extends string> = P extends `${infer Head}.${string}` ? Head : P

/**
 * The facts as a rule sees them: only the top-level keys it declared (nested paths are checked
 * at run time by {@link traceReads}).
 *
 * @since 0.1.0
 * @category models
 */
export type FactsView<Facts, Reads extends string> = {
  readonly [K in TopKey<Reads> & keyof Facts]: Facts[K]
}

/**
 * The commands of the union `Cmd` that a rule applying to `Tags` receives.
 *
 * @since 0.1.0
 * @category models
 */
export type CommandOf<Cmd extends AnyCommand, Tags> = Tags extends ReadonlyArray<infer T> ?
  Extract<Cmd, { readonly _tag: T }>
  : Cmd

/**
 * Builds verdicts attributed to one rule and its principle. Each rule gets its own, made once
 * when the rule is defined. `reason` and `messageKey` must be fixed texts written by the rule's
 * author, never values taken from the command or the facts: verdicts end up in errors, logs and
 * the audit trail, which hold no personal data.
 *
 * @since 0.1.0
 * @category models
 */
export interface VerdictBuilder {
  readonly allow: Verdict.Allow
  /** A denial attributed to this rule. */
  readonly deny: (reason: string, messageKey: string) => Verdict.Deny
  /** A requirement attributed to this rule. */
  readonly require: (requirement: Verdict.Requirement, messageKey: string) => Verdict.Require
  /** A warning attributed to this rule. */
  readonly warn: (reason: string, messageKey: string) => Verdict.Warn
}

/**
 * A rule, as the engine sees it.
 *
 * - `appliesTo`: the command tags it applies to, or `"*"` for every command (then `except` lists
 *   the tags it skips).
 * - `reads`: the fact paths it reads; the engine refuses protected attributes for eligibility
 *   commands, and {@link traceReads} reports reads that were not declared.
 * - `verdicts`: the non-`Allow` verdicts it may return; the engine refuses rules that could deny
 *   (or require something of) a protected command, and throws `RegistrationError.RuleBrokeContract` when a
 *   rule returns a verdict it did not declare.
 *
 * @since 0.1.0
 * @category models
 */
export interface Rule<
  Cmd extends AnyCommand = AnyCommand,
  Facts = unknown,
  Id extends Verdict.RuleId = Verdict.RuleId
> {
  readonly id: Id
  readonly principle: Principle
  readonly appliesTo: ReadonlyArray<Cmd["_tag"]> | "*"
  readonly except: ReadonlyArray<Cmd["_tag"]>
  readonly reads: ReadonlyArray<string>
  readonly verdicts: ReadonlyArray<Verdict.NonAllowTag>
  readonly description?: string
  /** The verdict builder bound to this rule; the engine passes it as `check`'s third argument. */
  readonly verdict: VerdictBuilder
  // Method syntax on purpose: a rule for some commands is usable where a rule for all is expected.
  /** The rule itself: a pure function of the command and the facts. */
  check(command: Cmd, facts: Facts, verdict: VerdictBuilder): Verdict.Verdict
}

/**
 * Makes the verdict builder of a rule.
 *
 * @since 0.1.0
 * @category constructors
 */
export const verdictBuilder = (principle: string, rule: string): VerdictBuilder =>
  Object.freeze({
    allow: Verdict.allow,
    deny: (reason: string, messageKey: string) => Verdict.deny({ principle, rule, reason, messageKey }),
    require: (requirement: Verdict.Requirement, messageKey: string) =>
      Verdict.require({ principle, rule, requirement, messageKey }),
    warn: (reason: string, messageKey: string) => Verdict.warn({ principle, rule, reason, messageKey })
  })

/**
 * Defines a rule over a command union and a facts type, keeping its id, its commands and its
 * reads as literal types. The command passed to `check` is narrowed to the commands listed in
 * `appliesTo`, and the facts to the top-level keys listed in `reads`. `verdicts` defaults to
 * every non-`Allow` verdict.
 *
 * @example
 * ```ts
 * const rule = defineRule<Command, Facts>()({
 *   id: "free-of-charge/no-fee",
 *   principle: FreeOfCharge,
 *   appliesTo: ["ChargeFee"],
 *   reads: ["service.freeOfCharge"],
 *   verdicts: ["Deny"],
 *   check: (command, facts, v) =>
 *     facts.service.freeOfCharge && command.amount > 0 ? v.deny("the service is free of charge", "principles.freeOfCharge.fee") : v.allow
 * })
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const defineRule = <Cmd extends AnyCommand, Facts>() =>
<
  const Id extends string,
  const Tags extends ReadonlyArray<Cmd["_tag"]> | "*",
  const Reads extends ReadonlyArray<FactPath<Facts>>
>(definition: {
  readonly id: Id
  readonly principle: Principle
  readonly appliesTo: Tags
  readonly except?: Tags extends "*" ? ReadonlyArray<Cmd["_tag"]> : never
  readonly reads: Reads
  readonly verdicts?: ReadonlyArray<Verdict.NonAllowTag>
  readonly description?: string
  readonly check: (
    command: CommandOf<Cmd, Tags>,
    facts: FactsView<Facts, Reads[number] & string>,
    verdict: VerdictBuilder
  ) => Verdict.Verdict
}): Rule<Cmd, Facts, Id> =>
  Object.freeze({
    id: definition.id,
    principle: definition.principle,
    appliesTo: definition.appliesTo === "*" ? "*" : Object.freeze([...definition.appliesTo]),
    except: Object.freeze([...(definition.except ?? [])]),
    reads: Object.freeze([...definition.reads]),
    verdicts: Object.freeze([...(definition.verdicts ?? ["Deny", "Require", "Warn"])]),
    ...(definition.description === undefined ? {} : { description: definition.description }),
    verdict: verdictBuilder(definition.principle.id, definition.id),
    check: definition.check
  })

/**
 * Whether a rule is evaluated for a command tag.
 *
 * @since 0.1.0
 * @category guards
 */
export const appliesTo = (rule: Rule<AnyCommand, never>, tag: string): boolean =>
  rule.appliesTo === "*" ? !rule.except.includes(tag) : rule.appliesTo.includes(tag)

/**
 * Whether a read of `path` is covered by a declared path: the same path, a path under it
 * (declaring `"person"` covers `"person.ageBand"`), or a step on the way to it (reading
 * `"person"` to reach a declared `"person.ageBand"`).
 *
 * @since 0.1.0
 * @category guards
 */
export const isDeclared = (declared: ReadonlyArray<string>, path: string): boolean =>
  declared.some((d) => d === path || path.startsWith(d + ".") || d.startsWith(path + "."))

/**
 * What {@link traceReads} saw.
 *
 * @since 0.1.0
 * @category models
 */
export interface ReadTrace {
  readonly verdict: Verdict.Verdict
  /** Every fact path the rule read, in order of first read, without the steps to deeper reads. */
  readonly reads: ReadonlyArray<string>
  /** The reads the rule did not declare. */
  readonly undeclared: ReadonlyArray<string>
  /** The reads that touch a protected attribute (declared or not). */
  readonly protectedReads: ReadonlyArray<string>
}

const isLeafValue = (value: unknown): boolean =>
  value === null || typeof value !== "object" || Array.isArray(value) || value instanceof Date ||
  value instanceof Map || value instanceof Set

/**
 * A rule tried to change the facts it was given. Rules are pure: they read, never write.
 *
 * @since 0.1.0
 * @category errors
 */
export class FactsMutated extends Schema.TaggedError<FactsMutated>("@pomoc/core/FactsMutated")("FactsMutated", {
  rule: Schema.String,
  path: Schema.String
}) {
  override get message(): string {
    return `Rule "${this.rule}" tried to change the fact "${this.path}"; rules must be pure: return a verdict instead`
  }
}

/**
 * Runs a rule against a recording view of the facts and reports what it read: the paths it did
 * not declare in `reads` and the paths that touch a protected attribute. Writing to the facts
 * throws {@link FactsMutated}. Meant for test kits: every rule should be traced over generated
 * facts, and `undeclared` should stay empty.
 *
 * @since 0.1.0
 * @category combinators
 */
export const traceReads = <Cmd extends AnyCommand, Facts>(
  rule: Rule<Cmd, Facts>,
  command: Cmd,
  facts: Facts,
  options: { readonly protectedAttributes?: ProtectedAttributes.ProtectedAttributes } = {}
): ReadTrace => {
  const seen: Array<string> = []
  const record = (path: string) => {
    if (!seen.includes(path)) seen.push(path)
  }
  const refuse = (path: string): never => {
    throw new FactsMutated({ rule: rule.id, path })
  }
  const view = (source: object, prefix: string): object =>
    // The proxy's target is a blank object, so that frozen facts can still hand out views of
    // their nested objects (a frozen target would force `get` to return the raw value).
    new Proxy(Object.create(null) as object, {
      get: (_, key) => {
        const value: unknown = Reflect.get(source, key)
        if (typeof key === "symbol") return value
        const path = prefix === "" ? key : `${prefix}.${key}`
        record(path)
        return isLeafValue(value) ? value : view(value as object, path)
      },
      has: (_, key) => {
        if (typeof key === "string") record(prefix === "" ? key : `${prefix}.${key}`)
        return Reflect.has(source, key)
      },
      ownKeys: () => Reflect.ownKeys(source),
      getOwnPropertyDescriptor: (_, key) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(source, key)
        return descriptor === undefined ? undefined : { ...descriptor, configurable: true }
      },
      getPrototypeOf: () => Reflect.getPrototypeOf(source),
      set: (_, key) => refuse(`${prefix}${prefix === "" ? "" : "."}${String(key)}`),
      defineProperty: (_, key) => refuse(`${prefix}${prefix === "" ? "" : "."}${String(key)}`),
      deleteProperty: (_, key) => refuse(`${prefix}${prefix === "" ? "" : "."}${String(key)}`)
    })
  const traced = (facts !== null && typeof facts === "object" ? view(facts, "") : facts) as Facts
  const verdict = rule.check(command, traced, rule.verdict)
  const reads = seen.filter((path) => !seen.some((other) => other.startsWith(path + ".")))
  const matcher = options.protectedAttributes ?? ProtectedAttributes.standard
  return {
    verdict,
    reads,
    undeclared: reads.filter((path) => !isDeclared(rule.reads, path)),
    protectedReads: reads.filter((path) => matcher.protectedSegment(path) !== undefined)
  }
}
