// npm run bench:action: the bundled Action against the script users write instead (`docker run -d` + a curl loop with
// `sleep 1`), alternately, against the stand-in image with a known activation delay (issue 3, Performance).
// A benchmark, not a timed test: it prints figures and never fails on them.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { generateToken } from '../support/generate-token.js'
import { requireDocker, requireStandInImage, removeContainer } from '../e2e/action/docker-fixture.js'
import { runStep, STAND_IN_IMAGE, STAND_IN_TAG } from '../e2e/action/run-bundle.js'

const exec = promisify(execFile)
const ROUNDS = 5
const ACTIVATION_DELAY_MS = 2_000
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

async function timeAction(token: string): Promise<number> {
  const result = await runStep('main', {
    inputs: {
      'auth-token': token,
      image: STAND_IN_IMAGE,
      'image-tag': STAND_IN_TAG,
      network: 'host',
      'container-name': NAME,
      configuration: `GATEWAY_LISTEN=127.0.0.1:${PORT} STANDIN_ACTIVATION_DELAY_MS=${ACTIVATION_DELAY_MS}`,
    },
    env: { CI: 'true' },
  })
  if (result.exitCode !== 0) throw new Error(`the Action failed:\n${result.stdout}${result.stderr}`)
  return result.durationMs
}

async function timeUserScript(token: string): Promise<number> {
  const startedAt = performance.now()
  await exec('bash', ['-c', USER_SCRIPT], {
    env: { PATH: process.env.PATH, NAME, PORT: String(PORT), DELAY: String(ACTIVATION_DELAY_MS), IMAGE, LOCALSTACK_AUTH_TOKEN: token },
    timeout: 90_000,
  })
  return performance.now() - startedAt
}

/** From the container's exit with code 55 (Docker's FinishedAt) to the end of the failed step. */
async function timeExit55ToFailure(): Promise<number> {
  const result = await runStep('main', {
    inputs: {
      'auth-token': generateToken('ls-'),
      'allow-developer-token': 'true',
      image: STAND_IN_IMAGE,
      'image-tag': STAND_IN_TAG,
      network: 'host',
      'container-name': NAME,
      configuration: `GATEWAY_LISTEN=127.0.0.1:${PORT}`,
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

async function main(): Promise<void> {
  await requireDocker()
  await requireStandInImage()
  const token = generateToken('lsci-')
  const actionMs: number[] = []
  const scriptMs: number[] = []
  for (let round = 1; round <= ROUNDS; round++) {
    await removeContainer(NAME)
    actionMs.push(await timeAction(token))
    await removeContainer(NAME)
    scriptMs.push(await timeUserScript(token))
    await removeContainer(NAME)
    console.log(`round ${round}: action ${seconds(actionMs.at(-1) ?? 0)}, docker run + curl loop ${seconds(scriptMs.at(-1) ?? 0)}`)
  }
  const exit55Ms: number[] = []
  for (let round = 1; round <= 3; round++) {
    exit55Ms.push(await timeExit55ToFailure())
    await removeContainer(NAME)
  }
  const [action, script] = [median(actionMs), median(scriptMs)]
  console.log(`\nactivation delay of the stand-in emulator: ${seconds(ACTIVATION_DELAY_MS)}`)
  console.log(`median, ${ROUNDS} runs each: action ${seconds(action)}; docker run + curl/sleep 1 loop ${seconds(script)}`)
  console.log(`ratio action / script: ${(action / script).toFixed(2)} (goal < 1.0)`)
  console.log(`action overhead over the activation delay: ${seconds(action - ACTIVATION_DELAY_MS)} (goal < 0.5 s; includes docker create/start and the emulator's own boot)`)
  console.log(`exit 55 to failed step, median of 3: ${seconds(median(exit55Ms))} (goal < 1 s)`)
}

await main()
