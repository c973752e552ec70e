/**
 * `@pomoc/server` through real HTTP on loopback: every operation of the table (one call each, the
 * runnable examples of docs/casework.md, in order, through the typed client), the OpenAPI
 * document generated from the table, every problem class, authentication refused, a body over
 * the limit, malformed JSON, the rate limit and CORS.
 */
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import { PgClient } from "@effect/sql-pg"
import { Casework, FieldCrypto, InvalidReport, KeyMaterial, Pseudonym, StaffDirectory, Store } from "@pomoc/core"
import { Api, Client, Server } from "@pomoc/server"
import { MemoryStore } from "@pomoc/store-memory"
import { Context, Effect, Layer, ManagedRuntime, Redacted } from "effect"
import { FetchHttpClient, HttpRouter, HttpServer } from "effect/http"
import * as SqlClient from "effect/sql/SqlClient"
import { type ChildProcess, spawn } from "node:child_process"
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { createServer } from "node:http"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { pgConnection } from "../../../packages/stores/postgres/test/pg.js"
import { withRaw } from "../../../packages/stores/postgres/test/stores.js"
import { actors, examples } from "./casework-docs.js"
import { registry } from "./registry.js"

type ActorName = keyof typeof actors

/** The app's authentication of the tests: `Bearer <actor name>` is that actor; anything else, nobody. */
const authenticate: Server.Options["authenticate"] = (request) => {
  const header = request.headers["authorization"] ?? ""
  const name = header.startsWith("Bearer ") ? header.slice(7) : ""
  return Effect.succeed(Object.hasOwn(actors, name) ? actors[name as ActorName] : undefined)
}

/** A server; with `staff`, the docs' actors are a fixed staff directory (else the store's, set up by the examples). */
const start = async (options: Partial<Server.Options> = {}, staff = false) => {
  const casework = Casework.layer(Casework.configFromRegistry(registry)).pipe(
    Layer.provide(staff ? StaffDirectory.layerList(Object.values(actors)) : Layer.empty),
    Layer.provide(FieldCrypto.layer({ keys: { k: KeyMaterial.generate() }, current: "k" })),
    Layer.provide(Pseudonym.layer(KeyMaterial.generate())),
    Layer.provideMerge(MemoryStore.layer)
  )
  const app = HttpRouter.serve(Server.layer({ authenticate, ...options }), {
    disableLogger: true,
    disableListenLog: true
  }).pipe(
    Layer.provide(casework)
  )
  const runtime = ManagedRuntime.make(
    app.pipe(Layer.provideMerge(NodeHttpServer.layer(createServer, { port: 0, host: "127.0.0.1" })))
  )
  return { runtime, url: await urlOf(runtime) }
}

/** The server's loopback URL (it listens on a free port). */
const urlOf = async (runtime: ManagedRuntime.ManagedRuntime<HttpServer.HttpServer, unknown>) => {
  const address = await runtime.runPromise(HttpServer.HttpServer.use((server) => Effect.succeed(server.address)))
  if (address._tag !== "InetAddressV4") throw new Error("expected an IPv4 address")
  return `http://127.0.0.1:${address.port}`
}

type Started = Awaited<ReturnType<typeof start>>

