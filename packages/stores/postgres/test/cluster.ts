/**
 * A throwaway PostgreSQL cluster for the tests of `@pomoc/store-postgres`.
 *
 * Tests never depend on a server someone started by hand: `startCluster()` runs `initdb` into a
 * fresh temporary directory and starts the server on a free loopback port with a private socket
 * directory. When `POMOC_PG_URL` is set, that server is used instead and nothing is started.
 *
 * A stray server must never outlive the test run, so besides the `stop()` the caller runs at
 * teardown there are two safety nets: signal/exit handlers in this process, and a detached
 * watchdog process that stops the server and deletes its directory as soon as this process is
 * gone (covers `kill -9` and crashes, where no handler runs).
 */
import { spawn, spawnSync } from "node:child_process"
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"

/** Where and as whom to connect; plain data, so Vitest can `provide` it to the test workers. */
export interface PgConnectionInfo {
  readonly host: string
  readonly port: number
  readonly database: string
  readonly user: string
  /** `postgres://user@host:port/database` */
  readonly url: string
}

export interface PgCluster {
  readonly info: PgConnectionInfo
  /** `true` when the server was started here, `false` when it came from `POMOC_PG_URL`. */
  readonly owned: boolean
  /** The temporary directory holding data, socket and log (only when `owned`). */
  readonly directory?: string
  /** Stops the server and deletes its directory; safe to call more than once. */
  readonly stop: () => Promise<void>
}

export const POMOC_PG_URL = "POMOC_PG_URL"

const POSTGRES_ROOT = "/usr/lib/postgresql"

/** The newest `/usr/lib/postgresql/<version>/bin` that holds `initdb`, `pg_ctl` and `postgres`. */
export const findPostgresBinaries = (): string => {
  const versions = existsSync(POSTGRES_ROOT) ? readdirSync(POSTGRES_ROOT) : []
  const candidates = versions
    .filter((v) => ["initdb", "pg_ctl", "postgres"].every((b) => existsSync(join(POSTGRES_ROOT, v, "bin", b))))
    .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a))
  const newest = candidates[0]
  if (newest === undefined) {
    throw new Error(
      `PostgreSQL binaries not found under ${POSTGRES_ROOT}/*/bin (need initdb, pg_ctl, postgres). ` +
        `Install them (Debian: apt-get install -y postgresql) or set ${POMOC_PG_URL} to a server for the tests.`
    )
  }
  return join(POSTGRES_ROOT, newest, "bin")
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      const port = typeof address === "object" && address !== null ? address.port : 0
      server.close(() => (port > 0 ? resolve(port) : reject(new Error("could not find a free port"))))
    })
  })

const isRoot = (): boolean => typeof process.getuid === "function" && process.getuid() === 0

/** uid and gid of the `postgres` system user (initdb refuses to run as root). */
const postgresUser = (): { uid: number; gid: number } => {
  const line = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((l) => l.startsWith("postgres:"))
  const fields = line?.split(":")
  const uid = Number(fields?.[2])
  const gid = Number(fields?.[3])
  if (fields === undefined || !Number.isInteger(uid) || !Number.isInteger(gid)) {
    throw new Error("running as root, but there is no `postgres` user to run initdb and pg_ctl as")
  }
  return { uid, gid }
}

const run = (argv: ReadonlyArray<string>, what: string): void => {
  const [command, ...args] = argv
  const result = spawnSync(command!, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 120_000 })
  if (result.error !== undefined || result.status !== 0) {
    const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim()
    throw new Error(
      `${what} failed (${result.error?.message ?? `exit ${String(result.status)}`}): ${argv.join(" ")}\n${output}`
    )
  }
}

