import { createHash } from 'node:crypto'

/** Who wrote or committed a commit, and when. */
export interface Signature {
  name: string
  email: string
  /** The GitHub login, when the email belongs to a user (push payloads carry it as `username`). */
  username?: string
  date: Date
}

/** An entry of a git tree: a file (blob) or a sub-tree. */
export interface TreeEntry {
  name: string
  type: 'blob' | 'tree'
  sha: string
}

/** A commit with its full snapshot, so diffs need no tree walk. */
export interface CommitRecord {
  sha: string
  treeSha: string
  parents: string[]
  message: string
  author: Signature
  committer: Signature
  /** Path → blob sha of every file in the commit's tree. */
  files: ReadonlyMap<string, string>
  /** 1 + the largest generation of the parents: a higher one is never an ancestor of a lower one. */
  generation: number
}

export type NewCommit = Omit<CommitRecord, 'sha' | 'treeSha' | 'generation'>

/** The git object id of `content` stored as `type`: the same sha1 git computes, so ids look and behave real. */
export function gitObjectId(type: 'blob' | 'tree' | 'commit', content: Buffer): string {
  return createHash('sha1').update(`${type} ${content.length}\0`).update(content).digest('hex')
}

function signatureLine(role: string, signature: Signature): string {
  return `${role} ${signature.name} <${signature.email}> ${Math.floor(signature.date.getTime() / 1000)} +0000`
}

/** Git orders tree entries by name, comparing a sub-tree's name as if it ended in `/`. */
function treeSortKey(entry: TreeEntry): string {
  return entry.type === 'tree' ? `${entry.name}/` : entry.name
}

/** The blobs, trees and commits of one repository, addressed by their real git ids. */
export class ObjectStore {
  readonly blobs = new Map<string, Buffer>()
  readonly trees = new Map<string, TreeEntry[]>()
  readonly commits = new Map<string, CommitRecord>()

  writeBlob(content: Buffer): string {
    const sha = gitObjectId('blob', content)
    this.blobs.set(sha, content)
    return sha
  }

  /** Writes the nested trees of a flat `path → blob sha` snapshot; returns the root tree's id. */
  writeTree(files: ReadonlyMap<string, string>, prefix = ''): string {
    const direct = new Map<string, TreeEntry>()
    const subtrees = new Map<string, Map<string, string>>()
    for (const [path, sha] of files) {
      const slash = path.indexOf('/')
      if (slash < 0) direct.set(path, { name: path, type: 'blob', sha })
      else {
        const dir = path.slice(0, slash)
        const inner = subtrees.get(dir) ?? new Map<string, string>()
        inner.set(path.slice(slash + 1), sha)
        subtrees.set(dir, inner)
      }
    }
    for (const [dir, inner] of subtrees) direct.set(dir, { name: dir, type: 'tree', sha: this.writeTree(inner, `${prefix}${dir}/`) })
    const entries = [...direct.values()].sort((a, b) => (treeSortKey(a) < treeSortKey(b) ? -1 : 1))
    const body = Buffer.concat(
      entries.map((entry) =>
        Buffer.concat([Buffer.from(`${entry.type === 'tree' ? '40000' : '100644'} ${entry.name}\0`), Buffer.from(entry.sha, 'hex')]),
      ),
    )
    const sha = gitObjectId('tree', body)
    this.trees.set(sha, entries)
    return sha
  }

  writeCommit(commit: NewCommit): CommitRecord {
    const treeSha = this.writeTree(commit.files)
    const text = [
      `tree ${treeSha}`,
      ...commit.parents.map((parent) => `parent ${parent}`),
      signatureLine('author', commit.author),
      signatureLine('committer', commit.committer),
      '',
      commit.message,
    ].join('\n')
    const sha = gitObjectId('commit', Buffer.from(text))
    const generation = 1 + Math.max(0, ...commit.parents.map((parent) => this.commits.get(parent)?.generation ?? 0))
    const record: CommitRecord = { ...commit, sha, treeSha, generation }
    this.commits.set(sha, record)
    return record
  }

  commit(sha: string): CommitRecord | undefined {
    return this.commits.get(sha)
  }
}