const post = (server: Started, path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(server.url + path, { method: "POST", body, headers: { "content-type": "application/json", ...headers } })

const as = (actor: ActorName) => ({ authorization: `Bearer ${actor}` })

const clientOf = (server: Started, actor: ActorName) =>
  Effect.runPromise(Client.make({ baseUrl: server.url, token: actor }).pipe(Effect.provide(FetchHttpClient.layer)))

describe("@pomoc/server", () => {
  let server: Started
  beforeAll(async () => {
    server = await start({
      maxBodyBytes: 64 * 1024,
      rateLimit: { requests: 10_000, windowMillis: 60_000 },
      cors: { allowedOrigins: ["https://app.example.org"] }
    })
  })
  afterAll(() => server.runtime.dispose())

  it("has one endpoint per operation of the table, and batch", () => {
    expect([...Api.endpointNames].sort()).toEqual([...Object.keys(Casework.operations), "batch"].sort())
  })

  it("serves an OpenAPI 3.1 document with every operation, its input schema and its problems", async () => {
    const response = await fetch(server.url + "/openapi.json")
    expect(response.status).toBe(200)
    const spec = await response.json() as {
      openapi: string
      paths: Record<
        string,
        { post?: { requestBody?: { content: Record<string, { schema: object }> }; responses: Record<string, unknown> } }
      >
    }
    expect(spec.openapi).toMatch(/^3\.1/)
    for (const name of Api.endpointNames) {
      const operation = spec.paths[Api.pathOf(name)]?.post
      expect(operation, name).toBeDefined()
      expect(Object.keys(operation!.responses), name).toEqual(
        expect.arrayContaining(["200", "401", "404", "409", "422", "503"])
      )
    }
    // An input schema from the table (registerOrganisation's Organisation) documents its fields.
    const body = spec.paths["/v1/registerOrganisation"]?.post?.requestBody?.content["application/json"]?.schema as {
      $ref: string
    }
    const ref = body.$ref.replace("#/components/schemas/", "").replaceAll("~1", "/")
    expect(
      Object.keys(
        (spec as unknown as { components: { schemas: Record<string, { properties: object }> } }).components
          .schemas[ref]!.properties
      )
    ).toEqual(
      expect.arrayContaining(["id", "name"])
    )
    // A write's answer: the stored entity (the same schema) and the principles' warnings.
    const ok = spec.paths["/v1/registerOrganisation"]?.post?.responses["200"] as {
      content: Record<string, { schema: { properties: Record<string, unknown> } }>
    }
    expect(ok.content["application/json"]?.schema.properties).toMatchObject({
      value: body,
      warnings: { type: "array" }
    })
  })

  it("runs every operation of the table once (the docs' examples, in order) through the typed client", async () => {
    const clients = Object.fromEntries(
      await Promise.all(
        Object.keys(actors).map(async (name) => [name, await clientOf(server, name as ActorName)] as const)
      )
    )
    const called = new Set<string>()
    for (const example of examples) {
      const method = (clients[example.actor] as unknown as Record<
        string,
        (input: unknown) => Effect.Effect<unknown, { readonly _tag: string }>
      >)[example.op]!
      const exit = await Effect.runPromise(Effect.exit(method(example.input)))
      if (example.refused === undefined) expect(exit._tag, `${example.op}: ${JSON.stringify(exit)}`).toBe("Success")
      else {expect(exit, example.op).toMatchObject({
          _tag: "Failure",
          cause: { reasons: [{ error: { _tag: example.refused } }] }
        })}
      called.add(example.op)
    }
    expect([...called].sort()).toEqual([...Api.endpointNames].sort())
  })

  it("answers a write with the stored entity as JSON", async () => {
    const response = await post(
      server,
      "/v1/registerOrganisation",
      JSON.stringify({ id: "json-org", name: "Json" }),
      as("jana")
    )
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ value: { id: "json-org", name: "Json" }, warnings: [] })
  })

  it("refuses a request without an actor with 401", async () => {
    for (const headers of [{}, { authorization: "Bearer mallory" }]) {
      const response = await post(server, "/v1/registerOrganisation", JSON.stringify({ id: "x", name: "X" }), headers)
      expect(response.status).toBe(401)
      expect(response.headers.get("content-type")).toContain("application/problem+json")
      expect(await response.json()).toMatchObject({ type: "urn:pomoc:problem:unauthenticated", status: 401 })
    }
  })

  it("answers bad input with 422 naming the field and rule, never the value", async () => {
    const secret = "Secret Name 12345"
    const response = await post(
      server,
      "/v1/registerOrganisation",
      JSON.stringify({ id: "x", name: 5, extra: secret }),
      as("jana")
    )
    expect(response.status).toBe(422)
    const text = await response.text()
    expect(text).not.toContain(secret)
    expect(JSON.parse(text)).toMatchObject({
      type: "urn:pomoc:problem:invalid-input",
      status: 422,
      problems: expect.arrayContaining([expect.objectContaining({ path: "name" })])
    })
  })

  it("answers a principle's refusal with 422 naming the principle, rule and reason", async () => {
    const response = await post(
      server,
      "/v1/chargeFee",
      JSON.stringify({ serviceId: "club", amountMinor: 2000, currency: "CZK" }),
      as("eva")
    )
    expect(response.status).toBe(422)
    const body = await response.json() as {
      type: string
      violations: ReadonlyArray<{ principle: string; rule: string; reason: string }>
    }
    expect(body.type).toBe("urn:pomoc:problem:command-refused")
    expect(body.violations.length).toBeGreaterThan(0)
    for (const v of body.violations) expect(v.principle && v.rule && v.reason).toBeTruthy()
  })

  it("answers an invalid command with 422 naming the field", async () => {
    await post(server, "/v1/registerOrganisation", JSON.stringify({ id: "ic-org", name: "Org" }), as("jana"))
    const response = await post(
      server,
      "/v1/registerService",
      JSON.stringify({
        id: "x",
        organisationId: "ic-org",
        type: "night-shelter",
        name: "X",
        targetGroup: { description: "x" },
        localities: [],
        principles: [],
        freeOfCharge: true,
        firstContactChannels: [],
        registeredAt: "2026-03-01T00:00:00.000Z"
      }),
      as("jana")
    )
    expect(response.status).toBe(422)
    expect(await response.json()).toMatchObject({ type: "urn:pomoc:problem:invalid-command", field: "type" })
  })

  it("answers 404 alike for an unknown record and one the actor may not see, without the id", async () => {
    const unknown = await post(server, "/v1/getPerson", JSON.stringify("no-such-person"), as("eva"))
    expect(unknown.status).toBe(404)
    const body = await unknown.text()
    expect(body).not.toContain("no-such-person")
    expect(JSON.parse(body)).toMatchObject({ type: "urn:pomoc:problem:not-found", kind: "person" })
  })

  it("answers an actor without the role with 403", async () => {
    const response = await post(server, "/v1/registerOrganisation", JSON.stringify({ id: "y", name: "Y" }), as("eva"))
    expect(response.status).toBe(403)
    expect(await response.json()).toMatchObject({
      type: "urn:pomoc:problem:forbidden",
      operation: "RegisterOrganisation"
    })
  })

  it("answers a refused batch with its failing command's problem and place", async () => {
    const response = await post(
      server,
      "/v1/batch",
      JSON.stringify([
        { op: "registerOrganisation", input: { id: "batch-org", name: "B" } },
        { op: "registerOrganisation", input: { id: "batch-org-2", name: 7 } }
      ]),
      as("jana")
    )
    expect(response.status).toBe(422)
    expect(await response.json()).toMatchObject({
      type: "urn:pomoc:problem:invalid-input",
      batch: { index: 1, operation: "registerOrganisation" }
    })
    const after = await post(
      server,
      "/v1/registerOrganisation",
      JSON.stringify({ id: "batch-org", name: "B" }),
      as("jana")
    )
    expect(after.status).toBe(200)
  })

  it("answers malformed JSON with 400 and a body over the limit with 413", async () => {
    const malformed = await post(server, "/v1/registerOrganisation", "{ not json", as("jana"))
    expect(malformed.status).toBe(400)
    expect(malformed.headers.get("content-type")).toContain("application/problem+json")
    const big = await post(
      server,
      "/v1/registerOrganisation",
      JSON.stringify({ id: "big", name: "x".repeat(100 * 1024) }),
      as("jana")
    )
    expect(big.status).toBe(413)
    expect(await big.json()).toMatchObject({ type: "urn:pomoc:problem:too-large", limit: 64 * 1024 })
  })

  it("answers a body over the limit with 413 also when it comes in chunks, without a length", async () => {
    const chunk = new TextEncoder().encode(JSON.stringify({ id: "c", name: "y".repeat(40 * 1024) }).slice(0, 40 * 1024))
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(chunk)
        controller.enqueue(chunk)
        controller.close()
      }
    })
    const response = await fetch(server.url + "/v1/registerOrganisation", {
      method: "POST",
      body,
      headers: { "content-type": "application/json", ...as("jana") },
      duplex: "half"
    } as RequestInit)
    expect(response.status).toBe(413)
  })

  it("answers CORS preflights for the configured origin only", async () => {
    const preflight = (origin: string) =>
      fetch(server.url + "/v1/getPerson", {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "POST" }
      })
    const allowed = await preflight("https://app.example.org")
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://app.example.org")
    expect(allowed.headers.get("access-control-allow-headers")).toContain("authorization")
    // Another origin is never echoed back, so its browser pages may not read the answers.
    expect((await preflight("https://evil.example.com")).headers.get("access-control-allow-origin")).not.toBe(
      "https://evil.example.com"
    )
  })
})

