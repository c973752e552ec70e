/**
 * The model's own rules, one by one: each is rejected with the path it names and a rule that
 * says why, and no error ever repeats the input's values.
 */
import {
  Activity,
  AgeRange,
  Consent,
  Contact,
  Cooperation,
  Decode,
  fitsScale,
  IndicatorScale,
  OutcomeIndicator,
  OutcomeValue,
  Person,
  Referral,
  type ReferralStatus,
  Timestamp,
  VolunteerHours
} from "@pomoc/core"
import {
  arbActivity,
  arbConsent,
  arbContact,
  arbCooperation,
  arbId,
  arbIndicatorScale,
  arbOutcomeIndicator,
  arbOutcomeValueFor,
  arbPseudonymousPerson,
  arbReferral,
  arbTimestamp,
  arbVolunteerHours,
  decoded,
  entities
} from "@pomoc/core/testing"
import { DateTime, Schema } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"

type Problems = ReadonlyArray<{ readonly path: string; readonly rule: string }>

const problemsOf = (schema: Parameters<typeof Decode.decoder>[0], input: unknown): Problems => {
  const result = Decode.decoder(schema)(input)
  if (result._tag === "Success") {
    expect.fail(`expected the input to be rejected, but it decoded: ${JSON.stringify(input)}`)
  }
  return result.failure.problems
}

/** Asserts that decoding fails with (at least) a problem at `path` whose rule matches `rule`. */
const expectRejected = (schema: Parameters<typeof Decode.decoder>[0], input: unknown, path: string, rule: RegExp) => {
  const problems = problemsOf(schema, input)
  expect(problems, `expected a problem at '${path}' matching ${String(rule)}, got ${JSON.stringify(problems)}`)
    .toContainEqual({
      path,
      rule: expect.stringMatching(rule)
    })
}

const T0 = "2024-03-01T09:00:00.000Z"
const T1 = "2024-03-01T10:00:00.000Z"
const T2 = "2024-06-01T10:00:00.000Z"
const T3 = "2025-03-01T10:00:00.000Z"

const contact = {
  id: "contact-1",
  serviceId: "club-1",
  at: T0,
  durationMinutes: 30,
  locationKind: "club-premises",
  channel: "in-person",
  workers: ["worker-1"],
  participants: ["person-1"],
  anonymousCount: 0,
  interventions: ["counselling"],
  firstContact: false,
  mode: "individual"
}

const referral = {
  id: "referral-1",
  personId: "person-1",
  fromServiceId: "club-1",
  to: { kind: "service", name: "Dluhová poradna" },
  purpose: "debt-counselling",
  consentId: "consent-1",
  history: [{ status: "requested", at: T0, by: "worker-1" }]
}

const consent = {
  id: "consent-1",
  personId: "person-1",
  serviceId: "club-1",
  purpose: "referral",
  grantee: { kind: "service", name: "Dluhová poradna" },
  validFrom: T1,
  validUntil: T3,
  givenAt: T0,
  form: "verbal",
  recordedBy: "worker-1"
}

const indicator = {
  code: "housing-stability",
  labels: { en: "Stable housing", cs: "Stabilní bydlení", lt: "Stabilus būstas", bg: "Стабилно жилище" },
  scale: { _tag: "Ladder", min: 1, max: 5 }
}

describe("the fixtures", () => {
  it("are valid, so each rejection below is caused by the one change it makes", () => {
    expect(Decode.decoder(Contact)(contact)._tag).toBe("Success")
    expect(Decode.decoder(Referral)(referral)._tag).toBe("Success")
    expect(Decode.decoder(Consent)(consent)._tag).toBe("Success")
    expect(Decode.decoder(OutcomeIndicator)(indicator)._tag).toBe("Success")
  })
})

describe("Timestamp", () => {
  it.each([
    ["a bare number", "1"],
    ["a year", "2024"],
    ["a date without a time", "2024-03-01"],
    ["a time without a zone", "2024-03-01T09:00:00"],
    ["a human date", "March 1, 2024"],
    ["a day that does not exist", "2024-02-30T09:00:00.000Z"],
    ["a 29 February outside a leap year", "2023-02-29T09:00:00.000Z"],
    ["month 13", "2024-13-01T09:00:00.000Z"],
    ["hour 24", "2024-03-01T24:00:00.000Z"]
  ])("rejects %s", (_, input) => {
    expectRejected(Timestamp, input, "", /ISO 8601|exists/)
  })

  it.each([
    ["2024-02-29T09:00:00.000Z", "2024-02-29T09:00:00.000Z"],
    ["2024-03-01T09:00Z", "2024-03-01T09:00:00.000Z"],
    ["2024-03-01T09:00:00+02:00", "2024-03-01T07:00:00.000Z"],
    ["2024-03-01T09:00:00.123456-01:30", "2024-03-01T10:30:00.123Z"]
  ])("accepts %s as %s", (input, utc) => {
    const result = Decode.decoder(Timestamp)(input)
    expect(result._tag).toBe("Success")
    if (result._tag === "Success") expect(Schema.encodeSync(Timestamp)(result.success)).toBe(utc)
  })
})

