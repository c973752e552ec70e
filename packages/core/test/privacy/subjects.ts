// An arbitrary of one person's records (decoded), with records about other people mixed in.
import {
  Activity,
  Consent,
  Contact,
  Cooperation,
  Disclosure,
  IndividualPlan,
  OutcomeMeasurement,
  Person,
  Referral
} from "@pomoc/core"
import {
  arbActivity,
  arbConsent,
  arbContact,
  arbCooperation,
  arbDisclosure,
  arbIndividualPlan,
  arbOutcomeMeasurement,
  arbPerson,
  arbReferral
} from "@pomoc/core/testing"
import { Schema } from "effect"
import * as fc from "fast-check"
import type { SubjectAccess } from "../../src/privacy/index.js"

const decode = <S extends Schema.Top & { readonly DecodingServices: never }>(schema: S) =>
  Schema.decodeUnknownSync(schema as never) as (input: unknown) => S["Type"]

const list = <A>(arb: fc.Arbitrary<A>) => fc.array(arb, { maxLength: 3 })
/** Whether a generated record is about the subject (true) or someone else (false). */
const mine = <A>(arb: fc.Arbitrary<A>) => list(fc.tuple(arb, fc.boolean()))

/** Wire records of one subject, plus some about others. */
export const arbSubjectWire = fc
  .record({
    person: arbPerson,
    cooperations: mine(arbCooperation),
    contacts: mine(arbContact),
    consents: mine(arbConsent),
    disclosures: mine(arbDisclosure),
    plans: mine(arbIndividualPlan),
    measurements: mine(arbOutcomeMeasurement),
    referrals: mine(arbReferral),
    activities: mine(arbActivity)
  })
  .map((w) => {
    const id = w.person.id
    const other = (pid: string) => (pid === id ? `${pid}-other` : pid)
    const byPerson = <A extends { personId: string }>(xs: ReadonlyArray<readonly [A, boolean]>) =>
      xs.map(([x, m]) => ({ ...x, personId: m ? id : other(x.personId) }))
    return {
      person: w.person,
      cooperations: byPerson(w.cooperations),
      contacts: w.contacts.map(([c, m], i) => {
        const others = c.participants.filter((p) => p !== id)
        if (!m) {
          return {
            ...c,
            participants: others,
            anonymousCount: others.length === 0 ? Math.max(1, c.anonymousCount) : c.anonymousCount,
            mode: "group" as const
          }
        }
        return i % 2 === 0
          ? { ...c, participants: [id], anonymousCount: 0, mode: "individual" as const }
          : { ...c, participants: [id, ...others], mode: "group" as const }
      }),
      consents: byPerson(w.consents),
      disclosures: byPerson(w.disclosures),
      plans: byPerson(w.plans),
      measurements: byPerson(w.measurements),
      referrals: byPerson(w.referrals),
      activities: w.activities.map(([a, m]) => {
        const others = a.attendees.filter((p) => p !== id)
        return { ...a, attendees: m ? [...others, id] : others }
      })
    }
  })

/** Decoded records of one subject, plus some about others. */
export const arbSubject: fc.Arbitrary<Required<SubjectAccess.SubjectRecords>> = arbSubjectWire.map((w) => ({
  person: decode(Person)(w.person),
  cooperations: w.cooperations.map(decode(Cooperation)),
  contacts: w.contacts.map(decode(Contact)),
  consents: w.consents.map(decode(Consent)),
  disclosures: w.disclosures.map(decode(Disclosure)),
  plans: w.plans.map(decode(IndividualPlan)),
  measurements: w.measurements.map(decode(OutcomeMeasurement)),
  referrals: w.referrals.map(decode(Referral)),
  activities: w.activities.map(decode(Activity))
}))

const encodeWith = <S extends Schema.Top & { readonly EncodingServices: never }>(schema: S) => {
  const encode = Schema.encodeUnknownSync(schema as never) as (value: unknown) => S["Encoded"]
  return (value: S["Type"]): S["Encoded"] => encode(value)
}

/** The wire (JSON) form of decoded subject records, by record kind of the store. */
export const encodeSubject = (records: SubjectAccess.SubjectRecords) => ({
  person: [Schema.encodeSync(Person)(records.person)],
  cooperation: (records.cooperations ?? []).map(encodeWith(Cooperation)),
  contact: (records.contacts ?? []).map(encodeWith(Contact)),
  consent: (records.consents ?? []).map(encodeWith(Consent)),
  disclosure: (records.disclosures ?? []).map(encodeWith(Disclosure)),
  plan: (records.plans ?? []).map(encodeWith(IndividualPlan)),
  measurement: (records.measurements ?? []).map(encodeWith(OutcomeMeasurement)),
  referral: (records.referrals ?? []).map(encodeWith(Referral)),
  activity: (records.activities ?? []).map(encodeWith(Activity))
})