describe("@pomoc/server errors the examples cannot reach", () => {
  // A case-work service that fails every call with one error: each error class the pipeline can
  // raise beyond the examples above maps to its status and problem type.
  const cases = [
    [
      new Store.StoreError({
        operation: "commit",
        reason: new Store.Conflict({ kind: "person", id: "p", expectedVersion: 1, actualVersion: 2 })
      }),
      409,
      "conflict",
      { reason: "Conflict" }
    ],
    [new Store.StoreError({ operation: "commit", reason: new Store.Busy({ detail: "locked" }) }), 503, "unavailable", {
      reason: "Busy"
    }],
    [
      new Store.StoreError({ operation: "read", reason: new Store.CorruptData({ detail: "bad row" }) }),
      500,
      "server-error",
      { reason: "CorruptData" }
    ],
    [new InvalidReport({ reportId: "r", field: "options.threshold", rule: "an integer ≥ 1" }), 422, "invalid-report", {
      field: "options.threshold"
    }],
    [
      new FieldCrypto.DecryptionFailed({ kind: "person", id: "p", field: "nickname", reason: "unknown-key" }),
      500,
      "server-error",
      { reason: "DecryptionFailed" }
    ]
  ] as const
  for (const [error, status, type, fields] of cases) {
    it(`answers ${error._tag} (${JSON.stringify(fields)}) with ${status}`, async () => {
      const failing = Layer.succeed(
        Casework.Casework,
        new Proxy({}, { get: () => () => Effect.fail(error) }) as Casework.Shape
      )
      const app = HttpRouter.serve(Server.layer({ authenticate }), { disableLogger: true, disableListenLog: true })
        .pipe(Layer.provide(failing))
      const runtime = ManagedRuntime.make(
        app.pipe(Layer.provideMerge(NodeHttpServer.layer(createServer, { port: 0, host: "127.0.0.1" })))
      )
      const response = await fetch(`${await urlOf(runtime)}/v1/getPerson`, {
        method: "POST",
        body: "\"p\"",
        headers: { ...as("eva"), "content-type": "application/json" }
      })
      expect(response.status).toBe(status)
      const text = await response.text()
      expect(JSON.parse(text)).toMatchObject({ type: `urn:pomoc:problem:${type}`, status, ...fields })
      // The error's detail and the record id never reach the caller.
      expect(text).not.toContain("bad row")
      expect(text).not.toContain("nickname")
      await runtime.dispose()
    })
  }

  it("answers 429 with Retry-After over the rate limit", async () => {
    const server = await start({ rateLimit: { requests: 2, windowMillis: 60_000 } }, true)
    const statuses: Array<number> = []
    let retryAfter: string | null = null
    for (let i = 0; i < 4; i++) {
      const response = await post(server, "/v1/verifyAudit", "null", as("ola"))
      statuses.push(response.status)
      if (response.status === 429) retryAfter = response.headers.get("retry-after")
    }
    expect(statuses).toEqual([200, 200, 429, 429])
    expect(Number(retryAfter)).toBeGreaterThan(0)
    await server.runtime.dispose()
  })
})