const fromUrl = (raw: string): PgCluster => {
  const url = new URL(raw)
  const info: PgConnectionInfo = {
    host: decodeURIComponent(url.hostname) || "127.0.0.1",
    port: url.port === "" ? 5432 : Number(url.port),
    database: decodeURIComponent(url.pathname.replace(/^\//, "")) || "postgres",
    user: decodeURIComponent(url.username) || "postgres",
    url: raw
  }
  return { info, owned: false, stop: () => Promise.resolve() }
}

/** A detached process that stops the cluster once `parentPid` is gone, then exits. */
const startWatchdog = (parentPid: number, stopArgv: ReadonlyArray<string>, dir: string): void => {
  const script = `
const { spawnSync } = require("node:child_process")
const { existsSync, rmSync } = require("node:fs")
const [parentPid, dir, ...stopArgv] = process.argv.slice(1)
const alive = (pid) => { try { process.kill(Number(pid), 0); return true } catch (e) { return e.code === "EPERM" } }
const timer = setInterval(() => {
  if (!existsSync(dir)) { clearInterval(timer); return }
  if (alive(parentPid)) return
  clearInterval(timer)
  spawnSync(stopArgv[0], stopArgv.slice(1), { stdio: "ignore", timeout: 60000 })
  rmSync(dir, { recursive: true, force: true })
}, 1000)
`
  const child = spawn(process.execPath, ["-e", script, String(parentPid), dir, ...stopArgv], {
    detached: true,
    stdio: "ignore"
  })
  child.unref()
}

export interface StartClusterOptions {
  /** Ignore `POMOC_PG_URL` and always start a cluster (the harness's own tests use it). */
  readonly ignoreEnv?: boolean
}

/**
 * Starts a throwaway cluster (or wraps the server named by `POMOC_PG_URL`). The caller must
 * `stop()` it; if the caller cannot (crash, signal), the safety nets above do.
 */
export const startCluster = async (options: StartClusterOptions = {}): Promise<PgCluster> => {
  const fromEnv = process.env[POMOC_PG_URL]
  if (options.ignoreEnv !== true && fromEnv !== undefined && fromEnv !== "") return fromUrl(fromEnv)

  const bin = findPostgresBinaries()
  const asPostgres = isRoot() ? ["runuser", "-u", "postgres", "--"] : []
  const dir = mkdtempSync(join(tmpdir(), "pomoc-pg-"))
  const dataDir = join(dir, "data")
  const socketDir = join(dir, "socket")
  const logFile = join(dir, "server.log")
  mkdirSync(socketDir)
  if (isRoot()) {
    const { uid, gid } = postgresUser()
    for (const path of [dir, socketDir]) chownSync(path, uid, gid)
  }

  const pgCtl = join(bin, "pg_ctl")
  const stopArgv = [...asPostgres, pgCtl, "-D", dataDir, "-m", "immediate", "-w", "stop"]
  let stopped = false
  const stopSync = (): void => {
    if (stopped) return
    stopped = true
    process.removeListener("exit", stopSync)
    for (const signal of signals) process.removeListener(signal, onSignal[signal])
    if (existsSync(join(dataDir, "postmaster.pid"))) {
      spawnSync(stopArgv[0]!, stopArgv.slice(1), { stdio: "ignore", timeout: 60_000 })
    }
    rmSync(dir, { recursive: true, force: true })
  }
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const
  const onSignal = Object.fromEntries(
    signals.map((signal) => [
      signal,
      () => {
        stopSync()
        // Behave as if we had not been listening: let the signal end the process unless someone
        // else (the test runner) handles it.
        if (process.listenerCount(signal) === 0) process.kill(process.pid, signal)
      }
    ])
  ) as Record<(typeof signals)[number], () => void>
  process.once("exit", stopSync)
  for (const signal of signals) process.once(signal, onSignal[signal])
  startWatchdog(process.pid, stopArgv, dir)

  try {
    run(
      [
        ...asPostgres,
        join(bin, "initdb"),
        "-D",
        dataDir,
        "-U",
        "postgres",
        "--auth=trust",
        "-E",
        "UTF8",
        "--no-locale",
        "--no-sync"
      ],
      "initdb"
    )
    let lastError: unknown
    for (let attempt = 0; attempt < 3; attempt++) {
      const port = await freePort()
      const serverOptions = [
        `-p ${port}`,
        `-k ${socketDir}`,
        "-c listen_addresses=127.0.0.1",
        // A test cluster needs no durability; these make it several times faster.
        "-c fsync=off",
        "-c synchronous_commit=off",
        "-c full_page_writes=off"
      ].join(" ")
      try {
        run(
          [...asPostgres, pgCtl, "-D", dataDir, "-l", logFile, "-o", serverOptions, "-t", "60", "-w", "start"],
          "pg_ctl start"
        )
        const info: PgConnectionInfo = {
          host: "127.0.0.1",
          port,
          database: "postgres",
          user: "postgres",
          url: `postgres://postgres@127.0.0.1:${port}/postgres`
        }
        return { info, owned: true, directory: dir, stop: () => Promise.resolve(stopSync()) }
      } catch (error) {
        // Most likely someone took the port between our probe and the server's bind: retry.
        lastError = error
        const log = existsSync(logFile) ? readFileSync(logFile, "utf8") : ""
        if (!/could not bind|Address already in use/i.test(log)) break
      }
    }
    throw lastError
  } catch (error) {
    const log = existsSync(logFile) ? readFileSync(logFile, "utf8").trim() : ""
    stopSync()
    throw log === "" || !(error instanceof Error) ? error : new Error(`${error.message}\nserver log:\n${log}`)
  }
}
