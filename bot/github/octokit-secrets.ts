import sodium from 'libsodium-wrappers'
import type { SecretsPort, SecretTarget } from '../../src/incidents/rotation-ports.js'
import type { GitHubClient } from './types.js'

function split(repository: string): { owner: string; repo: string } {
  const [owner = '', repo = ''] = repository.split('/')
  return { owner, repo }
}

/**
 * Actions secrets at repository, environment and organisation scope. A value is sealed with the target's public key
 * as a libsodium sealed box (GitHub's "Encrypting secrets for the REST API"); it can never be read back.
 */
export class OctokitSecrets implements SecretsPort {
  constructor(private readonly octokit: GitHubClient) {}

  async updatedAtMs(target: SecretTarget): Promise<number | undefined> {
    try {
      const { data } = await this.getSecret(target)
      return Date.parse(data.updated_at)
    } catch (error: unknown) {
      const status = (error as { status?: number }).status
      if (status === 404 || status === 403) return undefined
      throw error
    }
  }

  async write(target: SecretTarget, value: string): Promise<void> {
    const { key, key_id } = await this.publicKey(target)
    await sodium.ready
    const sealed = sodium.crypto_box_seal(sodium.from_string(value), sodium.from_base64(key, sodium.base64_variants.ORIGINAL))
    const encrypted_value = sodium.to_base64(sealed, sodium.base64_variants.ORIGINAL)
    const { rest } = this.octokit
    if (target.scope === 'repository') {
      await rest.actions.createOrUpdateRepoSecret({ ...split(target.repository), secret_name: target.name, encrypted_value, key_id })
    } else if (target.scope === 'environment') {
      await rest.actions.createOrUpdateEnvironmentSecret({ ...split(target.repository), environment_name: target.environment, secret_name: target.name, encrypted_value, key_id })
    } else {
      // The body needs `visibility`: keep what the secret has, so rotation never widens or narrows who reads it.
      const existing = await rest.actions.getOrgSecret({ org: target.organization, secret_name: target.name }).then(({ data }) => data, () => undefined)
      const visibility = existing?.visibility ?? 'private'
      const selected = visibility === 'selected' ? await this.selectedRepositories(target) : undefined
      await rest.actions.createOrUpdateOrgSecret({ org: target.organization, secret_name: target.name, encrypted_value, key_id, visibility, ...(selected === undefined ? {} : { selected_repository_ids: selected }) })
    }
  }

  private async getSecret(target: SecretTarget): Promise<{ data: { updated_at: string } }> {
    const { rest } = this.octokit
    if (target.scope === 'repository') return rest.actions.getRepoSecret({ ...split(target.repository), secret_name: target.name })
    if (target.scope === 'environment') return rest.actions.getEnvironmentSecret({ ...split(target.repository), environment_name: target.environment, secret_name: target.name })
    return rest.actions.getOrgSecret({ org: target.organization, secret_name: target.name })
  }

  private async publicKey(target: SecretTarget): Promise<{ key: string; key_id: string }> {
    const { rest } = this.octokit
    if (target.scope === 'repository') return (await rest.actions.getRepoPublicKey(split(target.repository))).data
    if (target.scope === 'environment') return (await rest.actions.getEnvironmentPublicKey({ ...split(target.repository), environment_name: target.environment })).data
    return (await rest.actions.getOrgPublicKey({ org: target.organization })).data
  }

  private async selectedRepositories(target: Extract<SecretTarget, { scope: 'organization' }>): Promise<number[]> {
    const { data } = await this.octokit.rest.actions.listSelectedReposForOrgSecret({ org: target.organization, secret_name: target.name, per_page: 100 })
    return data.repositories.map((r) => r.id)
  }
}
