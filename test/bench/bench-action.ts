// npm run bench:action: the bundled Action against the script users write instead (`docker run -d` + a curl loop with
// `sleep 1`), alternately, against the stand-in image activating 1.5 s and 4 s after its start. For each delay it
// prints both medians, their ratio, and where the Action's time over the emulator's own activation goes: process
// start, container create/start, detection lag. A benchmark, not a timed test: it prints figures and never fails on them.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { generateToken } from '../support/generate-token.js'
import { requireDocker, requireStandInImage, removeContainer } from '../e2e/action/docker-fixture.js'
import { runStep, STAND_IN_IMAGE, STAND_IN_TAG } from '../e2e/action/run-bundle.js'

const exec = promisify(execFile)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
const ACTIVATION_DELAYS_MS = [1_500, 4_000]
// Below the ephemeral port range, where an outgoing connection of any process could hold the port.
const PORT = 23_700
const NAME = 'bench-localstack'
const IMAGE = `${STAND_IN_IMAGE}:${STAND_IN_TAG}`

const USER_SCRIPT = `
set -eu
docker run -d --name "$NAME" --network host -e CI=true -e LOCALSTACK_AUTH_TOKEN -e GATEWAY_LISTEN=127.0.0.1:$PORT \\
  -e STANDIN_ACTIVATION_DELAY_MS=$DELAY "$IMAGE" >/dev/null
for _ in $(seq 1 60); do
  if curl -s "http://127.0.0.1:$PORT/_localstack/info" | grep -q '"is_license_activated":true'; then exit 0; fi
  sleep 1
done
exit 1`

/** One run of the Action, with its time split by the marks it logs and the container's own timestamps. */
interface ActionRun {
  readonly totalMs: number
  /** Spawn of `node dist/main/index.js` to the Action's first line of its own code. */
  readonly processStartMs: number
  /** The create and start calls of the Engine API, as the Action timed them. */
  readonly createStartMs: number
  /** The container printing `Ready.` (Docker's log timestamp) to the Action knowing it is ready. */
  readonly detectionLagMs: number
  /** The container's start (Docker's StartedAt) to its `Ready.` line: the emulator's own activation. */
  readonly emulatorMs: number
}

function mark(stdout: string, event: string): number {
  const match = new RegExp(`${event.replace('.', '\\.')} .*?epochMs=(\\d+)`).exec(stdout)
  if (match === null) throw new Error(`the Action did not log ${event}:\n${stdout}`)
  return Number(match[1])
}

async function readyLineEpochMs(): Promise<number> {
  const { stdout } = await exec('docker', ['logs', '--timestamps', NAME])
  const line = stdout.split('\n').find((l) => l.endsWith(' Ready.'))
  if (line === undefined) throw new Error(`no Ready. line in the container log:\n${stdout}`)
  return Date.parse(line.slice(0, line.indexOf(' ')))
}

async function timeAction(token: string, delayMs: number): Promise<ActionRun> {
  const spawnedAt = Date.now()
  const result = await runStep('main', {
    inputs: {
      'auth-token': token,
      image: STAND_IN_IMAGE,
      'image-tag': STAND_IN_TAG,
      'pull-policy': 'missing',
      network: 'host',
      'container-name': NAME,
      configuration: `GATEWAY_LISTEN=127.0.0.1:${PORT} STANDIN_ACTIVATION_DELAY_MS=${delayMs}`,
    },
    env: { CI: 'true' },
  })
  if (result.exitCode !== 0) throw new Error(`the Action failed:\n${result.stdout}${result.stderr}`)
  const createStart = /emulator\.started .*startMs=(\d+)/.exec(result.stdout)
  const { stdout: startedAt } = await exec('docker', ['inspect', '--format', '{{.State.StartedAt}}', NAME])
  const readyAt = await readyLineEpochMs()
  return {
    totalMs: result.durationMs,
    processStartMs: mark(result.stdout, 'action.started') - spawnedAt,
    createStartMs: Number(createStart?.[1] ?? Number.NaN),
    detectionLagMs: mark(result.stdout, 'action.ready') - readyAt,
    emulatorMs: readyAt - Date.parse(startedAt.trim()),
  }
}

async function timeUserScript(token: string, delayMs: number): Promise<number> {
  const startedAt = performance.now()
  await exec('bash', ['-c', USER_SCRIPT], {
    env: { PATH: process.env.PATH, NAME, PORT: String(PORT), DELAY: String(delayMs), IMAGE, LOCALSTACK_AUTH_TOKEN: token },
    timeout: 90_000,
  })
  return performance.now() - startedAt
}

