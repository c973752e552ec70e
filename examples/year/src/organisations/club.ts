/**
 * Ostrov, z. s. (Praha 4): a low-threshold club for young people 12–20. Most visitors never give
 * a name; regulars are known by a nickname they chose.
 */
import { lowThresholdClub } from "@pomoc/service-low-threshold-club"
import { at, quarterEnds } from "../calendar.js"
import { administrator, type Command, figure, type Script, serial, staff } from "../script.js"

const serviceId = "club-ostrov"
const worker = staff("worker-eva", "worker", serviceId)
const coordinator = staff("coordinator-marta", "coordinator", serviceId)
const nicknames = [
  "Kuba",
  "Lenka",
  "Žaneta",
  "Dan",
  "Míša",
  "Tonda",
  "Verča",
  "Ondra",
  "Bára",
  "Kiki",
  "Pepa",
  "Ája",
  "Radek",
  "Sisi",
  "Max",
  "Nela"
]

export const club = (): Script => {
  const regulars: Array<string> = []
  const figures = {
    regulars: figure(
      "young people known by a nickname",
      "registered as pseudonymous: a nickname they chose, an age band, nothing else"
    ),
    evenings: figure(
      "group evenings",
      "four club evenings a week, each one contact with its known and anonymous participants"
    ),
    individual: figure("individual contacts", "a talk with one regular: counselling, crisis help, school and work"),
    firstContacts: figure(
      "first contacts (anonymous)",
      "someone new who came in or was met outside, recorded without any identity"
    ),
    known: figure("known participations", "a regular at a contact; one person at three evenings counts three times"),
    anonymous: figure(
      "anonymous participations",
      "a visitor who gave no name, counted at the contact; nobody is recorded"
    ),
    activities: figure("group activities", "one a week (sport, music, a trip…), with attendance"),
    outcomes: figure("outcome measurements", "each quarter, with the young person, on the club's indicators")
  }
  const contact = (
    week: number,
    weekday: number,
    hour: number,
    extra: Record<string, unknown>,
    street = false
  ): Command => ({
    actor: worker,
    op: "recordContact",
    input: {
      serviceId,
      at: at(week, weekday, hour),
      durationMinutes: 60,
      ...(street ? { locationKind: "street-area" } : { locationId: "ostrov-room", locationKind: "club-premises" }),
      channel: "in-person",
      workers: [worker.id],
      participants: [],
      anonymousCount: 0,
      interventions: ["contact"],
      firstContact: false,
      mode: "individual",
      ...extra
    }
  })
  return {
    organisation: { id: "ngo-ostrov", name: "Ostrov, z. s.", country: "CZ" },
    language: "cs",
    plugin: lowThresholdClub,
    serviceId,
    serviceName: "Nízkoprahový klub Ostrov",
    coordinator,
    setup: () => [
      {
        actor: administrator,
        op: "registerOrganisation",
        input: { id: "ngo-ostrov", name: "Ostrov, z. s.", country: "CZ" }
      },
      {
        actor: administrator,
        op: "registerLocation",
        input: {
          id: "ostrov-room",
          organisationId: "ngo-ostrov",
          name: "Klub Ostrov",
          kind: "club-premises",
          confidential: false,
          municipality: "Praha 4"
        }
      },
      {
        actor: administrator,
        op: "registerService",
        input: {
          id: serviceId,
          organisationId: "ngo-ostrov",
          type: "low-threshold-club",
          name: "Nízkoprahový klub Ostrov",
          targetGroup: { description: "Children and young people 12–20 from Praha 4", ageRange: { min: 12, max: 20 } },
          localities: ["ostrov-room"],
          principles: [...lowThresholdClub.principles],
          freeOfCharge: true,
          firstContactChannels: ["walk-in", "friends", "outreach", "social-network", "school-programme"],
          registeredAt: "2025-01-01T00:00:00.000Z"
        }
      }
    ],
    week: (week, random) => {
      const commands: Array<Command> = []
      if (regulars.length < 36 && random.chance(0.7)) {
        const id = `ostrov-youth-${serial(regulars.length + 1)}`
        commands.push({
          actor: worker,
          op: "registerPerson",
          input: {
            _tag: "pseudonymous",
            id,
            serviceId,
            sharedWith: [],
            ageBand: random.pick(["11-14", "15-17", "15-17", "18-20"]),
            gender: random.pick(["female", "male", "not-stated"]),
            needs: [],
            registeredAt: at(week, 0, 15),
            nickname: `${random.pick(nicknames)} ${regulars.length + 1}`
          }
        })
        regulars.push(id)
        figures.regulars.value++
      }
      for (let weekday = 0; weekday < 4; weekday++) {
        const participants = random.sample(regulars, random.int(0, Math.min(8, regulars.length)))
        const anonymous = random.int(2, 9)
        commands.push(contact(week, weekday, 15, {
          durationMinutes: 180,
          participants,
          anonymousCount: anonymous,
          mode: "group",
          interventions: random.sample(["contact", "leisure-activity", "information", "conversation", "group-work"], 2)
        }))
        figures.evenings.value++
        figures.known.value += participants.length
        figures.anonymous.value += anonymous
      }
      for (let i = random.int(0, 2); i > 0 && regulars.length > 0; i--) {
        commands.push(contact(week, random.int(0, 3), 18, {
          participants: [random.pick(regulars)],
          durationMinutes: random.int(20, 60),
          interventions: random.sample([
            "counselling",
            "crisis-intervention",
            "school-and-work-support",
            "conversation"
          ], 1)
        }))
        figures.individual.value++
        figures.known.value++
      }
      if (random.chance(0.8)) {
        commands.push(contact(week, random.int(0, 3), 16, {
          anonymousCount: 1,
          durationMinutes: 15,
          interventions: ["contact", "information"],
          firstContact: true,
          firstContactChannel: random.pick([
            "walk-in",
            "walk-in",
            "friends",
            "outreach",
            "social-network",
            "school-programme"
          ])
        }, random.chance(0.3)))
        figures.firstContacts.value++
        figures.anonymous.value++
      }
      const topic = random.pick(
        lowThresholdClub.taxonomies.activityTopics ? Object.keys(lowThresholdClub.taxonomies.activityTopics) : ["games"]
      )
      commands.push({
        actor: worker,
        op: "recordActivity",
        input: {
          id: `ostrov-activity-${serial(week + 1)}`,
          serviceId,
          kind: "group-session",
          topic,
          title: `Friday: ${topic}`,
          startsAt: at(week, 4, 16),
          audience: "youth",
          forExternalStaff: false,
          attendees: random.sample(regulars, random.int(0, 6)),
          anonymousAttendance: random.int(3, 12)
        }
      })
      figures.activities.value++
      if (quarterEnds(week)) {
        for (const personId of regulars) {
          const indicator = random.pick(["safe-space", "received-help", "social-connection", "meaningful-leisure"])
          commands.push({
            actor: worker,
            op: "recordOutcome",
            input: {
              personId,
              serviceId,
              indicator,
              at: at(week, 2, 17),
              value: { _tag: "YesNo", value: random.chance(0.75) },
              personParticipated: true
            }
          })
          figures.outcomes.value++
        }
      }
      return commands
    },
    figures: Object.values(figures),
    attempts: () => [
      {
        actor: worker,
        op: "startCooperation",
        what: "record a young person as sent to the club by their school (compelled)",
        input: { serviceId, personId: regulars[0], startedAt: at(51, 1, 15), compelled: true }
      },
      {
        actor: worker,
        op: "chargeFee",
        what: "charge 50 CZK for the club's trip",
        input: { serviceId, amountMinor: 5000, currency: "CZK" }
      }
    ]
  }
}
