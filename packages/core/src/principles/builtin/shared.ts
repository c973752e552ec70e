/**
 * What the built-in principles share: the rule constructor bound to the core command union and
 * facts, the test for a principle that binds a service, and the validity of a consent.
 *
 * @since 0.1.0
 */
import { DateTime } from "effect"
import type { Command } from "../../Command.js"
import type { Facts } from "../../Facts.js"
import type { Consent } from "../../model/Consent.js"
import type { Labels } from "../Principle.js"
import { defineRule } from "../Rule.js"

/**
 * `defineRule` for the core command union and facts.
 *
 * @since 0.1.0
 * @category constructors
 */
export const coreRule = defineRule<Command, Facts>()

/**
 * Whether a service declares that a principle binds it.
 *
 * @since 0.1.0
 * @category guards
 */
export const binds = (principles: ReadonlyArray<string>, principle: string): boolean => principles.includes(principle)

/**
 * Whether a consent is in force at a time: begun, not ended, not withdrawn.
 *
 * @since 0.1.0
 * @category guards
 */
export const inForce = (consent: Consent, at: DateTime.Utc): boolean =>
  DateTime.isLessThanOrEqualTo(consent.validFrom, at) &&
  (consent.validUntil === undefined || DateTime.isLessThanOrEqualTo(at, consent.validUntil)) &&
  (consent.withdrawnAt === undefined || DateTime.isLessThan(at, consent.withdrawnAt))

/**
 * The labels of the message keys a principle's rules use, in English, Czech, Lithuanian and
 * Bulgarian.
 *
 * @since 0.1.0
 * @category models
 */
export type Messages = Readonly<Record<string, Labels>>

/**
 * How far ahead of the server's clock a recorded time may lie (a worker's phone whose clock runs
 * a little fast): five minutes. A consent, a disclosure or anything else recorded "now" with a
 * time later than `now + clockSkew` is refused, so nobody can date a decision to a moment the
 * caller chooses.
 *
 * @since 0.2.0
 * @category models
 */
export const clockSkew = { minutes: 5 } as const

/**
 * Whether a time lies in the future beyond the allowed {@link clockSkew}.
 *
 * @since 0.2.0
 * @category guards
 */
export const isInTheFuture = (at: DateTime.Utc, now: DateTime.Utc): boolean =>
  DateTime.isGreaterThan(at, DateTime.add(now, clockSkew))
