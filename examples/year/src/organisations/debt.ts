/**
 * Rovnováha, o. p. s.: debt counselling for adults (18+). Each client cooperates for some weeks:
 * a plan with goals in the client's own words, the steps the client takes, contacts, the five
 * outcomes of the seed, and an end the client may choose at any time.
 */
import { debtCounselling } from "@pomoc/service-debt-counselling"
import { at } from "../calendar.js"
import { administrator, type Command, figure, type Script, serial, staff } from "../script.js"

const serviceId = "debt-rovnovaha"
const worker = staff("counsellor-petr", "worker", serviceId)
const coordinator = staff("head-pavel", "coordinator", serviceId)

interface Client {
  readonly id: string
  readonly startedWeek: number
  readonly endsWeek: number
  readonly planId: string
  readonly cooperationId: string
  achieved: boolean
}

const goals = [
  "Vědět, komu všemu dlužím, a přestat se bát dopisů.",
  "Mít každý měsíc na nájem.",
  "Podat návrh na oddlužení.",
  "Domluvit se s věřiteli na splátkách."
]

export const debt = (): Script => {
  const clients: Array<Client> = []
  const figures = {
    clients: figure("clients", "adults who started a cooperation this year, each known by a client code"),
    plans: figure("individual plans", "one per client, goals in the client's own words"),
    stepsByClient: figure(
      "plan steps taken by the client",
      "the client takes the steps (active cooperation); the counsellor does not act without them"
    ),
    contacts: figure("contacts", "consultations in person, by phone, e-mail or video call"),
    achieved: figure("goals achieved", "set with the client taking part; a goal is never marked without them"),
    outcomes: figure("outcome measurements", "the seed's five outcomes, each recorded with the client"),
    ended: figure(
      "cooperations ended",
      "by the client or by agreement; the client may end at any time without giving a reason"
    )
  }
  const contact = (
    client: Client,
    week: number,
    weekday: number,
    interventions: ReadonlyArray<string>,
    extra: Record<string, unknown> = {}
  ): Command => {
    figures.contacts.value++
    return {
      actor: worker,
      op: "recordContact",
      input: {
        serviceId,
        at: at(week, weekday, 9 + (clients.indexOf(client) % 8)),
        durationMinutes: 60,
        locationKind: "office",
        channel: "in-person",
        workers: [worker.id],
        participants: [client.id],
        anonymousCount: 0,
        interventions,
        firstContact: false,
        mode: "individual",
        ...extra
      }
    }
  }
  const outcome = (client: Client, week: number, indicator: string, value: unknown): Command => {
    figures.outcomes.value++
    return {
      actor: worker,
      op: "recordOutcome",
      input: { personId: client.id, serviceId, indicator, at: at(week, 3, 14), value, personParticipated: true }
    }
  }
  return {
    organisation: { id: "ngo-rovnovaha", name: "Rovnováha, o. p. s.", country: "CZ" },
    language: "cs",
    plugin: debtCounselling,
    serviceId,
    serviceName: "Dluhová poradna Rovnováha",
    coordinator,
    setup: () => [
      {
        actor: administrator,
        op: "registerOrganisation",
        input: { id: "ngo-rovnovaha", name: "Rovnováha, o. p. s.", country: "CZ" }
      },
      {
        actor: administrator,
        op: "registerService",
        input: {
          id: serviceId,
          organisationId: "ngo-rovnovaha",
          type: "debt-counselling",
          name: "Dluhová poradna Rovnováha",
          targetGroup: { description: "Adults in debt", ageRange: { min: 18, max: 120 } },
          localities: [],
          principles: [...debtCounselling.principles],
          freeOfCharge: true,
          firstContactChannels: [
            "own-initiative",
            "friends-or-family",
            "other-service",
            "municipal-office",
            "labour-office",
            "website"
          ],
          registeredAt: "2025-01-01T00:00:00.000Z"
        }
      }
    ],
    week: (week, random) => {
      const commands: Array<Command> = []
      if (week < 46) {
        for (let i = random.int(0, 2); i > 0; i--) {
          const n = clients.length + 1
          const client: Client = {
            id: `debt-client-${serial(n)}`,
            startedWeek: week,
            endsWeek: Math.min(51, week + random.int(6, 20)),
            planId: `debt-plan-${serial(n)}`,
            cooperationId: `debt-cooperation-${serial(n)}`,
            achieved: false
          }
          clients.push(client)
          figures.clients.value++
          figures.plans.value++
          const steps = random.int(1, 3)
          figures.stepsByClient.value += steps
          commands.push(
            {
              actor: worker,
              op: "registerPerson",
              input: {
                _tag: "pseudonymous",
                id: client.id,
                serviceId,
                sharedWith: [],
                ageBand: random.pick(["21-26", "27-64", "27-64", "65+"]),
                gender: random.pick(["female", "male"]),
                needs: random.sample(Object.keys(debtCounselling.taxonomies.needs ?? {}), 2),
                registeredAt: at(week, 0, 8),
                nickname: `R-${serial(n)}`
              }
            },
            {
              actor: worker,
              op: "startCooperation",
              input: { id: client.cooperationId, serviceId, personId: client.id, startedAt: at(week, 0, 8, 30) }
            },
            contact(client, week, 0, ["information", "debt-analysis"], {
              firstContact: true,
              firstContactChannel: random.pick([
                "own-initiative",
                "friends-or-family",
                "other-service",
                "municipal-office",
                "labour-office",
                "website"
              ]),
              durationMinutes: 90
            }),
            {
              actor: worker,
              op: "createPlan",
              input: {
                id: client.planId,
                personId: client.id,
                serviceId,
                createdAt: at(week, 0, 11),
                reviews: [],
                goals: [{
                  id: "goal-1",
                  inPersonsWords: random.pick(goals),
                  indicator: "informed-about-options",
                  status: "open",
                  steps: Array.from(
                    { length: steps },
                    (_, s) => ({ id: `step-${s + 1}`, description: "Krok, který udělám sám.", takenBy: "person" })
                  )
                }]
              }
            }
          )
        }
      }
      for (const client of clients) {
        if (week <= client.startedWeek || week > client.endsWeek) continue
        if (random.chance(0.45)) {
          commands.push(
            contact(
              client,
              week,
              random.int(1, 4),
              random.sample(
                debtCounselling.taxonomies.interventions
                  ? Object.keys(debtCounselling.taxonomies.interventions)
                  : ["counselling"],
                2
              ),
              {
                channel: random.pick(["in-person", "in-person", "phone", "e-mail", "video-call"]),
                durationMinutes: random.int(20, 90)
              }
            )
          )
        }
        if (week === client.startedWeek + 4) {
          commands.push(outcome(client, week, "informed-about-options", { _tag: "YesNo", value: true }))
          if (random.chance(0.7)) {
            client.achieved = true
            figures.achieved.value++
            commands.push({
              actor: worker,
              op: "setGoalStatus",
              input: { planId: client.planId, goalId: "goal-1", status: "achieved", personParticipated: true }
            })
          }
        }
        if (week === client.endsWeek) {
          const improved = random.chance(0.65)
          commands.push(
            outcome(client, week, "situation-improved", { _tag: "YesNo", value: improved }),
            outcome(client, week, "competent-and-active", { _tag: "Ladder", value: random.int(improved ? 3 : 1, 5) }),
            outcome(client, week, "oriented-for-future", { _tag: "YesNo", value: random.chance(0.7) })
          )
          if (improved) {
            commands.push(
              outcome(client, week, "situation-improved-in-area", {
                _tag: "Category",
                value: random.pick(["debts", "budgeting-problems", "unstable-housing"])
              })
            )
          }
          if (client.endsWeek < 51) {
            figures.ended.value++
            commands.push({
              actor: worker,
              op: "endCooperation",
              input: { cooperationId: client.cooperationId, endedBy: random.chance(0.3) ? "person" : "service" }
            })
          }
        }
      }
      return commands
    },
    figures: Object.values(figures),
    attempts: () => {
      const client = clients.find((c) => !c.achieved) ?? clients[0]!
      return [
        {
          actor: worker,
          op: "setGoalStatus",
          what: "mark a client's goal achieved without the client taking part",
          input: { planId: client.planId, goalId: "goal-1", status: "achieved", personParticipated: false }
        },
        {
          actor: worker,
          op: "chargeFee",
          what: "charge a fee for a consultation",
          input: { serviceId, personId: client.id, amountMinor: 20000, currency: "CZK" }
        }
      ]
    }
  }
}

/** The debt client who asks to be forgotten at the end of the year (see the erasure). */
export const erasedClient = "debt-client-001"
export const debtCoordinator = coordinator
export const debtServiceId = serviceId
