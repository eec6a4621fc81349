// A small in-isolate Prometheus registry: prom-client depends on Node internals and global timers.

type Labels = Record<string, string>;

const DEFAULT_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Distinct label sets one metric may hold; beyond it new sets are folded into `other`, so memory stays bounded. */
const MAX_SERIES = 500;

function renderSeriesKey(labels: Labels): string {
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}="${String(labels[k]).replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`)
    .join(",");
}

/** Rendered keys by their labels as given (names and values in order): most label sets recur on every request. */
const renderedKeys = new Map<string, string>();
const MAX_RENDERED_KEYS = 5_000;

function seriesKey(labels: Labels): string {
  let given = "";
  for (const k in labels) {
    const value = String(labels[k]);
    // A separator inside a value could make two label sets look alike: such a set is rendered every time.
    if (value.includes("\u0001")) return renderSeriesKey(labels);
    given += `${k}\u0000${value}\u0001`;
  }
  let key = renderedKeys.get(given);
  if (key === undefined) {
    key = renderSeriesKey(labels);
    if (renderedKeys.size >= MAX_RENDERED_KEYS) renderedKeys.clear();
    renderedKeys.set(given, key);
  }
  return key;
}

function boundedKey(series: Map<string, unknown>, labels: Labels): string {
  const key = seriesKey(labels);
  if (series.has(key) || series.size < MAX_SERIES) return key;
  return seriesKey(Object.fromEntries(Object.keys(labels).map((k) => [k, "other"])));
}

export class Counter {
  private readonly series = new Map<string, number>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  inc(labels: Labels = {}, by = 1): void {
    const key = boundedKey(this.series, labels);
    this.series.set(key, (this.series.get(key) ?? 0) + by);
  }

  value(labels: Labels = {}): number {
    return this.series.get(seriesKey(labels)) ?? 0;
  }

  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    for (const [key, value] of this.series) lines.push(`${this.name}${key ? `{${key}}` : ""} ${value}`);
    return lines;
  }
}

export class Gauge {
  private readonly series = new Map<string, number>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  set(labels: Labels, value: number): void {
    this.series.set(boundedKey(this.series, labels), value);
  }

  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} gauge`];
    for (const [key, value] of this.series) lines.push(`${this.name}${key ? `{${key}}` : ""} ${value}`);
    return lines;
  }
}

interface HistogramSeries {
  labels: Labels;
  buckets: number[];
  sum: number;
  count: number;
}

export class Histogram {
  private readonly series = new Map<string, HistogramSeries>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly bounds: number[] = DEFAULT_BUCKETS,
  ) {}

  observe(labels: Labels, value: number): void {
    const key = boundedKey(this.series, labels);
    let entry = this.series.get(key);
    if (!entry) {
      const kept =
        key === seriesKey(labels) ? labels : Object.fromEntries(Object.keys(labels).map((k) => [k, "other"]));
      entry = { labels: kept, buckets: this.bounds.map(() => 0), sum: 0, count: 0 };
      this.series.set(key, entry);
    }
    this.bounds.forEach((bound, i) => {
      if (value <= bound) entry.buckets[i] = (entry.buckets[i] ?? 0) + 1;
    });
    entry.sum += value;
    entry.count += 1;
  }

  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const [key, entry] of this.series) {
      const prefix = key ? `${key},` : "";
      this.bounds.forEach((bound, i) => {
        lines.push(`${this.name}_bucket{${prefix}le="${bound}"} ${entry.buckets[i]}`);
      });
      lines.push(`${this.name}_bucket{${prefix}le="+Inf"} ${entry.count}`);
      lines.push(`${this.name}_sum${key ? `{${key}}` : ""} ${entry.sum}`);
      lines.push(`${this.name}_count${key ? `{${key}}` : ""} ${entry.count}`);
    }
    return lines;
  }
}

type Metric = Counter | Gauge | Histogram;

/** Every metric this isolate exports on `/metrics`. Values are per isolate: Prometheus sums them. */
export class MetricsRegistry {
  private readonly metrics = new Map<string, Metric>();

  counter(name: string, help: string): Counter {
    return this.register(name, () => new Counter(name, help)) as Counter;
  }

  gauge(name: string, help: string): Gauge {
    return this.register(name, () => new Gauge(name, help)) as Gauge;
  }

  histogram(name: string, help: string, bounds?: number[]): Histogram {
    return this.register(name, () => new Histogram(name, help, bounds)) as Histogram;
  }

  render(): string {
    return `${[...this.metrics.values()].flatMap((metric) => metric.render()).join("\n")}\n`;
  }

  private register(name: string, create: () => Metric): Metric {
    const existing = this.metrics.get(name);
    if (existing) return existing;
    const metric = create();
    this.metrics.set(name, metric);
    return metric;
  }
}

/** The isolate's registry; holds only numbers, so module scope is fine (no I/O, no timers). */
export const metrics = new MetricsRegistry();

export const httpRequests = metrics.counter("resync_http_requests_total", "HTTP requests by method, route and status.");
export const httpDuration = metrics.histogram(
  "resync_http_request_duration_seconds",
  "HTTP request duration in seconds by method, route and status.",
);
