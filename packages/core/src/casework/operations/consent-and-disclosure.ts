/**
 * Consent and disclosure: a person's consents, their withdrawal, and what is shared outside the
 * service on a consent or a legal duty.
 *
 * @since 0.2.0
 */
import { DateTime, Effect, Schema } from "effect"
import { Consent, Disclosure } from "../../model/Consent.js"
import * as Ids from "../../model/Ids.js"
import type { Person } from "../../model/Person.js"
import type { Context, Loaded } from "../Operation.js"
import * as Operation from "../Operation.js"
import { mappings } from "../Records.js"
import { consentedServices, lapsedSharing } from "../sharing.js"
import { access, requireLegalGround } from "./common.js"
import { withSharing } from "./people.js"

/**
 * Record a consent the person gave. `recordedBy` is the actor (set when absent).
 * @since 0.2.0
 * @category operations
 */
export const giveConsent = Operation.write()({
  tag: "GiveConsent",
  summary: "record a consent",
  access: access("SSNNN", "write", "personal", "record a consent"),
  input: Consent,
  newId: true,
  attribution: [{ path: ["recordedBy"] }],
  subject: Operation.newIn((c: Consent) => c.serviceId),
  decide: Effect.fnUntraced(function*(ctx, consent, service) {
    const person = yield* ctx.personOfService("personId", consent.personId, consent.serviceId)
    // A sharing that lapsed (its consents expired) stays ended: the person is stored without it
    // before this consent counts, so only `sharePerson` (audited) shares again.
    const lapsed = lapsedSharing(person.value).length > 0
    return {
      command: { _tag: "GiveConsent", consent } as const,
      service: service.value,
      person: person.value,
      changes: [
        Operation.change(mappings.consent, consent, 0),
        ...(lapsed ? [Operation.change(mappings.person, person.value, person.version)] : [])
      ],
      result: consent
    }
  })
})

/**
 * Withdrawing a sharing consent ends the sharing it allowed: the services it named leave the
 * person's `sharedWith`, unless another sharing consent of the person's, in force now, still
 * names them. The person record's change, if any.
 */
const endSharing = Effect.fnUntraced(function*(ctx: Context, withdrawn: Consent, person: Loaded<Person>) {
  const named = withdrawn.purpose === "sharing" ? withdrawn.alsoForServices ?? [] : []
  if (!named.some((s) => person.value.sharedWith.includes(s))) return []
  const others = yield* ctx.loadAll(mappings.consent, { personId: person.value.id, serviceId: person.value.serviceId })
  const stillNamed = consentedServices(
    person.value,
    others.flatMap(({ value: c }) => (c.id === withdrawn.id ? [] : [c])),
    ctx.now
  )
  const sharedWith = person.value.sharedWith.filter((s) => !named.includes(s) || stillNamed.has(s))
  return sharedWith.length === person.value.sharedWith.length
    ? []
    : [Operation.change(mappings.person, withSharing(person.value, sharedWith), person.version)]
})

const WithdrawConsentInput = Schema.Struct({ consentId: Ids.ConsentId })

/**
 * Withdraw a consent: `{ consentId }`. Always allowed; withdrawing a withdrawn consent changes
 * nothing and is audited like any other write. Withdrawing a sharing consent ends the sharing it
 * allowed (the services it named, unless another sharing consent in force still names them).
 * @since 0.2.0
 * @category operations
 */
export const withdrawConsent = Operation.write()({
  tag: "WithdrawConsent",
  summary: "withdraw a consent",
  access: access("SSNNN", "write", "personal", "withdraw a consent"),
  input: WithdrawConsentInput,
  entity: "WithdrawConsent",
  subject: Operation.existing(
    mappings.consent,
    (i: typeof WithdrawConsentInput.Type) => i.consentId,
    (c) => [c.serviceId]
  ),
  decide: Effect.fnUntraced(function*(ctx, { consentId }, current) {
    const service = yield* ctx.load(mappings.service, current.value.serviceId)
    const person = yield* ctx.load(mappings.person, current.value.personId)
    const already = current.value.withdrawnAt !== undefined
    const withdrawn = already
      ? current.value
      : new Consent({ ...current.value, withdrawnAt: DateTime.max(ctx.now, current.value.givenAt) })
    const unshared = already ? [] : yield* endSharing(ctx, withdrawn, person)
    return {
      command: { _tag: "WithdrawConsent", consentId } as const,
      service: service.value,
      person: person.value,
      changes: already ? [] : [Operation.change(mappings.consent, withdrawn, current.version), ...unshared],
      subjects: already ? [{ kind: "consent", id: consentId }] : [],
      result: withdrawn
    }
  })
})

/**
 * Share something about a person outside the service, on a consent or a legal duty (recorded in
 * the audit log). `disclosedBy` and a legal duty's `decidedBy` are the actor.
 * @since 0.2.0
 * @category operations
 */
export const disclose = Operation.write()({
  tag: "Disclose",
  summary: "share something about a person outside the service",
  access: access("SSNNN", "write", "confidential", "share something about a person outside the service"),
  input: Disclosure,
  newId: true,
  attribution: [{ path: ["disclosedBy"] }, { path: ["basis", "decidedBy"], when: "LegalDuty" }],
  subject: Operation.newIn((d: Disclosure) => d.serviceId),
  checks: [
    (ctx, disclosure) =>
      requireLegalGround(
        ctx,
        "Disclose",
        "basis.legalGround",
        disclosure.basis._tag === "LegalDuty" ? disclosure.basis.legalGround : undefined
      )
  ],
  decide: Effect.fnUntraced(function*(ctx, disclosure, service) {
    const person = yield* ctx.personOfService("personId", disclosure.personId, disclosure.serviceId)
    return {
      command: { _tag: "Disclose", disclosure } as const,
      service: service.value,
      person: person.value,
      changes: [Operation.change(mappings.disclosure, disclosure, 0)],
      result: disclosure,
      ...(disclosure.basis._tag === "LegalDuty" ? { legalGround: disclosure.basis.legalGround } : {})
    }
  })
})
