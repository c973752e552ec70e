/**
 * Alytaus bendruomenės centras (Lithuania): a municipal community centre for all ages: open and
 * street youth work, a children's day centre, seniors' activities, art groups, courses, camps,
 * events, volunteers of all ages and premises for NGOs.
 */
import { communityCentre } from "@pomoc/service-community-centre"
import { at, quarterEnds } from "../calendar.js"
import { administrator, type Command, figure, type Script, serial, staff } from "../script.js"

const serviceId = "centre-alytus"
const worker = staff("worker-ruta", "worker", serviceId)
const coordinator = staff("coordinator-jonas", "coordinator", serviceId)

const weekly = [
  ["open-youth-work", "youth", 1],
  ["childrens-day-centre", "children", 2],
  ["seniors-activities", "seniors", 3],
  ["amateur-art-group", "all", 4],
  ["hobby-club", "all", 0]
] as const
const occasional = [["course", "adults"], ["event", "all"], ["intergenerational-meeting", "all"], ["sport", "youth"], [
  "ngo-premises-use",
  "all"
]] as const

export const centre = (): Script => {
  const members: Array<string> = []
  const volunteers: Array<string> = []
  const figures = {
    members: figure(
      "people known by a code",
      "children and young people of the day centre and youth work, pseudonymous"
    ),
    activities: figure(
      "activities",
      "five weekly groups (youth work, children's day centre, seniors, art group, hobby club) and courses, events, camps"
    ),
    namedAttendance: figure("named attendances", "a known member at an activity"),
    anonymousAttendance: figure("anonymous attendances", "visitors counted at an activity, never named"),
    streetYouthWork: figure(
      "street youth work contacts",
      "youth workers in parks, streets and sports grounds, mostly with anonymous young people"
    ),
    volunteers: figure("volunteers", "registered volunteers of all ages (a display name, an age group, skills)"),
    volunteerHours: figure("volunteer hours", "hours volunteers gave to activities"),
    outcomes: figure("outcome measurements", "each quarter, with the member")
  }
  const activity = (
    week: number,
    weekday: number,
    topic: string,
    audience: string,
    random: { int: (a: number, b: number) => number; sample: <A>(x: ReadonlyArray<A>, n: number) => Array<A> }
  ): Command => {
    const attendees = audience === "seniors" ? [] : random.sample(members, random.int(0, 8))
    const anonymous = random.int(4, 30)
    figures.activities.value++
    figures.namedAttendance.value += attendees.length
    figures.anonymousAttendance.value += anonymous
    return {
      actor: worker,
      op: "recordActivity",
      input: {
        id: `centre-${topic}-${serial(week)}-${weekday}`,
        serviceId,
        kind: topic === "course" ? "course" : topic === "event" ? "event" : "group-session",
        topic,
        title: topic,
        startsAt: at(week, weekday, 16),
        audience,
        forExternalStaff: false,
        attendees,
        anonymousAttendance: anonymous
      }
    }
  }
  return {
    organisation: { id: "ngo-alytus", name: "Alytaus bendruomenės centras", country: "LT" },
    language: "lt",
    plugin: communityCentre,
    serviceId,
    serviceName: "Sociokultūrinės paslaugos",
    coordinator,
    setup: () => {
      const names = [
        ["Austėja", "youth"],
        ["Matas", "youth"],
        ["Ona", "senior"],
        ["Petras", "senior"],
        ["Gabija", "adult"],
        ["Lukas", "youth"],
        ["Rasa", "adult"],
        ["Vytas", "senior"]
      ] as const
      figures.volunteers.value = names.length
      return [
        {
          actor: administrator,
          op: "registerOrganisation",
          input: { id: "ngo-alytus", name: "Alytaus bendruomenės centras", country: "LT" }
        },
        {
          actor: administrator,
          op: "registerService",
          input: {
            id: serviceId,
            organisationId: "ngo-alytus",
            type: "community-centre",
            name: "Sociokultūrinės paslaugos",
            targetGroup: { description: "Alytus residents of all ages" },
            localities: [],
            principles: [...communityCentre.principles],
            freeOfCharge: true,
            firstContactChannels: ["walk-in", "street-youth-work", "event", "referral", "friends-or-family"],
            registeredAt: "2025-01-01T00:00:00.000Z"
          }
        },
        ...names.map(([displayName, ageGroup], i): Command => {
          const id = `centre-volunteer-${serial(i + 1)}`
          volunteers.push(id)
          return {
            actor: coordinator,
            op: "registerVolunteer",
            input: {
              id,
              organisationId: "ngo-alytus",
              displayName,
              kind: "volunteer",
              ageGroup,
              since: "2025-01-02T00:00:00.000Z",
              skills: []
            }
          }
        })
      ]
    },
    week: (week, random) => {
      const commands: Array<Command> = []
      if (members.length < 30 && random.chance(0.6)) {
        const id = `centre-member-${serial(members.length + 1)}`
        members.push(id)
        figures.members.value++
        commands.push({
          actor: worker,
          op: "registerPerson",
          input: {
            _tag: "pseudonymous",
            id,
            serviceId,
            sharedWith: [],
            ageBand: random.pick(["6-10", "11-14", "15-17", "18-20"]),
            gender: random.pick(["female", "male"]),
            needs: random.sample(Object.keys(communityCentre.taxonomies.needs ?? {}), 1),
            registeredAt: at(week, 1, 15),
            nickname: `A-${serial(members.length)}`
          }
        })
      }
      for (const [topic, audience, weekday] of weekly) commands.push(activity(week, weekday, topic, audience, random))
      if (random.chance(0.6)) {
        const [topic, audience] = random.pick(occasional)
        commands.push(activity(week, 5, topic, audience, random))
      }
      if (week === 28) commands.push(activity(week, 6, "camp", "youth", random))
      for (let i = random.int(1, 3); i > 0; i--) {
        const anonymous = random.int(2, 8)
        figures.streetYouthWork.value++
        commands.push({
          actor: worker,
          op: "recordContact",
          input: {
            serviceId,
            at: at(week, random.int(0, 4), 19, i),
            durationMinutes: 90,
            locationKind: "street-area",
            channel: "in-person",
            workers: [worker.id],
            participants: random.sample(members, random.int(0, 2)),
            anonymousCount: anonymous,
            interventions: ["street-youth-work", "information"],
            firstContact: false,
            mode: "group"
          }
        })
      }
      for (const volunteerId of random.sample(volunteers, random.int(2, 5))) {
        const hours = random.int(2, 8) / 2
        figures.volunteerHours.value += hours
        commands.push({
          actor: coordinator,
          op: "recordVolunteerHours",
          input: { volunteerId, serviceId, on: at(week, random.int(0, 5), 10), hours }
        })
      }
      if (quarterEnds(week)) {
        for (const personId of members) {
          figures.outcomes.value++
          commands.push({
            actor: worker,
            op: "recordOutcome",
            input: {
              personId,
              serviceId,
              indicator: "participation",
              at: at(week, 2, 12),
              value: { _tag: "Category", value: random.pick(["first", "occasional", "regular", "regular"]) },
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
        op: "startCooperation",
        what: "enrol a young person in the day centre because the school sent them (compelled)",
        input: { serviceId, personId: members[0], startedAt: at(51, 1, 10), compelled: true }
      }
    ]
  }
}