/** Runs the `pomoc-server` command with `storeArgs` (and the actors' file), stops it with SIGTERM. */
const command = (dir: string) => {
  const actorsFile = join(dir, "actors.json")
  writeFileSync(actorsFile, JSON.stringify({ "token-jana": actors.jana }))
  const bin = fileURLToPath(new URL("../../../packages/faces/server/src/bin.ts", import.meta.url))
  const start = (storeArgs: ReadonlyArray<string>) => {
    const child = spawn(process.execPath, [
      "--import",
      "tsx",
      "--conditions=@pomoc/source",
      bin,
      ...storeArgs,
      "--actors",
      actorsFile,
      "--port",
      "0"
    ], {
      stdio: ["ignore", "pipe", "pipe"]
    })
    const url = new Promise<string>((resolve, reject) => {
      let out = ""
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString()
        const match = /listening on (http:\/\/\S+) /.exec(out)
        if (match) resolve(match[1]!)
      })
      child.on("exit", (code) => reject(new Error(`exited with ${code}: ${out}`)))
    })
    return { child, url }
  }
  const stop = (child: ChildProcess) =>
    new Promise<void>((resolve) => {
      child.once("exit", () => resolve())
      child.kill("SIGTERM")
    })
  const register = (url: string, headers: Record<string, string>, body: string) =>
    fetch(`${url}/v1/registerOrganisation`, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", ...headers }
    })
  const jana = { authorization: "Bearer token-jana" }
  /** Registers an organisation, is refused without a token, serves OpenAPI; a restart keeps the data. */
  const roundTrip = async (storeArgs: ReadonlyArray<string>, between: () => void = () => {}) => {
    const first = start(storeArgs)
    const url = await first.url
    const created = await register(url, jana, JSON.stringify({ id: "ostrov", name: "Ostrov" }))
    expect(created.status).toBe(200)
    expect((await register(url, {}, "{}")).status).toBe(401)
    expect((await (await fetch(`${url}/openapi.json`)).json() as { openapi: string }).openapi).toMatch(/^3\.1/)
    await stop(first.child)
    between()
    const second = start(storeArgs)
    const again = await register(await second.url, jana, JSON.stringify({ id: "ostrov", name: "Ostrov" }))
    // Registering the same organisation again conflicts with the stored one.
    expect(again.status).not.toBe(200)
    expect(again.headers.get("content-type")).toMatch(/problem\+json/)
    await stop(second.child)
  }
  return { roundTrip }
}

