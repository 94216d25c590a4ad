import { reachable } from './history.js'
import { ObjectStore, type CommitRecord, type Signature } from './object-store.js'

/** A file's new content in `commit()`: text, bytes (binary), or `null` to delete it. */
export type FileContent = string | Buffer | null

/** What `commit()` writes. */
export interface CommitInput {
  /** The branch to move to the new commit (created when missing). Default: the default branch. */
  branch?: string
  /** Path → new content; every other file carries over from the first parent. */
  files: Record<string, FileContent>
  message?: string
  /** Default: the branch's head (none for a new branch). Two or more make a merge commit. */
  parents?: string[]
  author?: Partial<Signature>
  committer?: Partial<Signature>
}

const ZERO_SHA = '0'.repeat(40)
export const DEFAULT_AUTHOR = { name: 'Mona Lisa Octocat', email: 'octocat@users.noreply.github.com', username: 'octocat' }

/** The git side of a fake repository: objects, branches and tags, with git's own object ids. */
export class GitRepository {
  readonly objects = new ObjectStore()
  /** Full ref name (`refs/heads/main`, `refs/tags/v1`) → commit sha. */
  readonly refs = new Map<string, string>()
  private commitCount = 0

  constructor(
    readonly defaultBranch: string,
    private readonly now: () => number,
  ) {}

  /** Writes a commit and moves `branch` to it; returns its sha (deterministic from content, parents and time). */
  commit(input: CommitInput): string {
    const branch = input.branch ?? this.defaultBranch
    const parents = input.parents ?? [this.refs.get(`refs/heads/${branch}`)].filter((sha): sha is string => sha !== undefined)
    const files = new Map(parents[0] === undefined ? [] : this.requireCommit(parents[0]).files)
    for (const [path, content] of Object.entries(input.files)) {
      if (content === null) files.delete(path)
      else files.set(path, this.objects.writeBlob(typeof content === 'string' ? Buffer.from(content) : content))
    }
    this.commitCount += 1
    // One second apart even on a frozen fake clock, so the history has a strict chronological order.
    const date = new Date(Math.floor(this.now() / 1000) * 1000 + this.commitCount * 1000)
    const author = { ...DEFAULT_AUTHOR, date, ...input.author }
    const record = this.objects.writeCommit({
      parents,
      files,
      message: input.message ?? `Commit ${this.commitCount}`,
      author,
      committer: { ...author, ...input.committer },
    })
    this.refs.set(`refs/heads/${branch}`, record.sha)
    return record.sha
  }

  /** Moves a branch to any commit, as `git push --force` does; returns the sha it pointed at (zeros if none). */
  forcePush(branch: string, sha: string): string {
    this.requireCommit(sha)
    const before = this.refs.get(`refs/heads/${branch}`) ?? ZERO_SHA
    this.refs.set(`refs/heads/${branch}`, sha)
    return before
  }

  createBranch(name: string, fromSha: string): void {
    if (this.refs.has(`refs/heads/${name}`)) throw new Error(`fake GitHub: branch ${name} already exists`)
    this.forcePush(name, fromSha)
  }

  /** Deletes a branch; returns the sha it pointed at. */
  deleteBranch(name: string): string {
    const before = this.refs.get(`refs/heads/${name}`)
    if (before === undefined) throw new Error(`fake GitHub: no branch ${name}`)
    this.refs.delete(`refs/heads/${name}`)
    return before
  }

  /** A lightweight tag. */
  tag(name: string, sha: string): void {
    this.requireCommit(sha)
    this.refs.set(`refs/tags/${name}`, sha)
  }

  head(branch: string = this.defaultBranch): string | undefined {
    return this.refs.get(`refs/heads/${branch}`)
  }

  /** Resolves a sha (full, or an unambiguous prefix of 7+), a branch, a tag or a full ref name to a commit. */
  resolve(ref: string): CommitRecord | undefined {
    const named = this.refs.get(ref) ?? this.refs.get(`refs/heads/${ref}`) ?? this.refs.get(`refs/tags/${ref}`) ?? this.refs.get(`refs/${ref}`)
    if (named !== undefined) return this.objects.commit(named)
    if (!/^[0-9a-f]{7,40}$/.test(ref)) return undefined
    const matches = [...this.objects.commits.keys()].filter((sha) => sha.startsWith(ref))
    return matches.length === 1 ? this.objects.commit(matches[0] as string) : undefined
  }

  requireCommit(sha: string): CommitRecord {
    const commit = this.objects.commit(sha)
    if (!commit) throw new Error(`fake GitHub: no commit ${sha}`)
    return commit
  }

  /** Commits reachable from any ref except `exceptRef`: what the repository already had before a push to it. */
  reachableFromOtherRefs(exceptRef: string): Set<string> {
    return reachable(this.objects, [...this.refs].filter(([name]) => name !== exceptRef).map(([, sha]) => sha))
  }

  /** A file's bytes at a commit, or `undefined`. */
  readFile(sha: string, path: string): Buffer | undefined {
    const blob = this.objects.commit(sha)?.files.get(path)
    return blob === undefined ? undefined : this.objects.blobs.get(blob)
  }
}

export { ZERO_SHA }
