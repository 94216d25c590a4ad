import type { FileChange } from '../git/diff-snapshots.js'
import { computePatch, type PatchLimits, type PatchResult } from '../git/patch.js'
import type { FakeRepository } from '../state/fake-repository.js'
import type { GitHubUrls } from '../urls.js'

// Blobs are content-addressed, so a patch computed once holds for every compare that shows the same pair.
const patchCache = new Map<string, PatchResult>()

function patchFor(repo: FakeRepository, change: FileChange, limits: PatchLimits): PatchResult {
  const key = `${change.oldSha ?? ''}:${change.newSha ?? ''}:${limits.bytes}:${limits.lines}`
  let result = patchCache.get(key)
  if (!result) {
    const before = change.oldSha === undefined ? undefined : repo.objects.blobs.get(change.oldSha)
    const after = change.newSha === undefined ? undefined : repo.objects.blobs.get(change.newSha)
    result = computePatch(before, after, limits)
    patchCache.set(key, result)
  }
  return result
}

/**
 * One entry of `files` in compare and get-a-commit: `{sha, filename, status, additions, deletions, changes, patch?,
 * previous_filename?}` plus URLs. `patch` is absent for binary files and over the patch limits, like on GitHub.
 */
export function fileEntryJson(
  context: { urls: GitHubUrls; repo: FakeRepository; limits: PatchLimits },
  change: FileChange,
  atCommit: string,
): Record<string, unknown> {
  const { urls, repo, limits } = context
  const { additions, deletions, patch } = patchFor(repo, change, limits)
  const html = urls.repoHtml(repo.fullName)
  const path = encodeURI(change.filename)
  return {
    sha: change.newSha ?? change.oldSha,
    filename: change.filename,
    status: change.status,
    additions,
    deletions,
    changes: additions + deletions,
    blob_url: `${html}/blob/${atCommit}/${path}`,
    raw_url: `${html}/raw/${atCommit}/${path}`,
    contents_url: `${urls.repoApi(repo.fullName)}/contents/${path}?ref=${atCommit}`,
    ...(patch === undefined ? {} : { patch }),
    ...(change.previousFilename === undefined ? {} : { previous_filename: change.previousFilename }),
  }
}
