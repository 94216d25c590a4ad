import { MetricsRegistry } from '../../../bot/metrics/registry.js'

describe('the Prometheus registry', () => {
  it('renders counters and gauges in the text exposition format, one series per label set', () => {
    const registry = new MetricsRegistry()
    const calls = registry.counter('calls_total', 'API calls.')
    const depth = registry.gauge('depth', 'Queue depth.')
    calls.inc({ installation: 31, status: 200 })
    calls.inc({ installation: 31, status: 200 }, 2)
    calls.inc({ installation: 32, status: 403 })
    depth.set({}, 7)
    expect(registry.render()).toBe(
      ['# HELP calls_total API calls.', '# TYPE calls_total counter', 'calls_total{installation="31",status="200"} 3', 'calls_total{installation="32",status="403"} 1', '# HELP depth Queue depth.', '# TYPE depth gauge', 'depth 7', ''].join('\n'),
    )
  })

  it('escapes label values and forgets a reset gauge', () => {
    const registry = new MetricsRegistry()
    const gauge = registry.gauge('g', 'G.')
    gauge.set({ name: 'a"b\\c\nd' }, 1)
    expect(registry.render()).toContain('g{name="a\\"b\\\\c\\nd"} 1')
    gauge.reset()
    expect(registry.render()).not.toContain('g{')
  })
})
