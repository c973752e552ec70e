/**
 * The harness itself: a cluster it starts is gone after `stop()`, and also after its owner is
 * killed with SIGKILL (no handler runs then; the watchdog must clean up). These start clusters of
 * their own, so they need the PostgreSQL binaries even when `POMOC_PG_URL` is set.
 */
import { spawn } from "node:child_process"
import { existsSync } from "node:fs"
import { connect } from "node:net"
import { join } from "node:path"
import { describe, expect, it, onTestFinished } from "vitest"
import { startCluster } from "./cluster.js"

const accepts = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port })
    socket.once("connect", () => {
      socket.destroy()
      resolve(true)
    })
    socket.once("error", () => resolve(false))
  })

const eventually = async (condition: () => Promise<boolean> | boolean, timeoutMs: number): Promise<boolean> => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await condition()) return true
    await new Promise((r) => setTimeout(r, 200))
  }
  return condition()
}

describe("throwaway cluster", () => {
  it("listens on loopback until stop(), then leaves neither server nor directory", async () => {
    const cluster = await startCluster({ ignoreEnv: true })
    onTestFinished(() => cluster.stop())
    expect(cluster.owned).toBe(true)
    expect(cluster.info.host).toBe("127.0.0.1")
    expect(await accepts(cluster.info.port)).toBe(true)
    const dir = cluster.directory
    expect(dir !== undefined && existsSync(dir)).toBe(true)

    await cluster.stop()
    await cluster.stop()
    expect(await accepts(cluster.info.port)).toBe(false)
    expect(existsSync(dir!)).toBe(false)
  })

  it("is stopped and deleted when its owner dies by SIGKILL", async () => {
    const script = `
      import { startCluster } from ${JSON.stringify(join(import.meta.dirname, "cluster.ts"))}
      const c = await startCluster({ ignoreEnv: true })
      console.log(JSON.stringify({ port: c.info.port, dir: c.directory }))
      setInterval(() => {}, 1000)
    `
    // `node --import tsx` rather than the tsx CLI: the CLI runs the script in a grandchild, and
    // the process we kill must be the one that owns the cluster.
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      stdio: ["ignore", "pipe", "inherit"]
    })
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()))
    onTestFinished(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL")
    })
    const started = await new Promise<{ port: number; dir: string }>((resolve, reject) => {
      let out = ""
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString()
        const line = out.split("\n").find((l) => l.startsWith("{"))
        if (line !== undefined) resolve(JSON.parse(line) as { port: number; dir: string })
      })
      child.once("exit", (code) => reject(new Error(`cluster owner exited early (${String(code)})`)))
    })
    expect(await accepts(started.port)).toBe(true)
    expect(existsSync(started.dir)).toBe(true)

    child.kill("SIGKILL")
    await exited
    expect(await eventually(async () => !(await accepts(started.port)) && !existsSync(started.dir), 20_000)).toBe(true)
  })
})
