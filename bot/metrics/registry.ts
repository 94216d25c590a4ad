/** Label values of one series, e.g. `{ installation: '31', status: '200' }`. */
export type Labels = Readonly<Record<string, string | number>>

interface Family {
  readonly name: string
  readonly help: string
  readonly type: 'counter' | 'gauge'
  readonly series: Map<string, { labels: Labels; value: number }>
}

/** One counter or gauge, addressed by its labels. */
export interface Metric {
  inc(labels?: Labels, by?: number): void
  set(labels: Labels, value: number): void
  /** Drops every series (a gauge refilled at each scrape). */
  reset(): void
}

/**
 * A minimal Prometheus registry: counters and gauges with labels, rendered in the text exposition format
 * (https://prometheus.io/docs/instrumenting/exposition_formats/). Enough for the bot's few metrics without a
 * dependency; series are created on first use.
 */
export class MetricsRegistry {
  private readonly families: Family[] = []

  counter(name: string, help: string): Metric {
    return this.add({ name, help, type: 'counter', series: new Map() })
  }

  gauge(name: string, help: string): Metric {
    return this.add({ name, help, type: 'gauge', series: new Map() })
  }

  render(): string {
    const lines: string[] = []
    for (const family of this.families) {
      lines.push(`# HELP ${family.name} ${family.help}`, `# TYPE ${family.name} ${family.type}`)
      for (const { labels, value } of family.series.values()) lines.push(`${family.name}${formatLabels(labels)} ${value}`)
    }
    return `${lines.join('\n')}\n`
  }

  private add(family: Family): Metric {
    this.families.push(family)
    const entry = (labels: Labels) => {
      const key = formatLabels(labels)
      let found = family.series.get(key)
      if (found === undefined) family.series.set(key, (found = { labels, value: 0 }))
      return found
    }
    return {
      inc: (labels = {}, by = 1) => void (entry(labels).value += by),
      set: (labels, value) => void (entry(labels).value = value),
      reset: () => family.series.clear(),
    }
  }
}

function formatLabels(labels: Labels): string {
  const pairs = Object.entries(labels).map(([name, value]) => `${name}="${String(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`)
  return pairs.length === 0 ? '' : `{${pairs.join(',')}}`
}
