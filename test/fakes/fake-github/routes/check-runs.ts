import { notFound, validationFailed } from '../http/http-error.js'
import { requireRepo, type LimitRefusal, type Route, type RouteContext, type RouteResult } from '../http/route.js'
import { checkRunJson } from '../representations/check-run-json.js'
import type { AnnotationRecord, CheckRunRecord } from '../state/check-run-store.js'
import { paginate } from './paging.js'

/** GitHub's limits on one check-run request (docs/facts.md §5). */
const MAX_ANNOTATIONS = 50
const MAX_OUTPUT_CHARS = 65535

interface CheckRunBody {
  name?: string
  head_sha?: string
  status?: string
  conclusion?: string
  started_at?: string
  completed_at?: string
  details_url?: string
  external_id?: string
  output?: { title?: string; summary?: string; text?: string; annotations?: AnnotationRecord[] }
}

/** Refuses what GitHub refuses even when the app batches wrongly: a 51st annotation, an over-long summary or text. */
function refuseOverLimits(body: unknown): LimitRefusal | undefined {
  const output = (body as CheckRunBody | undefined)?.output
  if (!output) return undefined
  if ((output.annotations?.length ?? 0) > MAX_ANNOTATIONS) {
    return { kind: 'annotations', message: `Invalid request.\n\nOnly ${MAX_ANNOTATIONS} annotations are allowed per request; got ${output.annotations?.length ?? 0}.` }
  }
  for (const field of ['summary', 'text'] as const) {
    const length = output[field]?.length ?? 0
    if (length > MAX_OUTPUT_CHARS) return { kind: 'output-too-long', message: `Invalid request.\n\noutput.${field} is too long (maximum is ${MAX_OUTPUT_CHARS} characters); got ${length}.` }
  }
  return undefined
}

function applyFields(run: CheckRunRecord, body: CheckRunBody): void {
  Object.assign(run, {
    ...(body.name === undefined ? {} : { name: body.name }),
    ...(body.details_url === undefined ? {} : { detailsUrl: body.details_url }),
    ...(body.external_id === undefined ? {} : { externalId: body.external_id }),
    ...(body.status === undefined ? {} : { status: body.status }),
  })
}

function applyOutput(run: CheckRunRecord, output: NonNullable<CheckRunBody['output']>): void {
  run.output = { title: output.title ?? run.output.title, summary: output.summary ?? run.output.summary, text: output.text ?? run.output.text }
  // Annotations of later updates append to the earlier ones.
  run.annotations.push(...(output.annotations ?? []))
}

function apply(run: CheckRunRecord, body: CheckRunBody, now: Date): void {
  applyFields(run, body)
  // Sending a conclusion completes the run, whatever `status` says (the body schema's note).
  if (body.conclusion !== undefined) Object.assign(run, { conclusion: body.conclusion, status: 'completed' })
  if (run.status === 'completed') run.completedAt = body.completed_at === undefined ? (run.completedAt ?? now) : new Date(body.completed_at)
  if (body.output) applyOutput(run, body.output)
  run.writes += 1
}

function createCheckRun(context: RouteContext): RouteResult {
  const repo = requireRepo(context)
  const body = context.body as CheckRunBody & { name: string; head_sha: string }
  if (!repo.objects.commit(body.head_sha)) throw validationFailed('CheckRun', 'invalid', 'head_sha', `No commit found for SHA: ${body.head_sha}`)
  if (body.status === 'completed' && body.conclusion === undefined) throw validationFailed('CheckRun', 'missing_field', 'conclusion')
  const run: CheckRunRecord = {
    id: context.world.nextId(), name: body.name, headSha: body.head_sha, status: 'queued', conclusion: null,
    startedAt: body.started_at === undefined ? context.now : new Date(body.started_at), completedAt: null,
    detailsUrl: null, externalId: null, output: { title: null, summary: null, text: null }, annotations: [], writes: 0,
  }
  apply(run, body, context.now)
  repo.checkRuns.runs.push(run)
  return { status: 201, body: checkRunJson(context.world, repo, run) }
}

function findRun(context: RouteContext): CheckRunRecord {
  const run = requireRepo(context).checkRuns.find(Number(context.params['check_run_id']))
  if (!run) throw notFound()
  return run
}

function updateCheckRun(context: RouteContext): RouteResult {
  const run = findRun(context)
  apply(run, context.body as CheckRunBody, context.now)
  return { status: 200, body: checkRunJson(context.world, requireRepo(context), run) }
}

function listForRef(context: RouteContext): RouteResult {
  const repo = requireRepo(context)
  const commit = repo.resolve(context.params['ref'] ?? '')
  if (!commit) throw validationFailed('Commit', 'invalid', 'ref', `No commit found for SHA: ${context.params['ref'] ?? ''}`)
  const name = context.query.get('check_name')
  const status = context.query.get('status')
  const runs = repo.checkRuns.forCommit(commit.sha).filter((run) => (name === null || run.name === name) && (status === null || run.status === status))
  const page = paginate(runs, context, { defaultPerPage: 30, maxPerPage: 100 })
  return { status: 200, headers: page.headers, body: { total_count: runs.length, check_runs: page.items.map((run) => checkRunJson(context.world, repo, run)) } }
}

const WRITE_CHECKS = { name: 'checks', level: 'write' } as const
const READ_CHECKS = { name: 'checks', level: 'read' } as const

export const checkRunRoutes: Route[] = [
  { operation: 'POST /repos/{owner}/{repo}/check-runs', auth: 'installation', permission: WRITE_CHECKS, createsContent: true, refuse: refuseOverLimits, handle: createCheckRun },
  { operation: 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', auth: 'installation', permission: WRITE_CHECKS, refuse: refuseOverLimits, handle: updateCheckRun },
  { operation: 'GET /repos/{owner}/{repo}/check-runs/{check_run_id}', auth: 'installation', permission: READ_CHECKS, handle: (context) => ({ status: 200, body: checkRunJson(context.world, requireRepo(context), findRun(context)) }) },
  { operation: 'GET /repos/{owner}/{repo}/commits/{ref}/check-runs', auth: 'installation', permission: READ_CHECKS, handle: listForRef },
]
