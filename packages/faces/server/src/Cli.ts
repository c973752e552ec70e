/**
 * `pomoc-server`: the HTTP API on SQLite (`--db pomoc.db`) or PostgreSQL (`--postgres <url>`),
 * with the five service-type plugins Pomoc ships, for a quick start.
 *
 * ```sh
 * npx pomoc-server --db pomoc.db --actors actors.json --port 8080
 * ```
 *
 * - `--actors <file>`: who may call: a JSON object from bearer token to actor,
 *   `{ "<token>": { "id": "worker-eva", "grants": [{ "role": "worker", "services": ["club"] }] } }`.
 *   A request without one of these tokens gets 401. When the file gives grants, it is the staff
 *   directory (a fixed deployment: `setStaff` then changes nothing); when it gives only ids
 *   (`{ "<token>": "worker-eva" }` or `{ "id": … }`), the store's staff directory decides, set up
 *   with `setupAdministrator` and `setStaff`.
 * - `--key-file <file>`: the field-encryption key (32 random bytes). With `--db` it defaults to
 *   `<db>.key` and is created (mode 0600) when missing; keep it apart from backups of the
 *   database. With `--postgres` it is required (or `POMOC_KEY`, the key in base64).
 * - `--port` (default 8080), `--host` (default 127.0.0.1), `--max-body` in bytes (default
 *   1 MiB), `--rate-limit` requests per minute per client (default 600), `--cors <origin>`
 *   (repeatable).
 *
 * @since 0.2.0
 */
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import { Casework, FieldCrypto, Registry, StaffDirectory } from "@pomoc/core"
import { childrenInCare } from "@pomoc/service-children-in-care"
import { communityCentre } from "@pomoc/service-community-centre"
import { debtCounselling } from "@pomoc/service-debt-counselling"
import { lowThresholdClub } from "@pomoc/service-low-threshold-club"
import { streetWork } from "@pomoc/service-street-work"
import { PostgresStore } from "@pomoc/store-postgres"
import { SqliteStore } from "@pomoc/store-sqlite"
import { Effect, Layer } from "effect"
import { HttpRouter, HttpServer } from "effect/http"
import { existsSync, readFileSync, writeFileSync } from "node:fs"
import { createServer } from "node:http"
import { parseArgs } from "node:util"
import * as Server from "./Server.js"

/**
 * The command line, parsed.
 * @since 0.2.0
 * @category models
 */
export interface Arguments {
  readonly db?: string
  readonly postgres?: string
  readonly actors?: string
  readonly keyFile?: string
  readonly port: number
  readonly host: string
  readonly maxBody: number
  readonly rateLimit: number
  readonly cors: ReadonlyArray<string>
}

/**
 * Parses the command line; throws a usage message when it is wrong.
 * @since 0.2.0
 * @category constructors
 */
export const parse = (argv: ReadonlyArray<string>): Arguments => {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      db: { type: "string" },
      postgres: { type: "string" },
      actors: { type: "string" },
      "key-file": { type: "string" },
      port: { type: "string", default: "8080" },
      host: { type: "string", default: "127.0.0.1" },
      "max-body": { type: "string", default: String(1024 * 1024) },
      "rate-limit": { type: "string", default: "600" },
      cors: { type: "string", multiple: true, default: [] }
    }
  })
  if ((values.db === undefined) === (values.postgres === undefined)) throw new Error(usage)
  const number = (name: string, text: string) => {
    const n = Number(text)
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`--${name} must be a whole number\n\n${usage}`)
    return n
  }
  return {
    ...(values.db === undefined ? {} : { db: values.db }),
    ...(values.postgres === undefined ? {} : { postgres: values.postgres }),
    ...(values.actors === undefined ? {} : { actors: values.actors }),
    ...(values["key-file"] === undefined ? {} : { keyFile: values["key-file"] }),
    port: number("port", values.port),
    host: values.host,
    maxBody: number("max-body", values["max-body"]),
    rateLimit: number("rate-limit", values["rate-limit"]),
    cors: values.cors
  }
}

/**
 * The usage message.
 * @since 0.2.0
 * @category models
 */