describe("pomoc-server (the command)", () => {
  it("starts on an SQLite file, serves the API to the actors of its file, and keeps the data", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pomoc-server-"))
    try {
      await command(dir).roundTrip(["--db", join(dir, "pomoc.db")], () => {
        // The key file was made next to the database; a restart reads both, and the data is there.
        expect(existsSync(join(dir, "pomoc.db.key"))).toBe(true)
      })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it("starts on PostgreSQL by a URL with a key file, and keeps the data", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pomoc-server-"))
    const database = `pomoc_server_${Date.now().toString(36)}`
    const info = pgConnection()
    await Effect.runPromise(withRaw("public", (sql) => sql.unsafe(`CREATE DATABASE ${database}`)))
    try {
      const keyFile = join(dir, "server.key")
      writeFileSync(keyFile, globalThis.crypto.getRandomValues(new Uint8Array(32)), { mode: 0o600 })
      const url = `postgres://${info.user}@${info.host}:${info.port}/${database}`
      await command(dir).roundTrip(["--postgres", url, "--key-file", keyFile])
      // The data is in that database: the organisation's record was written there, once.
      const rows = await Effect.runPromise(Effect.scoped(Effect.gen(function*() {
        const context = yield* Layer.build(PgClient.layer({ url: Redacted.make(url) }))
        const sql = Context.get(context, SqlClient.SqlClient)
        return yield* sql<{ n: number }>`SELECT count(*)::int AS n FROM pomoc_records WHERE kind = 'organisation'`
      })))
      expect(rows[0]!.n).toBe(1)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
