/**
 * The HTTP server of the case-work API: the generated endpoints' handlers over the
 * {@link Casework} service, the app's authentication, a body size limit, a rate limit per
 * client, CORS, and the OpenAPI 3.1 document at `/openapi.json`.
 *
 * ```ts
 * const routes = Server.layer({
 *   authenticate: (request) => Effect.succeed(actorOfToken(request.headers["authorization"])),
 *   cors: { allowedOrigins: ["https://app.example.org"] }
 * })
 * Layer.launch(HttpRouter.serve(routes).pipe(Layer.provide(caseworkLayer), Layer.provide(NodeHttpServer.layer(createServer, { port: 8080 }))))
 * ```
 *
 * @since 0.2.0
 */
import { Casework } from "@pomoc/core"
import { Clock, Effect, Layer, Option } from "effect"
import { HttpRouter, HttpServerRequest, HttpServerResponse } from "effect/http"
import { HttpApiBuilder, type HttpApiGroup, HttpApiMiddleware } from "effect/http-api"
import { api, Authentication, CurrentActor, endpointNames, type OperationName } from "./Api.js"
import { toJson } from "./internal/json.js"
import { makeLimiter } from "./internal/rateLimit.js"
import { openApi } from "./OpenApiDocument.js"
import * as Problems from "./Problems.js"

/**
 * How the server runs.
 * @since 0.2.0
 * @category models
 */
export interface Options {
  /**
   * Who sends the request: the actor the case-work API acts for (today an actor `{ id, grants }`;
   * with the staff directory, an actor id), or `undefined` to refuse with 401. Verify a bearer
   * token, a session cookie, a client certificate: whatever the app uses.
   */
  readonly authenticate: (request: HttpServerRequest.HttpServerRequest) => Effect.Effect<unknown>
  /** The largest request body in bytes (default 1 MiB); a larger body gets 413. */
  readonly maxBodyBytes?: number
  /**
   * Requests per client per window (default 600 per 60 s), the client being `key(request)`
   * (default: the remote address). Over it: 429 with `Retry-After`. `false` turns it off.
   */
  readonly rateLimit?: false | {
    /** Requests allowed per client per window. */
    readonly requests: number
    /** The window's length, in milliseconds. */
    readonly windowMillis: number
    /** Which client a request comes from (default: its remote address). */
    readonly key?: (request: HttpServerRequest.HttpServerRequest) => string
  }
  /** CORS for browser front ends (default: no CORS headers, so browsers of other origins are refused). */
  readonly cors?: {
    readonly allowedOrigins?: ReadonlyArray<string>
    readonly allowedHeaders?: ReadonlyArray<string>
    readonly credentials?: boolean
    readonly maxAge?: number
  }
  /** The path of the OpenAPI document (default `/openapi.json`). */
  readonly openapiPath?: `/${string}`
}

const defaultMaxBody = 1024 * 1024

const authenticationLayer = (authenticate: Options["authenticate"]) =>
  Layer.succeed(
    Authentication,
    Authentication.of((httpEffect) =>
      Effect.gen(function*() {
        const request = yield* HttpServerRequest.HttpServerRequest
        const actor = yield* authenticate(request)
        if (actor === undefined || actor === null) return yield* new Problems.Unauthenticated({})
        return yield* Effect.provideService(httpEffect, CurrentActor, actor)
      })
    )
  )

/** JSON has no `undefined`: a `null` body is an operation's "nothing" (e.g. `verifyAudit`). */
const run = (api: Casework.Shape, name: OperationName | "batch", actor: unknown, body: unknown) =>
  (api[name] as (actor: unknown, input: unknown) => Effect.Effect<unknown, Casework.CaseworkError>)(
    actor,
    body === null ? undefined : body
  ).pipe(
    Effect.map(toJson),
    Effect.mapError((error) => Problems.fromCaseworkError(error))
  )

const handlersLayer = HttpApiBuilder.group(
  api,
  "casework",
  Effect.fnUntraced(function*(handlers: never) {
    const casework = yield* Casework.Casework
    let built = handlers as unknown as {
      handle: (
        name: string,
        f: (req: { readonly payload: unknown }) => Effect.Effect<unknown, Problems.OperationProblem, CurrentActor>
      ) => unknown
    }
    for (const name of endpointNames) {
      built = built.handle(name, ({ payload }) =>
        Effect.gen(function*() {
          const actor = yield* CurrentActor
          return yield* run(casework, name, actor, payload)
        })) as typeof built
    }
    return built as never
  }) as never
) as unknown as Layer.Layer<HttpApiGroup.Service<"pomoc", "casework">, never, Casework.Casework>

/** A body limit and a rate limit, as one global middleware (before routing and decoding). */
const guards = (options: Options) => {
  const maxBody = options.maxBodyBytes ?? defaultMaxBody
  const limits = options.rateLimit === false ? undefined : options.rateLimit ?? { requests: 600, windowMillis: 60_000 }
  const limiter = limits === undefined ? undefined : makeLimiter(limits.requests, limits.windowMillis)
  const keyOf = limits?.key ??
    ((request: HttpServerRequest.HttpServerRequest) => Option.getOrElse(request.remoteAddress, () => "unknown"))
  return HttpRouter.middleware(
    (httpEffect) =>
      Effect.gen(function*() {
        const request = yield* HttpServerRequest.HttpServerRequest
        if (limiter !== undefined) {
          const now = yield* Clock.currentTimeMillis
          const wait = limiter(keyOf(request), now)
          if (wait > 0) {
            const retryAfter = Math.ceil(wait / 1000)
            return HttpServerResponse.setHeader(
              problemResponse(new Problems.RateLimited({ retryAfter })),
              "retry-after",
              String(retryAfter)
            )
          }
        }
        const length = Number(request.headers["content-length"] ?? "0")
        if (Number.isFinite(length) && length > maxBody) {
          return problemResponse(new Problems.TooLarge({ limit: maxBody }))
        }
        return yield* httpEffect.pipe(Effect.provideService(HttpServerRequest.MaxBodySize, BigInt(maxBody) as never))
      }),
    { global: true }
  )
}

const problemResponse = (problem: { readonly status: number } & object) =>
  HttpServerResponse.jsonUnsafe(problem, { status: problem.status, contentType: "application/problem+json" })

/**
 * The server's routes as a layer: the generated endpoints, the OpenAPI document, the guards and
 * CORS. Provide it with a {@link Casework} layer and serve it with `HttpRouter.serve`.
 * @since 0.2.0
 * @category layers
 */
export const layer = (options: Options) => {
  const openapiPath = options.openapiPath ?? "/openapi.json"
  const document = openApi()
  const docs = HttpRouter.add("GET", openapiPath, Effect.sync(() => HttpServerResponse.jsonUnsafe(document)))
  const routes = HttpApiBuilder.layer(api).pipe(
    Layer.provide(handlersLayer),
    Layer.provide(authenticationLayer(options.authenticate)),
    Layer.provide(HttpApiMiddleware.layerProblemDetails())
  )
  const cors = options.cors === undefined ? Layer.empty : HttpRouter.cors({
    allowedMethods: ["GET", "POST", "OPTIONS"],
    allowedHeaders: ["authorization", "content-type"],
    ...options.cors
  })
  return Layer.mergeAll(routes, docs, guards(options), cors)
}
