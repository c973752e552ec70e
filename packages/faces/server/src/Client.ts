/**
 * A typed client of the HTTP API for TypeScript callers, built with effect's `HttpApiClient` from
 * the same generated {@link Api.api}: one method per operation of the table (and `batch`), typed by
 * the operation's input, answering its result as JSON or failing with the problem the server
 * sent, decoded into its class (`Problems.NotFound`, `Problems.CommandRefused`, …).
 *
 * ```ts
 * const client = yield* Client.make({ baseUrl: "http://127.0.0.1:8080", token: "…" })
 * const { value: person } = yield* client.registerPerson({ _tag: "anonymous", serviceId: "club-ostrov", … })
 * ```
 *
 * @since 0.2.0
 */
import type { Casework } from "@pomoc/core"
import { type DateTime, Effect } from "effect"
import { HttpClient, type HttpClientError, HttpClientRequest } from "effect/http"
import { HttpApiClient, type HttpApiError } from "effect/http-api"
import { api, type EndpointName, endpointNames, type OperationName } from "./Api.js"
import type * as Problems from "./Problems.js"

/**
 * A value as it travels in JSON: dates as ISO strings, everything else field by field.
 * @since 0.2.0
 * @category models
 */
export type JsonOf<T> = T extends DateTime.DateTime ? string
  : T extends string | number | boolean | null | undefined ? T
  : T extends ReadonlyArray<infer U> ? ReadonlyArray<JsonOf<U>>
  : T extends object ? { readonly [K in keyof T as T[K] extends (...args: never) => unknown ? never : K]: JsonOf<T[K]> }
  : T

/**
 * Any failure of a call: a problem the server answered with, or the HTTP client's own error
 * (the server is unreachable, the answer is not what the API declares).
 * @since 0.2.0
 * @category models
 */
export type ClientError =
  | Problems.OperationProblem
  | Problems.Unauthenticated
  | HttpApiError.BadRequestProblem
  | HttpClientError.HttpClientError
  | HttpApiError.HttpApiSchemaError

/**
 * The client: every operation of the table and `batch`, each taking the operation's input.
 * @since 0.2.0
 * @category models
 */
export type Client =
  & {
    readonly [K in OperationName]: (
      input: Casework.InputOf<K>
    ) => Effect.Effect<JsonOf<Casework.OutputOf<K>>, ClientError>
  }
  & {
    /** Many writes as one unit of work (all stored, or none). */
    readonly batch: (
      commands: ReadonlyArray<Casework.BatchCommand>
    ) => Effect.Effect<ReadonlyArray<JsonOf<Casework.Written<unknown>>>, ClientError>
  }

/**
 * Builds the client over the `HttpClient` in context (e.g. `FetchHttpClient.layer`).
 * `token` is sent as a bearer token; `transformClient` adds anything else (retries, headers).
 * @since 0.2.0
 * @category constructors
 */
export const make = (options: {
  readonly baseUrl: string
  readonly token?: string
  readonly transformClient?: (client: HttpClient.HttpClient) => HttpClient.HttpClient
}): Effect.Effect<Client, never, HttpClient.HttpClient> =>
  Effect.map(
    HttpApiClient.make(api, {
      baseUrl: options.baseUrl,
      transformClient: (client) => {
        const withToken = options.token === undefined
          ? client
          : HttpClient.mapRequest(client, HttpClientRequest.bearerToken(options.token))
        return options.transformClient === undefined ? withToken : options.transformClient(withToken)
      }
    }) as unknown as Effect.Effect<
      Record<EndpointName, (request: { readonly payload: unknown }) => Effect.Effect<unknown, ClientError>>
    >,
    (raw) => {
      const methods: Record<string, unknown> = {}
      for (const name of endpointNames) {
        const call = raw[name]
        methods[name] = (input: unknown) => call({ payload: input === undefined ? null : input })
      }
      return methods as Client
    }
  )
