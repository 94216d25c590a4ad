import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { join } from 'node:path'
import { REPO, STAND_IN_IMAGE, STAND_IN_TAG } from './run-bundle.js'

const run = promisify(execFile)

/** Fails (never skips) when no Docker engine answers: these tests exist to prove the Action against a real one. */
export async function requireDocker(): Promise<void> {
  try {
    await run('docker', ['info', '--format', '{{.ServerVersion}}'], { timeout: 10_000 })
  } catch (error: unknown) {
    throw new Error(`The e2e tests need a running Docker engine (docker info failed: ${String(error)}). Start dockerd, as .ci/run does.`, { cause: error })
  }
}

/** Builds the stand-in emulator image once when it is missing (no registry is needed). */
export async function requireStandInImage(): Promise<void> {
  const image = `${STAND_IN_IMAGE}:${STAND_IN_TAG}`
  const inspected = await run('docker', ['image', 'inspect', image]).then(() => true, () => false)
  if (!inspected) await run('bash', [join(REPO, 'test/e2e/stand-in-emulator/build-image.sh'), image], { timeout: 120_000 })
}

/** Names of containers (running or not) with this exact name. */
export async function containersNamed(name: string): Promise<string[]> {
  const { stdout } = await run('docker', ['ps', '-a', '--filter', `name=^/${name}$`, '--format', '{{.Names}}'])
  return stdout.split('\n').filter((line) => line !== '')
}

export async function containerLogs(name: string): Promise<string> {
  const { stdout, stderr } = await run('docker', ['logs', name])
  return stdout + stderr
}

export async function removeContainer(name: string): Promise<void> {
  await run('docker', ['rm', '-f', name]).catch(() => undefined)
}
