/**
 * The HTTP API of the case-work operations, generated from the operations table
 * (`Casework.operations`): one `POST /v1/<operation>` endpoint per operation and `POST /v1/batch`,
 * each taking the operation's input as its JSON body and answering with its JSON result, or a
 * problem (see {@link Problems}). Nothing here lists operations by hand: an operation added to the
 * table is an endpoint, in the OpenAPI document and in the typed client, with no change here.
 *
 * The body is decoded by the case-work pipeline, not by the HTTP layer, so a bad input gets the
 * same `InvalidInput` (422, naming each field and rule) as through the library.
 *
 * @since 0.2.0
 */
import { Casework } from "@pomoc/core"
import { Context, Schema } from "effect"
import { HttpApi, HttpApiEndpoint, HttpApiGroup, HttpApiMiddleware, OpenApi } from "effect/http-api"
import * as Problems from "./Problems.js"

/**
 * The names of the operations, in the table's order.
 * @since 0.2.0
 * @category models
 */
export type OperationName = Extract<keyof Casework.Operations, string>

/**
 * The names of every endpoint: the operations and `batch`.
 * @since 0.2.0
 * @category models
 */
export type EndpointName = OperationName | "batch"

/**
 * The operations of the table, by name.
 * @since 0.2.0
 * @category models
 */
export const operationNames: ReadonlyArray<OperationName> = Object.keys(Casework.operations) as Array<OperationName>

/**
 * Every endpoint's name: the operations, then `batch`.
 * @since 0.2.0
 * @category models
 */
export const endpointNames: ReadonlyArray<EndpointName> = [...operationNames, "batch"]

/**
 * The path of an endpoint.
 * @since 0.2.0
 * @category models
 */
export const pathOf = (name: EndpointName): `/v1/${string}` => `/v1/${name}`

/**
 * The actor the app's authentication found for the request (what the case-work API takes as its
 * actor argument).
 * @since 0.2.0
 * @category services
 */
export class CurrentActor extends Context.Service<CurrentActor, unknown>()("@pomoc/server/CurrentActor") {}

/**
 * The authentication middleware of every endpoint: it runs the app's `authenticate` and answers
 * `Unauthenticated` (401) when it finds no actor.
 * @since 0.2.0
 * @category middleware
 */
export class Authentication extends HttpApiMiddleware.Service<Authentication, { provides: CurrentActor }>()(
  "@pomoc/server/Authentication",
  { error: Problems.Unauthenticated }
) {}

const endpoint = (name: EndpointName, summary: string) =>
  HttpApiEndpoint.post(name, pathOf(name), {
    payload: Schema.Unknown,
    success: Schema.Unknown,
    error: Problems.operationProblems
  }).annotateMerge(OpenApi.annotations({ summary, description: summary }))

const summaryOf = (name: OperationName): string => {
  const op = Casework.operations[name] as { readonly summary: string }
  return op.summary.charAt(0).toUpperCase() + op.summary.slice(1) + "."
}

/**
 * The group of the case-work endpoints (its type is kept loose: the endpoints are generated).
 * @since 0.2.0
 * @category models
 */
export type Group = HttpApiGroup.HttpApiGroup<"casework", HttpApiEndpoint.Top, true>

const makeGroup = (): Group => {
  let group = HttpApiGroup.make("casework", { topLevel: true })
  for (const name of operationNames) {
    group = group.add(endpoint(name, summaryOf(name)) as never)
  }
  group = group.add(
    endpoint(
      "batch",
      "Run many writes as one unit of work: all stored together, or none (the problem's `batch` names the failing command)."
    ) as never
  )
  return group.middleware(HttpApiMiddleware.ProblemDetails).middleware(Authentication) as unknown as Group
}

/**
 * The HTTP API of Pomoc's case work, generated from the operations table.
 * @since 0.2.0
 * @category models
 */
export type PomocApi = HttpApi.HttpApi<"pomoc", Group>

/**
 * The HTTP API of Pomoc's case work, generated from the operations table.
 * @since 0.2.0
 * @category models
 */
export const api: PomocApi = HttpApi.make("pomoc").add(makeGroup()).annotateMerge(OpenApi.annotations({
  title: "Pomoc case-work API",
  version: "0.1.0",
  description:
    "Every case-work operation of Pomoc as `POST /v1/<operation>`, generated from the operations table. Errors are RFC 9457 problem details (`application/problem+json`) that carry the typed reasons and never personal data."
}))
