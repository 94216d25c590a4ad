// The push shapes the benchmark replays, each clean or with one leak (a fresh generated token, so a new incident).
// A push is made in the fake's model first (commits, refs), then described by `gh.pushPayload`, as GitHub would.
import type { FakeGitHub, FakeRepository } from '../fakes/fake-github/index.js'
import { generateToken } from '../support/generate-token.js'
import type { BenchRepo } from './bench-bot-world.js'

export const SHAPES = ['one-commit', 'three-commits', 'new-branch', '350-files', 'omitted-patch'] as const
export type PushShape = (typeof SHAPES)[number]

export const SHAPE_LABELS: Record<PushShape, string> = {
  'one-commit': 'one commit, 3 files',
  'three-commits': '3 commits, 2 files each',
  'new-branch': 'new branch, 2 commits',
  '350-files': 'one commit, 350 files',
  'omitted-patch': 'one commit, 720 KB file (patch omitted) + binary',
}

/** One push ready to deliver. */
export interface PlannedPush {
  readonly index: number
  readonly shape: PushShape
  readonly fullName: string
  readonly installationId: number
  /** The raw token planted, if any (never printed; searched for in what the bot sent and printed). */
  readonly token?: string
  readonly after: string
  readonly payload: Record<string, unknown>
}

const ZERO_SHA = '0'.repeat(40)
const BIG_FILE_LINES = 120_000

function leakLine(token: string): string {
  return `LOCALSTACK_AUTH_TOKEN=${token}\n`
}

function headOf(repo: FakeRepository, branch?: string): string {
  const head = repo.head(branch)
  if (head === undefined) throw new Error(`${repo.fullName} has no ${branch ?? 'default'} branch`)
  return head
}

/** Makes the commits of one push in the model; returns the ref, before and after. */
function commitShape(repo: FakeRepository, shape: PushShape, work: { n: number; token: string | undefined }): { ref: string; before: string; after: string } {
  const { n, token } = work
  const secret = token === undefined ? 'REGION=eu-west-1\n' : `REGION=eu-west-1\n${leakLine(token)}`
  const before = headOf(repo)
  const ref = 'refs/heads/main'
  switch (shape) {
    case 'one-commit': {
      const after = repo.commit({ files: { [`src/feature-${n}.ts`]: `export const n = ${n}\n`, [`docs/n-${n}.md`]: `# ${n}\n`, [`deploy/${n}.env`]: secret } })
      return { ref, before, after }
    }
    case 'three-commits': {
      repo.commit({ files: { [`src/a-${n}.ts`]: 'a\n', [`src/b-${n}.ts`]: 'b\n' } })
      repo.commit({ files: { [`deploy/${n}.env`]: secret, [`src/c-${n}.ts`]: 'c\n' } })
      const after = repo.commit({ files: { [`src/d-${n}.ts`]: 'd\n', [`src/e-${n}.ts`]: 'e\n' } })
      return { ref, before, after }
    }
    case 'new-branch': {
      const branch = `topic-${n}`
      repo.createBranch(branch, before)
      repo.commit({ branch, files: { [`deploy/${n}.env`]: secret } })
      const after = repo.commit({ branch, files: { [`src/topic-${n}.ts`]: 'export {}\n' } })
      return { ref: `refs/heads/${branch}`, before: ZERO_SHA, after }
    }
    case '350-files': {
      const files: Record<string, string> = {}
      for (let i = 0; i < 350; i++) files[`gen/${n}/file-${String(i).padStart(3, '0')}.txt`] = `line ${i} of ${n}\n`
      if (token !== undefined) files[`gen/${n}/file-349.txt`] = leakLine(token)
      return { ref, before, after: repo.commit({ files }) }
    }
    case 'omitted-patch': {
      const big = `${`x = ${n}\n`.repeat(BIG_FILE_LINES)}${token === undefined ? '' : leakLine(token)}`
      const logo = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, n % 256])
      return { ref, before, after: repo.commit({ files: { [`data/dump-${n}.sql`]: big, [`img/logo-${n}.png`]: logo } }) }
    }
  }
}

let pushes = 0

/** Commits one push of `shape` to `target` (with a fresh token when `isLeaky`) and builds its payload. */
export function planPush(gh: FakeGitHub, target: BenchRepo, options: { index: number; shape: PushShape; isLeaky: boolean }): PlannedPush {
  const n = ++pushes
  const token = options.isLeaky ? generateToken(n % 2 === 0 ? 'lsci-' : 'ls-') : undefined
  const { ref, before, after } = commitShape(target.repo, options.shape, { n, token })
  const payload = gh.pushPayload(target.repo, { ref, before, after })
  return {
    index: options.index,
    shape: options.shape,
    fullName: target.repo.fullName,
    installationId: target.installationId,
    ...(token === undefined ? {} : { token }),
    after,
    payload,
  }
}
