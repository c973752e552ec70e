/**
 * The command and facts the benchmark's rules read: one "record a contact" command and the
 * situation around it (person, actor, service, time).
 */
export interface RecordContact {
  readonly _tag: "RecordContact"
  readonly durationMinutes: number
  readonly participants: number
  readonly channel: string
  readonly location: string
}

export interface EndCooperation {
  readonly _tag: "EndCooperation"
}

export type Command = RecordContact | EndCooperation

export interface Facts {
  readonly person: {
    readonly age: number
    readonly identityLevel: string
    readonly monthsInService: number
    readonly contactsThisMonth: number
  }
  readonly actor: { readonly role: string; readonly yearsOfPractice: number }
  readonly service: { readonly type: string; readonly region: string }
  readonly time: { readonly hour: number }
}

/** The command every variant evaluates. */
export const command: RecordContact = Object.freeze({
  _tag: "RecordContact",
  durationMinutes: 35,
  participants: 3,
  channel: "street",
  location: "park"
})

/** The facts every variant evaluates (frozen: rules must not write). */
export const facts: Facts = Object.freeze({
  person: Object.freeze({ age: 17, identityLevel: "pseudonymous", monthsInService: 14, contactsThisMonth: 6 }),
  actor: Object.freeze({ role: "worker", yearsOfPractice: 4 }),
  service: Object.freeze({ type: "low-threshold-club", region: "north" }),
  time: Object.freeze({ hour: 15 })
})

/** The same values as one flat object: json-rules-engine's best case (no JSONPath lookups). */
export const flatFacts: Readonly<Record<string, string | number>> = Object.freeze({
  durationMinutes: command.durationMinutes,
  participants: command.participants,
  channel: command.channel,
  location: command.location,
  age: facts.person.age,
  identityLevel: facts.person.identityLevel,
  monthsInService: facts.person.monthsInService,
  contactsThisMonth: facts.person.contactsThisMonth,
  role: facts.actor.role,
  yearsOfPractice: facts.actor.yearsOfPractice,
  serviceType: facts.service.type,
  region: facts.service.region,
  hour: facts.time.hour
})
