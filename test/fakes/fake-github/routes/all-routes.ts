import type { Route } from '../http/route.js'
import { appManifestRoutes } from './app-manifests.js'
import { appRoutes } from './app.js'
import { checkRunRoutes } from './check-runs.js'
import { commitRoutes } from './commits.js'
import { compareRoutes } from './compare.js'
import { contentsRoutes } from './contents.js'
import { gitRoutes } from './git.js'
import { hookDeliveryRoutes } from './hook-deliveries.js'
import { issueRoutes } from './issues.js'
import { labelRoutes } from './labels.js'
import { matchingRefRoutes } from './matching-refs.js'
import { pullRoutes } from './pulls.js'
import { secretScanningRoutes } from './secret-scanning.js'
import { secretRoutes } from './secrets.js'
import { leakResponseRoutes } from './leak-response.js'

/** Every operation the fake answers, keyed by its OpenAPI `METHOD /template`; anything else is 404 and a violation. */
export function allRoutes(): Map<string, Route> {
  const routes = [appRoutes, appManifestRoutes, compareRoutes, commitRoutes, gitRoutes, contentsRoutes, issueRoutes, labelRoutes, checkRunRoutes, secretRoutes, secretScanningRoutes, pullRoutes, leakResponseRoutes, hookDeliveryRoutes, matchingRefRoutes].flat()
  return new Map(routes.map((route) => [route.operation, route]))
}