describe("Person", () => {
  it("names itself in errors, and an unknown identity level fails at the root", () => {
    const result = Decode.decoder(Person)({ _tag: "celebrity" })
    expect(result._tag).toBe("Failure")
    if (result._tag === "Failure") {
      expect(result.failure.entity).toBe("Person")
      expect(result.failure.problems.map((p) => p.path)).toEqual([""])
    }
  })
})

describe("Contact", () => {
  it("rejects an individual contact with two participants at 'mode'", () => {
    expectRejected(Contact, { ...contact, participants: ["person-1", "person-2"] }, "mode", /exactly one participant/)
  })

  it("rejects an individual contact with one known and one anonymous participant at 'mode'", () => {
    expectRejected(Contact, { ...contact, anonymousCount: 1 }, "mode", /exactly one participant/)
  })

  it("rejects a contact without any participant", () => {
    expectRejected(
      Contact,
      { ...contact, mode: "group", participants: [], anonymousCount: 0 },
      "anonymousCount",
      /at least one participant/
    )
  })

  it("rejects a participant listed twice", () => {
    expectRejected(
      Contact,
      { ...contact, mode: "group", participants: ["person-1", "person-1"] },
      "participants",
      /listed twice/
    )
  })

  it("rejects a first-contact channel on a contact that is not a first contact", () => {
    expectRejected(
      Contact,
      { ...contact, firstContactChannel: "social-network" },
      "firstContactChannel",
      /first contact/
    )
  })

  it("rejects a contact without workers", () => {
    expectRejected(Contact, { ...contact, workers: [] }, "workers", /at least 1/)
  })

  it("rejects any valid contact made individual with two distinct known people", () => {
    fc.assert(
      fc.property(arbContact, fc.uniqueArray(arbId, { minLength: 2, maxLength: 2 }), (c, people) => {
        expectRejected(
          Contact,
          { ...c, mode: "individual", participants: people, anonymousCount: 0 },
          "mode",
          /exactly one/
        )
      })
    )
  })

  it("rejects any valid contact emptied of participants", () => {
    fc.assert(
      fc.property(arbContact, (c) => {
        expectRejected(
          Contact,
          { ...c, participants: [], anonymousCount: 0 },
          "anonymousCount",
          /at least one participant/
        )
      })
    )
  })

  it("rejects excess properties without repeating their names (a key can be personal data)", () => {
    expectRejected(Contact, { ...contact, "Jan Novák": true }, "<unexpected key>", /not a known field/)
    const result = Decode.decoder(Contact)({ ...contact, "Jan Novák": true })
    expect(JSON.stringify(result)).not.toContain("Novák")
  })
})

describe("Cooperation", () => {
  const base = { id: "coop-1", serviceId: "club-1", personId: "person-1", startedAt: T2 }

  it("rejects a cooperation ending before it starts at 'endedAt'", () => {
    expectRejected(Cooperation, { ...base, endedAt: T1 }, "endedAt", /cannot end before it started/)
  })

  it("rejects an end reason without an end time", () => {
    expectRejected(Cooperation, { ...base, endReason: "moved-away" }, "endedAt", /needs an end time/)
  })

  it("accepts an end without a reason (nobody has to explain leaving)", () => {
    const result = Decode.decoder(Cooperation)({ ...base, endedAt: T3, endedBy: "person" })
    expect(result._tag).toBe("Success")
    if (result._tag === "Success") expect(Cooperation.isActive(result.success)).toBe(false)
  })

  it("rejects any ended cooperation with its start and end swapped (when they differ)", () => {
    fc.assert(
      fc.property(
        arbCooperation.filter((c) => c.endedAt !== undefined && c.endedAt !== c.startedAt),
        (c) => {
          expectRejected(
            Cooperation,
            { ...c, startedAt: c.endedAt, endedAt: c.startedAt },
            "endedAt",
            /before it started/
          )
        }
      )
    )
  })
})