export const usage =
  `usage: pomoc-server (--db <file.db> | --postgres <url>) [--actors <actors.json>] [--key-file <file>]
                    [--port 8080] [--host 127.0.0.1] [--max-body <bytes>] [--rate-limit <per minute>] [--cors <origin>]...`

/**
 * The plugins the server registers: every service type Pomoc ships.
 * @since 0.2.0
 * @category models
 */
export const registry: Registry.Registry = Registry.makeUnsafe([
  lowThresholdClub,
  streetWork,
  debtCounselling,
  communityCentre,
  childrenInCare
])

const readKey = (args: Arguments): Uint8Array => {
  const fromEnv = process.env["POMOC_KEY"]
  if (args.keyFile === undefined && fromEnv !== undefined) return new Uint8Array(Buffer.from(fromEnv, "base64"))
  const file = args.keyFile ?? (args.db === undefined ? undefined : `${args.db}.key`)
  if (file === undefined) throw new Error(`--key-file (or POMOC_KEY) is required with --postgres\n\n${usage}`)
  if (!existsSync(file)) {
    if (args.keyFile !== undefined || args.db === undefined) throw new Error(`no key file at ${file}`)
    writeFileSync(file, globalThis.crypto.getRandomValues(new Uint8Array(32)), { mode: 0o600 })
  }
  return new Uint8Array(readFileSync(file))
}

const readActors = (file: string | undefined): ReadonlyMap<string, unknown> => {
  if (file === undefined) return new Map()
  const parsed = JSON.parse(readFileSync(file, "utf8")) as unknown
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new Error(`${file}: expected an object from token to actor`)
  }
  return new Map(Object.entries(parsed))
}

/**
 * The server of a command line as a layer (listening once built).
 * @since 0.2.0
 * @category layers
 */
export const layer = (args: Arguments): Layer.Layer<HttpServer.HttpServer, unknown> => {
  const actors = readActors(args.actors)
  const key = readKey(args)
  const store = args.db !== undefined
    ? SqliteStore.layer({ filename: args.db })
    : PostgresStore.layer({ url: args.postgres! })
  // Actors given with grants make a fixed staff directory; otherwise the store's decides.
  const fixed = [...actors.values()].filter((a): a is StaffDirectory.Entry =>
    typeof a === "object" && a !== null && "grants" in a
  )
  const directory = fixed.length > 0 ? StaffDirectory.layerList(fixed) : Layer.empty
  const casework = Casework.layer(Casework.configFromRegistry(registry)).pipe(
    Layer.provide(directory),
    Layer.provide(FieldCrypto.layer({ keys: { server: key }, current: "server" })),
    Layer.provide(store)
  )
  const routes = Server.layer({
    authenticate: (request) => {
      const header = request.headers["authorization"] ?? ""
      return Effect.succeed(header.startsWith("Bearer ") ? actors.get(header.slice(7)) : undefined)
    },
    maxBodyBytes: args.maxBody,
    rateLimit: args.rateLimit === 0 ? false : { requests: args.rateLimit, windowMillis: 60_000 },
    ...(args.cors.length === 0 ? {} : { cors: { allowedOrigins: args.cors } })
  })
  return HttpRouter.serve(routes, { disableListenLog: true }).pipe(
    Layer.provide(casework),
    Layer.provideMerge(NodeHttpServer.layer(createServer, { port: args.port, host: args.host }))
  )
}

/**
 * Runs the command line: starts the server, prints where it listens, serves until interrupted.
 * @since 0.2.0
 * @category constructors
 */
export const main = (argv: ReadonlyArray<string>): Effect.Effect<never, unknown> => {
  const args = parse(argv)
  return Layer.launch(
    Layer.effectDiscard(
      HttpServer.HttpServer.use((server) =>
        Effect.sync(() => {
          const address = server.address
          const where = address._tag === "InetAddressV4" || address._tag === "InetAddressV6"
            ? `http://${args.host}:${address.port}`
            : String(address)
          console.log(`pomoc-server listening on ${where} (OpenAPI: ${where}/openapi.json)`)
        })
      )
    ).pipe(Layer.provideMerge(layer(args)))
  )
}
