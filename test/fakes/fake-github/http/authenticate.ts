import { verifyAppJwt } from '../auth/verify-app-jwt.js'
import type { InstallationRecord, World } from '../state/world.js'
import { HttpError, ViolationError } from './http-error.js'
import type { Route } from './route.js'

/** Who is calling: the app itself (JWT) or one installation (access token). */
export type Caller = { kind: 'app' } | { kind: 'installation'; installation: InstallationRecord } | { kind: 'anonymous' }

function credential(authorization: string | undefined): string | undefined {
  const found = /^(?:bearer|token)\s+(\S+)$/i.exec(authorization?.trim() ?? '')
  return found?.[1]
}

/** Checks the `authorization` header against what the route needs; throws GitHub's 401 otherwise. */
export function authenticate(route: Route, authorization: string | undefined, context: { world: World }): Caller {
  // The manifest conversion is the one call made before the app has any credential: its code is the credential.
  if (route.auth === 'none') return { kind: 'anonymous' }
  const presented = credential(authorization)
  if (presented === undefined) throw new HttpError(401, 'Requires authentication')
  if (route.auth === 'app') {
    const problem = verifyAppJwt(presented, { appId: context.world.app.id, publicKey: context.world.appKey })
    if (problem !== undefined) throw new HttpError(401, problem)
    return { kind: 'app' }
  }
  const token = context.world.tokens.get(presented)
  const installation = token === undefined ? undefined : context.world.installations.get(token.installationId)
  if (!installation) throw new HttpError(401, 'Bad credentials')
  return { kind: 'installation', installation }
}

const LEVELS = { read: 1, write: 2, admin: 3 } as const

/** GitHub's 403 for an installation that lacks the permission the operation needs. */
export function checkPermission(route: Route, installation: InstallationRecord): void {
  if (!route.permission) return
  const granted = installation.permissions[route.permission.name]
  if (granted === undefined || LEVELS[granted] < LEVELS[route.permission.level]) {
    throw new ViolationError('missing-permission', 403, 'Resource not accessible by integration')
  }
}