describe("Referral", () => {
  const event = (status: ReferralStatus, at: string, reason?: string) => ({ status, at, ...(reason ? { reason } : {}) })

  it("rejects a rejection without a reason at 'history[1].reason'", () => {
    expectRejected(
      Referral,
      { ...referral, history: [...referral.history, event("rejected", T1)] },
      "history[1].reason",
      /rejected needs a reason/
    )
  })

  it("rejects a revocation without a reason at its own event", () => {
    expectRejected(
      Referral,
      { ...referral, history: [...referral.history, event("accepted", T1), event("revoked", T2)] },
      "history[2].reason",
      /revoked needs a reason/
    )
  })

  it("rejects 'done' straight from 'requested' at 'history[1].status'", () => {
    expectRejected(
      Referral,
      { ...referral, history: [...referral.history, event("done", T1)] },
      "history[1].status",
      /cannot go from requested to done/
    )
  })

  it("rejects a referral that does not start as requested", () => {
    expectRejected(
      Referral,
      { ...referral, history: [event("accepted", T0)] },
      "history[0].status",
      /starts as requested/
    )
  })

  it("rejects an empty history", () => {
    expectRejected(Referral, { ...referral, history: [] }, "history", /at least 1/)
  })

  it("accepts every lifecycle step the transition table allows, and rejects every other", () => {
    const all: ReadonlyArray<ReferralStatus> = ["requested", "accepted", "rejected", "done", "revoked"]
    fc.assert(
      fc.property(arbReferral, fc.constantFrom(...all), arbTimestamp, (r, next, at) => {
        const current = r.history[r.history.length - 1]!.status
        const input = { ...r, history: [...r.history, event(next, at, "důvod / priežastis / причина")] }
        const result = Decode.decoder(Referral)(input)
        if (Referral.transitions[current].includes(next)) {
          expect(result._tag, `${current} → ${next} should be allowed`).toBe("Success")
          if (result._tag === "Success") expect(Referral.status(result.success)).toBe(next)
        } else {
          expectRejected(
            Referral,
            input,
            `history[${r.history.length}].status`,
            new RegExp(`from ${current} to ${next}`)
          )
        }
      })
    )
  })

  it("rejects any rejected or revoked referral once its reason is removed", () => {
    fc.assert(
      fc.property(
        arbReferral.filter((r) => ["rejected", "revoked"].includes(r.history[r.history.length - 1]!.status)),
        (r) => {
          const last = r.history.length - 1
          const { reason: _reason, ...withoutReason } = r.history[last]!
          const input = { ...r, history: [...r.history.slice(0, last), withoutReason] }
          expectRejected(Referral, input, `history[${last}].reason`, /needs a reason/)
        }
      )
    )
  })
})

