import type { LeakedTokenSource } from '../../src/incidents/rotation-ports.js'
import { createTokenScanPattern, fingerprintToken } from '../../src/tokens/index.js'
import type { GitHubClient } from '../github/types.js'

/**
 * For `send-token: true` only: reads the leaked token back from the line it was seen on (the bot never stores it),
 * recognised by its fingerprint. Legacy keys have no shape to find, so they are never sent.
 */
export class GitHubTokenSource implements LeakedTokenSource {
  constructor(private readonly octokit: GitHubClient) {}

  async readToken(location: { repository: string; commit: string; path: string; line: number }, fingerprint: string): Promise<string | undefined> {
    const [owner = '', repo = ''] = location.repository.split('/')
    try {
      const { data } = await this.octokit.rest.repos.getContent({ owner, repo, path: location.path, ref: location.commit })
      if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return undefined
      const line = Buffer.from(data.content, 'base64').toString('utf8').split('\n')[location.line - 1] ?? ''
      for (const match of line.matchAll(createTokenScanPattern())) if (fingerprintToken(match[0]) === fingerprint) return match[0]
      return undefined
    } catch {
      return undefined
    }
  }
}