/** From the container's exit with code 55 (Docker's FinishedAt) to the end of the failed step. */
async function timeExit55ToFailure(): Promise<number> {
  const result = await runStep('main', {
    inputs: {
      'auth-token': generateToken('lsci-'),
      image: STAND_IN_IMAGE,
      'image-tag': STAND_IN_TAG,
      'pull-policy': 'missing',
      network: 'host',
      'container-name': NAME,
      configuration: `GATEWAY_LISTEN=127.0.0.1:${PORT} STANDIN_FAILURE=no-credentials`,
    },
    env: { CI: 'true' },
  })
  const stepEndedAt = Date.now()
  if (result.exitCode !== 1) throw new Error(`expected the Action to fail on exit 55:\n${result.stdout}`)
  const { stdout } = await exec('docker', ['inspect', '--format', '{{.State.ExitCode}} {{.State.FinishedAt}}', NAME])
  const [exitCode, finishedAt = ''] = stdout.trim().split(' ')
  if (exitCode !== '55') throw new Error(`expected exit code 55, got ${exitCode}`)
  return stepEndedAt - Date.parse(finishedAt)
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`
const millis = (ms: number): string => `${Math.round(ms)} ms`

/** A bare `node -e 0` on this machine, the floor under the Action's process start (this machine's load shows in it). */
async function timeBareNode(): Promise<number> {
  const startedAt = performance.now()
  await exec(process.execPath, ['-e', '0'])
  return performance.now() - startedAt
}

/** A bare `docker create` + `docker start` of the same image, the floor under the Action's create/start. */
async function timeBareCreateStart(): Promise<number> {
  await removeContainer(NAME)
  const { stdout } = await exec('docker', ['create', '--name', NAME, '--network', 'host', '-e', `GATEWAY_LISTEN=127.0.0.1:${PORT}`, IMAGE])
  const startedAt = performance.now()
  await exec('docker', ['start', stdout.trim()])
  const startMs = performance.now() - startedAt
  await removeContainer(NAME)
  return startMs
}

async function benchDelay(token: string, delayMs: number): Promise<void> {
  const runs: ActionRun[] = []
  const scriptMs: number[] = []
  for (let round = 1; round <= ROUNDS; round++) {
    await removeContainer(NAME)
    runs.push(await timeAction(token, delayMs))
    await removeContainer(NAME)
    scriptMs.push(await timeUserScript(token, delayMs))
    await removeContainer(NAME)
    console.log(`  round ${round}: action ${seconds(runs.at(-1)?.totalMs ?? 0)}, docker run + curl loop ${seconds(scriptMs.at(-1) ?? 0)}`)
  }
  const pick = (key: keyof ActionRun): number => median(runs.map((run) => run[key]))
  const action = pick('totalMs')
  const script = median(scriptMs)
  const overheads = runs.map((run) => run.totalMs - run.emulatorMs)
  console.log(`activation delay ${seconds(delayMs)} (median of ${ROUNDS} runs each)`)
  console.log(`  action ${seconds(action)}; docker run + curl/sleep 1 loop ${seconds(script)}; ratio ${(action / script).toFixed(2)} (goal < 0.85)`)
  console.log(`  emulator's own activation (container start to Ready.): ${seconds(pick('emulatorMs'))}`)
  console.log(`  action overhead over it: ${seconds(median(overheads))} (goal < 0.25 s), of which`)
  console.log(`    process start ${millis(pick('processStartMs'))}, container create/start ${millis(pick('createStartMs'))}, detection lag ${millis(pick('detectionLagMs'))} (goal < 100 ms)`)
}

async function main(): Promise<void> {
  await requireDocker()
  await requireStandInImage()
  const token = generateToken('lsci-')
  const bareNode: number[] = []
  const bareStart: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    bareNode.push(await timeBareNode())
    bareStart.push(await timeBareCreateStart())
  }
  console.log(`floors on this machine now: bare node start ${millis(median(bareNode))}; docker start (CLI, after create) ${millis(median(bareStart))}`)
  for (const delayMs of ACTIVATION_DELAYS_MS) await benchDelay(token, delayMs)
  const exit55Ms: number[] = []
  for (let round = 1; round <= 3; round++) {
    await removeContainer(NAME)
    exit55Ms.push(await timeExit55ToFailure())
  }
  await removeContainer(NAME)
  console.log(`exit 55 to failed step, median of 3: ${seconds(median(exit55Ms))} (goal < 1 s)`)
}

await main()
