/**
 * What each organisation of the demo does, as data the simulation runs: its directory entries,
 * its staff, a week of its work (commands for the case-work API), and the moments where a
 * principle says no. Each script counts what it records, with a sentence that explains the
 * number, so the printout can say where every figure comes from.
 */
import type { Casework } from "@pomoc/core"
import type { Plugin } from "@pomoc/core"
import type { Random } from "./random.js"

/** Someone acting through Pomoc (an actor of the case-work API). */
export interface Actor {
  readonly id: string
  readonly grants: ReadonlyArray<{ readonly role: string; readonly services: "*" | ReadonlyArray<string> }>
}

/** One write for the API: who, which operation, which input. */
export interface Command {
  readonly actor: Actor
  readonly op: Casework.WriteName
  readonly input: unknown
}

/** A figure the script counted, with what it means. */
export interface Figure {
  readonly label: string
  value: number
  readonly explain: string
}

/** A command the demo expects a principle (or access control) to refuse, and why it shows it. */
export interface Attempt {
  readonly actor: Actor
  readonly op: keyof Casework.Operations
  readonly input: unknown
  /** What is being tried, in plain words. */
  readonly what: string
}

/** One organisation of the demo. */
export interface Script {
  readonly organisation: { readonly id: string; readonly name: string; readonly country: string }
  readonly language: "cs" | "lt" | "bg" | "en"
  readonly plugin: Plugin.Plugin
  readonly serviceId: string
  readonly serviceName: string
  /** Who runs the reports (the service's coordinator). */
  readonly coordinator: Actor
  /** The organisation, its service, locations and volunteers (run once, by the administrator). */
  readonly setup: () => ReadonlyArray<Command>
  /** A week of work. */
  readonly week: (week: number, random: Random) => ReadonlyArray<Command>
  /** What the script counted. */
  readonly figures: ReadonlyArray<Figure>
  /** Commands a principle must refuse, tried after the year (nothing of them is stored). */
  readonly attempts: () => ReadonlyArray<Attempt>
}

/** A counted figure. */
export const figure = (label: string, explain: string): Figure => ({ label, value: 0, explain })

/**
 * The demo's staff directory: every actor the scripts declare, by id. The simulation gives it to
 * the case-work API as its `StaffDirectory` (an app's own directory), so what each actor may do
 * comes from here, not from the actor objects the commands carry.
 */
export const enrolled = new Map<string, Actor>()

const enrol = (actor: Actor): Actor => {
  enrolled.set(actor.id, actor)
  return actor
}

/** An actor holding one role in one service. */
export const staff = (id: string, role: string, serviceId: string): Actor =>
  enrol({ id, grants: [{ role, services: [serviceId] }] })

/** The administrator of the whole demo database (registers organisations and services). */
export const administrator: Actor = enrol({ id: "admin-demo", grants: [{ role: "administrator", services: "*" }] })

/** The auditor, who verifies the audit chain. */
export const auditor: Actor = enrol({ id: "auditor-demo", grants: [{ role: "auditor", services: "*" }] })

/** A padded serial, for ids. */
export const serial = (n: number): string => String(n).padStart(3, "0")