describe("Consent", () => {
  it("rejects a reversed period at 'validUntil'", () => {
    expectRejected(Consent, { ...consent, validFrom: T3, validUntil: T1 }, "validUntil", /cannot end before it starts/)
  })

  it("rejects any generated consent whose bounded period is reversed", () => {
    fc.assert(
      fc.property(
        arbConsent.filter((c) => c.validUntil !== undefined && c.validUntil !== c.validFrom),
        (c) => {
          expectRejected(
            Consent,
            { ...c, validFrom: c.validUntil, validUntil: c.validFrom },
            "validUntil",
            /before it starts/
          )
        }
      )
    )
  })

  describe("covers", () => {
    const decode = Schema.decodeUnknownSync(Consent)
    const at = (iso: string) => DateTime.makeUnsafe(iso)
    const grantee = consent.grantee
    const open = decode(consent)
    const withdrawn = decode({ ...consent, withdrawnAt: T2 })
    const unbounded = decode((({ validUntil: _until, ...rest }) => rest)(consent))

    it("covers its purpose and grantee from its start to its end, inclusive", () => {
      expect(Consent.covers(open, "referral", grantee, at(T1))).toBe(true)
      expect(Consent.covers(open, "referral", grantee, at(T2))).toBe(true)
      expect(Consent.covers(open, "referral", grantee, at(T3))).toBe(true)
    })

    it("does not cover before it starts, even after it was given", () => {
      expect(Consent.covers(open, "referral", grantee, at(T0))).toBe(false)
    })

    it("does not cover after it expired; an open-ended consent does", () => {
      const later = "2030-01-01T00:00:00.000Z"
      expect(Consent.covers(open, "referral", grantee, at(later))).toBe(false)
      expect(Consent.covers(unbounded, "referral", grantee, at(later))).toBe(true)
    })

    it("stops covering at the moment it is withdrawn", () => {
      expect(Consent.covers(withdrawn, "referral", grantee, at("2024-06-01T09:59:59.999Z"))).toBe(true)
      expect(Consent.covers(withdrawn, "referral", grantee, at(T2))).toBe(false)
      expect(Consent.covers(withdrawn, "referral", grantee, at(T3))).toBe(false)
    })

    it("does not cover another purpose or another grantee", () => {
      expect(Consent.covers(open, "disclosure", grantee, at(T2))).toBe(false)
      expect(Consent.covers(open, "referral", { kind: "authority", name: grantee.name }, at(T2))).toBe(false)
      expect(Consent.covers(open, "referral", { kind: grantee.kind, name: "Jiná poradna" }, at(T2))).toBe(false)
    })

    it("never covers anything at or after withdrawal, nor any other purpose (property)", () => {
      fc.assert(
        fc.property(decoded(arbConsent, Consent), arbTimestamp, (c, iso) => {
          const t = at(iso)
          if (c.withdrawnAt !== undefined && DateTime.isGreaterThanOrEqualTo(t, c.withdrawnAt)) {
            expect(Consent.covers(c, c.purpose, c.grantee, t)).toBe(false)
          }
          expect(Consent.covers(c, `${c.purpose}-other`, c.grantee, t)).toBe(false)
          expect(Consent.covers(c, c.purpose, { kind: c.grantee.kind, name: `${c.grantee.name} (other)` }, t)).toBe(
            false
          )
        })
      )
    })

    it("covers its own purpose and grantee at its start unless withdrawn by then (property)", () => {
      fc.assert(
        fc.property(decoded(arbConsent, Consent), (c) => {
          const withdrawnByThen = c.withdrawnAt !== undefined &&
            DateTime.isLessThanOrEqualTo(c.withdrawnAt, c.validFrom)
          expect(Consent.covers(c, c.purpose, c.grantee, c.validFrom)).toBe(!withdrawnByThen)
        })
      )
    })
  })
})

describe("Outcomes", () => {
  it("rejects a ladder whose min equals its max at 'scale.max'", () => {
    expectRejected(
      OutcomeIndicator,
      { ...indicator, scale: { _tag: "Ladder", min: 5, max: 5 } },
      "scale.max",
      /above its min/
    )
  })

  it("rejects a ladder whose min is above its max", () => {
    expectRejected(IndicatorScale, { _tag: "Ladder", min: 7, max: 3 }, "max", /above its min/)
  })

  it("rejects a category scale without categories", () => {
    expectRejected(
      OutcomeIndicator,
      { ...indicator, scale: { _tag: "Category", categories: [] } },
      "scale.categories",
      /at least 1/
    )
  })

  it("rejects a blank label in any language", () => {
    fc.assert(
      fc.property(
        arbOutcomeIndicator,
        fc.constantFrom("en", "cs", "lt", "bg"),
        fc.constantFrom("", " ", "\t\n", "\u00a0"),
        (i, lang, blank) => {
          expectRejected(OutcomeIndicator, { ...i, labels: { ...i.labels, [lang]: blank } }, `labels.${lang}`, /blank/)
        }
      )
    )
  })

  it("a value generated for a scale fits it; a value of another kind does not", () => {
    const decodeScale = Schema.decodeUnknownSync(IndicatorScale)
    const decodeValue = Schema.decodeUnknownSync(OutcomeValue)
    fc.assert(
      fc.property(
        arbIndicatorScale.chain((scale) => fc.tuple(fc.constant(scale), arbOutcomeValueFor(scale))),
        ([scale, value]) => {
          expect(fitsScale(decodeScale(scale), decodeValue(value))).toBe(true)
          const other = scale._tag === "YesNo" ? { _tag: "Ladder", value: 1 } : { _tag: "YesNo", value: true }
          expect(fitsScale(decodeScale(scale), decodeValue(other))).toBe(false)
        }
      )
    )
  })

  it("a ladder value outside the ladder does not fit", () => {
    const scale = Schema.decodeUnknownSync(IndicatorScale)({ _tag: "Ladder", min: 1, max: 5 })
    expect(fitsScale(scale, Schema.decodeUnknownSync(OutcomeValue)({ _tag: "Ladder", value: 6 }))).toBe(false)
    expect(fitsScale(scale, Schema.decodeUnknownSync(OutcomeValue)({ _tag: "Ladder", value: 0 }))).toBe(false)
  })
})

