import { notFound } from '../http/http-error.js'
import type { Route, RouteContext, RouteResult } from '../http/route.js'
import { appJson } from '../representations/installation-json.js'
import { userByLogin } from '../representations/user-json.js'

/**
 * `POST /app-manifests/{code}/conversions`: the one call of the manifest flow an app's server makes, with no
 * credential but the code. It answers the app's credentials once (the private key is never shown again), and from
 * then on the fake serves that app.
 */
function convert(context: RouteContext): RouteResult {
  const { world } = context
  const app = world.registrations.convert(context.params['code'] ?? '')
  if (app === undefined) throw notFound()
  world.registerApp(app, { ...userByLogin(app.ownerLogin), type: app.ownerType })
  return {
    status: 201,
    body: {
      ...appJson(world),
      description: app.manifest.description,
      external_url: app.manifest.url,
      permissions: app.permissions,
      events: app.events,
      client_id: app.clientId,
      client_secret: app.clientSecret,
      webhook_secret: app.webhookSecret,
      pem: app.pem,
    },
  }
}

export const appManifestRoutes: Route[] = [{ operation: 'POST /app-manifests/{code}/conversions', auth: 'none', handle: convert }]
