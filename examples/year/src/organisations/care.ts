/**
 * A Bulgarian NGO for children in institutional or private care: needs analyses, individual and
 * group trainings for the children and for the staff of care institutions, career guidance and
 * job search for young people, volunteers and interns.
 */
import { childrenInCare } from "@pomoc/service-children-in-care"
import { at, quarterEnds } from "../calendar.js"
import { administrator, type Command, figure, type Script, serial, staff } from "../script.js"

const serviceId = "care-bg"
const worker = staff("worker-maria", "worker", serviceId)
const coordinator = staff("coordinator-georgi", "coordinator", serviceId)

export const care = (): Script => {
  const children: Array<string> = []
  const volunteers: Array<string> = []
  const figures = {
    children: figure("children and young people", "referred by care institutions and foster carers, known by a code"),
    analyses: figure(
      "needs analyses",
      "a first meeting that analyses intellectual, social, psychological and career needs"
    ),
    guidance: figure("individual sessions", "individual training, career guidance, job-search support, mentoring"),
    trainings: figure("group trainings for the children", "weekly, with named attendance"),
    staffTrainings: figure(
      "trainings for care-institution staff",
      "monthly, for staff of other organisations (counted, not named)"
    ),
    volunteers: figure("volunteers and interns", "young people gaining experience in the NGO's projects"),
    volunteerHours: figure("volunteer and intern hours", "hours given to the projects"),
    outcomes: figure("outcome measurements", "each quarter, with the young person")
  }
  return {
    organisation: { id: "ngo-care-bg", name: "Фондация „Шанс“", country: "BG" },
    language: "bg",
    plugin: childrenInCare,
    serviceId,
    serviceName: "Обучение и кариерно ориентиране",
    coordinator,
    setup: () => {
      const people = [
        ["Петя", "volunteer", "youth"],
        ["Иван", "volunteer", "adult"],
        ["Десислава", "intern", "youth"],
        ["Николай", "intern", "youth"],
        ["Елена", "volunteer", "adult"]
      ] as const
      figures.volunteers.value = people.length
      return [
        {
          actor: administrator,
          op: "registerOrganisation",
          input: { id: "ngo-care-bg", name: "Фондация „Шанс“", country: "BG" }
        },
        {
          actor: administrator,
          op: "registerService",
          input: {
            id: serviceId,
            organisationId: "ngo-care-bg",
            type: "children-in-care",
            name: "Обучение и кариерно ориентиране",
            targetGroup: {
              description: "Children and young people in institutional or private care",
              ageRange: { min: 10, max: 25 }
            },
            localities: [],
            principles: [...childrenInCare.principles],
            freeOfCharge: true,
            firstContactChannels: [
              "care-institution-visit",
              "child-protection-referral",
              "foster-carer-referral",
              "partner-organisation"
            ],
            registeredAt: "2025-01-01T00:00:00.000Z"
          }
        },
        ...people.map(([displayName, kind, ageGroup], i): Command => {
          const id = `care-volunteer-${serial(i + 1)}`
          volunteers.push(id)
          return {
            actor: coordinator,
            op: "registerVolunteer",
            input: {
              id,
              organisationId: "ngo-care-bg",
              displayName,
              kind,
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
      if (children.length < 28 && random.chance(0.55)) {
        const id = `care-child-${serial(children.length + 1)}`
        children.push(id)
        figures.children.value++
        figures.analyses.value++
        commands.push(
          {
            actor: worker,
            op: "registerPerson",
            input: {
              _tag: "pseudonymous",
              id,
              serviceId,
              sharedWith: [],
              ageBand: random.pick(["11-14", "15-17", "18-20", "18-20"]),
              gender: random.pick(["female", "male"]),
              needs: random.sample(Object.keys(childrenInCare.taxonomies.needs ?? {}), 2),
              registeredAt: at(week, 0, 10),
              nickname: `Ш-${serial(children.length)}`
            }
          },
          {
            actor: worker,
            op: "recordContact",
            input: {
              serviceId,
              at: at(week, 0, 11),
              durationMinutes: 90,
              locationKind: "care-institution",
              channel: "in-person",
              workers: [worker.id],
              participants: [id],
              anonymousCount: 0,
              interventions: ["needs-analysis"],
              firstContact: true,
              firstContactChannel: random.pick([
                "care-institution-visit",
                "care-institution-visit",
                "child-protection-referral",
                "foster-carer-referral",
                "partner-organisation"
              ]),
              mode: "individual"
            }
          }
        )
      }
      for (const personId of random.sample(children, random.int(1, 4))) {
        figures.guidance.value++
        commands.push({
          actor: worker,
          op: "recordContact",
          input: {
            serviceId,
            at: at(week, random.int(1, 4), 14, figures.guidance.value % 60),
            durationMinutes: 60,
            locationKind: "office",
            channel: random.pick(["in-person", "online", "phone"]),
            workers: [worker.id],
            participants: [personId],
            anonymousCount: 0,
            firstContact: false,
            mode: "individual",
            interventions: random.sample([
              "individual-training",
              "career-guidance",
              "job-search-support",
              "mentoring",
              "psychological-support"
            ], 1)
          }
        })
      }
      figures.trainings.value++
      commands.push({
        actor: worker,
        op: "recordActivity",
        input: {
          id: `care-training-${serial(week)}`,
          serviceId,
          kind: "training",
          topic: "group-training",
          title: "Group training",
          startsAt: at(week, 2, 15),
          audience: "youth",
          forExternalStaff: false,
          attendees: random.sample(children, random.int(3, 10)),
          anonymousAttendance: 0
        }
      })
      if (week % 4 === 1) {
        figures.staffTrainings.value++
        commands.push({
          actor: worker,
          op: "recordActivity",
          input: {
            id: `care-staff-training-${serial(week)}`,
            serviceId,
            kind: "training",
            topic: "care-staff-training",
            title: "Training for care staff",
            startsAt: at(week, 3, 9),
            audience: "staff",
            forExternalStaff: true,
            attendees: [],
            anonymousAttendance: random.int(6, 18)
          }
        })
      }
      for (const volunteerId of random.sample(volunteers, random.int(1, 3))) {
        const hours = random.int(4, 12) / 2
        figures.volunteerHours.value += hours
        commands.push({
          actor: coordinator,
          op: "recordVolunteerHours",
          input: { volunteerId, serviceId, on: at(week, random.int(0, 4), 10), hours }
        })
      }
      if (quarterEnds(week)) {
        for (const personId of children) {
          figures.outcomes.value += 2
          commands.push(
            {
              actor: worker,
              op: "recordOutcome",
              input: {
                personId,
                serviceId,
                indicator: "needs-analysed",
                at: at(week, 4, 12),
                value: { _tag: "YesNo", value: true },
                personParticipated: true
              }
            },
            {
              actor: worker,
              op: "recordOutcome",
              input: {
                personId,
                serviceId,
                indicator: "education-or-work",
                at: at(week, 4, 13),
                value: {
                  _tag: "Category",
                  value: random.pick(["not-engaged", "in-training", "in-education", "in-education", "in-work"])
                },
                personParticipated: true
              }
            }
          )
        }
      }
      return commands
    },
    figures: Object.values(figures),
    attempts: () => [
      {
        actor: staff("worker-other", "worker", "debt-rovnovaha"),
        op: "getPerson",
        what: "open a child's record as a debt counsellor of another organisation",
        input: children[0]
      }
    ]
  }
}