describe("Activities, volunteers and ranges", () => {
  it("rejects an activity ending before it starts, and an attendee listed twice", () => {
    fc.assert(
      fc.property(
        arbActivity.filter((a) => a.endsAt !== undefined && a.endsAt !== a.startsAt),
        arbId,
        (a, attendee) => {
          expectRejected(
            Activity,
            { ...a, startsAt: a.endsAt, endsAt: a.startsAt },
            "endsAt",
            /cannot end before it starts/
          )
          expectRejected(Activity, { ...a, attendees: [attendee, attendee] }, "attendees", /listed twice/)
        }
      )
    )
  })

  it("rejects volunteer hours that are zero, negative or over a day", () => {
    fc.assert(
      fc.property(arbVolunteerHours, fc.constantFrom(0, -1, 24.5, 1000), (h, hours) => {
        const problems = problemsOf(VolunteerHours, { ...h, hours })
        expect(problems.map((p) => p.path)).toEqual(["hours"])
      })
    )
  })

  it("rejects an age range whose max is below its min", () => {
    expectRejected(AgeRange, { min: 18, max: 15 }, "max", /below min/)
  })
})

describe("errors never carry the input's values", () => {
  const secret = "SecretNick"

  it("a nickname next to an invalid field does not appear in the error", () => {
    const input = {
      _tag: "pseudonymous",
      id: "person-1",
      serviceId: "club-1",
      sharedWith: [],
      ageBand: "15-17",
      gender: "not-stated",
      needs: [],
      registeredAt: "yesterday",
      nickname: secret
    }
    const result = Decode.decoder(Person, "Person")(input)
    expect(result._tag).toBe("Failure")
    if (result._tag === "Failure") {
      expect(result.failure.problems.map((p) => p.path)).toEqual(["registeredAt"])
      expect(result.failure.message).not.toContain(secret)
      expect(JSON.stringify(result.failure)).not.toContain(secret)
      expect(String(result.failure)).not.toContain(secret)
    }
  })

  it("an invalid value itself does not appear in the error", () => {
    const result = Decode.decoder(Person, "Person")({
      _tag: "identified",
      id: "person-1",
      serviceId: "club-1",
      sharedWith: [],
      ageBand: "27-64",
      gender: "female",
      needs: [],
      registeredAt: T0,
      givenName: 12345,
      nickname: `${secret} `.repeat(40),
      contactDetails: { phone: "+420 777 123 456", email: 777123456 }
    })
    expect(result._tag).toBe("Failure")
    if (result._tag === "Failure") {
      const text = `${result.failure.message}\n${JSON.stringify(result.failure)}`
      expect(result.failure.problems.map((p) => p.path).sort()).toEqual([
        "contactDetails.email",
        "givenName",
        "nickname"
      ])
      for (const value of ["12345", secret, "777", "+420"]) expect(text).not.toContain(value)
    }
  })

  it("no entity's error repeats a text planted in its valid value (property)", () => {
    const marker = "Zz-Planted-Secret-Ž"
    /** Replaces every string leaf that the `plant` picks with the marker, and one field with junk. */
    const plantAndBreak = (value: unknown, pick: number, brokenKey: number): unknown => {
      let leaf = 0
      const walk = (v: unknown): unknown => {
        if (typeof v === "string") return leaf++ % 3 === pick % 3 ? `${marker} ${v}` : v
        if (Array.isArray(v)) return v.map(walk)
        if (typeof v === "object" && v !== null) {
          return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]))
        }
        return v
      }
      const planted = walk(value) as Record<string, unknown>
      const keys = Object.keys(planted)
      return { ...planted, [keys[brokenKey % keys.length]!]: { broken: [marker] } }
    }
    for (const { name, schema, arbitrary } of entities) {
      const decode = Decode.decoder(schema, name)
      fc.assert(
        fc.property(arbitrary, fc.nat(), fc.nat(), (value, pick, brokenKey) => {
          const result = decode(plantAndBreak(value, pick, brokenKey))
          expect(result._tag, `${name} should be rejected`).toBe("Failure")
          if (result._tag === "Failure") {
            expect(result.failure.message, name).not.toContain(marker)
            expect(JSON.stringify(result.failure), name).not.toContain(marker)
          }
        }),
        { numRuns: 200 }
      )
    }
  })

  it("a blank nickname is rejected by rule, naming the field only", () => {
    fc.assert(
      fc.property(arbPseudonymousPerson, fc.constantFrom("", "   ", "\n\t"), (p, blank) => {
        expectRejected(Person, { ...p, nickname: blank }, "nickname", /blank|length/)
      })
    )
  })
})
