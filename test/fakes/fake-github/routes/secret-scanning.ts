import { notFound } from '../http/http-error.js'
import { requireRepo, type Route, type RouteContext, type RouteResult } from '../http/route.js'
import { alertLocationJson, secretScanningAlertJson } from '../representations/secret-scanning-alert-json.js'
import type { SecretScanningAlertRecord } from '../state/secret-scanning-alerts.js'
import { paginate } from './paging.js'

const READ_ALERTS = { name: 'secret_scanning_alerts', level: 'read' } as const

function requireAlert(context: RouteContext): SecretScanningAlertRecord {
  const alert = requireRepo(context).secretScanningAlerts.find((candidate) => candidate.number === Number(context.params['alert_number']))
  if (!alert) throw notFound()
  return alert
}

function listLocations(context: RouteContext): RouteResult {
  const repo = requireRepo(context)
  const page = paginate(requireAlert(context).locations, context, { defaultPerPage: 30, maxPerPage: 100 })
  return { status: 200, headers: page.headers, body: page.items.map((location) => alertLocationJson(context.world.urls, repo, location)) }
}

export const secretScanningRoutes: Route[] = [
  {
    operation: 'GET /repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}',
    auth: 'installation',
    permission: READ_ALERTS,
    handle: (context) => ({ status: 200, body: secretScanningAlertJson(context.world.urls, requireRepo(context), requireAlert(context), true) }),
  },
  { operation: 'GET /repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}/locations', auth: 'installation', permission: READ_ALERTS, handle: listLocations },
]
