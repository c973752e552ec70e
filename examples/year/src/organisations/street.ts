/**
 * Na tvé straně (Praha 11): street work for young people 11–19, first contacts through the
 * channels the seed names: streetwork at primary schools, a contact point in a shopping centre,
 * LAN parties for gamers, a TikTok profile.
 */
import { streetWork } from "@pomoc/service-street-work"
import { at, quarterEnds } from "../calendar.js"
import { administrator, type Command, figure, type Script, serial, staff } from "../script.js"

const serviceId = "street-na-tve-strane"
const worker = staff("worker-tomas", "worker", serviceId)
const coordinator = staff("coordinator-iva", "coordinator", serviceId)

const channels = [
  ["school-streetwork", "school", "in-person"],
  ["shopping-centre-contact-point", "shopping-centre", "in-person"],
  ["social-media-profile", "online-platform", "social-network"]
] as const

export const street = (): Script => {
  const clients: Array<string> = []
  const figures = {
    firstContacts: figure(
      "first contacts",
      "someone met for the first time, through one of the four channels; most stay anonymous"
    ),
    newToService: figure(
      "of them, new to the service",
      "had never heard of the service before (the contact's count newToService)"
    ),
    clients: figure(
      "young people known by a code",
      "those who came back and agreed to a code: pseudonymous, age band only"
    ),
    followUps: figure(
      "follow-up contacts",
      "a known young person again: in person, on social networks, by phone or the school message box"
    ),
    lanParties: figure("LAN parties", "one a month, for gamers 11–16; each brings first contacts"),
    sessions: figure(
      "school and contact-point sessions",
      "weekly hours at a school and in the shopping centre, as activities"
    ),
    outcomes: figure("outcome measurements", "each quarter, with the young person")
  }
  const contact = (week: number, weekday: number, minute: number, extra: Record<string, unknown>): Command => ({
    actor: worker,
    op: "recordContact",
    input: {
      serviceId,
      at: at(week, weekday, 13, minute),
      durationMinutes: 20,
      channel: "in-person",
      workers: [worker.id],
      participants: [],
      anonymousCount: 1,
      interventions: ["contact"],
      firstContact: false,
      mode: "individual",
      ...extra
    }
  })
  const first = (
    week: number,
    weekday: number,
    minute: number,
    channel: string,
    locationKind: string,
    medium: string,
    isNew: boolean,
    random: { chance: (p: number) => boolean }
  ): Array<Command> => {
    figures.firstContacts.value++
    if (isNew) figures.newToService.value++
    const out: Array<Command> = []
    let participants: Array<string> = []
    if (random.chance(0.25) && clients.length < 40) {
      const id = `street-client-${serial(clients.length + 1)}`
      clients.push(id)
      figures.clients.value++
      participants = [id]
      out.push({
        actor: worker,
        op: "registerPerson",
        input: {
          _tag: "pseudonymous",
          id,
          serviceId,
          sharedWith: [],
          ageBand: random.chance(0.6) ? "11-14" : "15-17",
          gender: "not-stated",
          needs: [],
          registeredAt: at(week, weekday, 12),
          nickname: `K-${serial(clients.length)}`
        }
      })
    }
    out.push(contact(week, weekday, minute, {
      channel: medium,
      locationKind,
      firstContact: true,
      firstContactChannel: channel,
      participants,
      anonymousCount: participants.length === 0 ? 1 : 0,
      interventions: isNew ? ["contact"] : ["contact", "information"],
      ...(isNew ? { fields: { newToService: 1 } } : {})
    }))
    return out
  }
  return {
    organisation: { id: "ngo-na-tve-strane", name: "Na tvé straně, z. ú.", country: "CZ" },
    language: "cs",
    plugin: streetWork,
    serviceId,
    serviceName: "Terénní programy Praha 11",
    coordinator,
    setup: () => [
      {
        actor: administrator,
        op: "registerOrganisation",
        input: { id: "ngo-na-tve-strane", name: "Na tvé straně, z. ú.", country: "CZ" }
      },
      {
        actor: administrator,
        op: "registerService",
        input: {
          id: serviceId,
          organisationId: "ngo-na-tve-strane",
          type: "street-work",
          name: "Terénní programy Praha 11",
          targetGroup: { description: "Young people 11–19 in Praha 11", ageRange: { min: 11, max: 19 } },
          localities: [],
          principles: [...streetWork.principles],
          freeOfCharge: true,
          firstContactChannels: [
            "school-streetwork",
            "shopping-centre-contact-point",
            "lan-party",
            "social-media-profile"
          ],
          registeredAt: "2025-01-01T00:00:00.000Z"
        }
      }
    ],
    week: (week, random) => {
      const commands: Array<Command> = []
      let minute = 0
      for (const [channel, place, medium] of channels) {
        for (let i = random.int(0, channel === "social-media-profile" ? 2 : 3); i > 0; i--) {
          commands.push(...first(week, random.int(0, 4), minute++, channel, place, medium, random.chance(0.5), random))
        }
      }
      if (week % 4 === 2) {
        figures.lanParties.value++
        const newcomers = random.int(4, 10)
        for (let i = 0; i < newcomers; i++) {
          commands.push(
            ...first(week, 5, minute++, "lan-party", "event-venue", "in-person", random.chance(0.75), random)
          )
        }
        commands.push({
          actor: worker,
          op: "recordActivity",
          input: {
            id: `street-lan-${serial(week)}`,
            serviceId,
            kind: "event",
            topic: "lan-party",
            title: "LAN party",
            startsAt: at(week, 5, 10),
            audience: "youth",
            forExternalStaff: false,
            attendees: [],
            anonymousAttendance: random.int(20, 40)
          }
        })
      }
      for (const [topic, weekday] of [["school-streetwork-session", 1], ["contact-point-hours", 3]] as const) {
        figures.sessions.value++
        commands.push({
          actor: worker,
          op: "recordActivity",
          input: {
            id: `street-${topic}-${serial(week)}`,
            serviceId,
            kind: "group-session",
            topic,
            title: topic,
            startsAt: at(week, weekday, 12),
            audience: "youth",
            forExternalStaff: false,
            attendees: [],
            anonymousAttendance: random.int(5, 25)
          }
        })
      }
      for (const personId of random.sample(clients, random.int(0, 4))) {
        figures.followUps.value++
        commands.push(contact(week, random.int(0, 4), minute++, {
          participants: [personId],
          anonymousCount: 0,
          locationKind: "online-platform",
          channel: random.pick(["in-person", "social-network", "phone", "school-message-box"]),
          interventions: random.sample([
            "conversation",
            "counselling",
            "information",
            "crisis-intervention",
            "accompaniment"
          ], 2)
        }))
      }
      if (quarterEnds(week)) {
        for (const personId of clients) {
          figures.outcomes.value++
          commands.push({
            actor: worker,
            op: "recordOutcome",
            input: {
              personId,
              serviceId,
              indicator: "came-back",
              at: at(week, 3, 15),
              value: { _tag: "YesNo", value: random.chance(0.6) },
              personParticipated: true
            }
          })
        }
      }
      return commands
    },
    figures: Object.values(figures),
    attempts: () => [
      {
        actor: worker,
        op: "disclose",
        what: "tell a school what a pupil confided, without the pupil's consent",
        input: {
          personId: clients[0],
          serviceId,
          recipient: { kind: "school", name: "ZŠ Praha 11" },
          purpose: "disclosure",
          at: at(51, 2, 10),
          basis: { _tag: "Consent", consentId: "no-such-consent" },
          summary: "What the pupil said."
        }
      }
    ]
  }
}
