import { SecretStore } from './secret-store.js'
import type { World } from './world.js'

/** An organisation's Actions secrets: one key pair, and each secret's visibility as GitHub keeps it. */
export interface OrgSecrets {
  readonly store: SecretStore
  readonly visibility: Map<string, { visibility: 'all' | 'private' | 'selected'; selectedRepositoryIds: number[] }>
}

/**
 * What the leak response reads and writes beyond a repository's own state: collaborator roles, team members,
 * environment secrets and organisation secrets (each sealed with a real libsodium key pair, opened to assert).
 */
export class LeakResponseState {
  readonly roles = new Map<string, 'admin' | 'maintain' | 'write' | 'triage' | 'read'>()
  readonly teams = new Map<string, Set<string>>()
  readonly environmentSecrets = new Map<string, SecretStore>()
  readonly organizationSecrets = new Map<string, OrgSecrets>()

  constructor(private readonly world: World) {}

  grant(repository: string, login: string, role: 'admin' | 'maintain' | 'write' | 'triage' | 'read'): void {
    this.roles.set(`${repository.toLowerCase()}\u0000${login.toLowerCase()}`, role)
  }

  addTeamMember(org: string, slug: string, login: string): void {
    const key = `${org.toLowerCase()}/${slug.toLowerCase()}`
    const members = this.teams.get(key) ?? new Set<string>()
    members.add(login.toLowerCase())
    this.teams.set(key, members)
  }

  environment(repository: string, environment: string): SecretStore {
    const key = `${repository.toLowerCase()}\u0000${environment}`
    let store = this.environmentSecrets.get(key)
    if (store === undefined) {
      store = new SecretStore(String(this.world.nextId()))
      this.environmentSecrets.set(key, store)
    }
    return store
  }

  organization(org: string): OrgSecrets {
    let secrets = this.organizationSecrets.get(org.toLowerCase())
    if (secrets === undefined) {
      secrets = { store: new SecretStore(String(this.world.nextId())), visibility: new Map() }
      this.organizationSecrets.set(org.toLowerCase(), secrets)
    }
    return secrets
  }
}

const states = new WeakMap<World, LeakResponseState>()

/** The world's leak-response state, created on first use. */
export function leakResponseState(world: World): LeakResponseState {
  let state = states.get(world)
  if (state === undefined) {
    state = new LeakResponseState(world)
    states.set(world, state)
  }
  return state
}
