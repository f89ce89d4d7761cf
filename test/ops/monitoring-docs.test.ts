import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/observability/metrics.ts';

/**
 * Metrics other parts of the deployment export, named here on purpose: `up` is Prometheus's own;
 * the backup job (another change) records its last success as a gauge in Unix seconds.
 */
const EXTERNAL_METRICS = ['up', 'clientsvia_last_backup_success_seconds'];
const KEYWORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'and', 'or', 'unless', 'bool', 'offset', 'inf', 'nan']);

/** The metric names a PromQL expression reads: identifiers that are not functions, keywords, labels or values. */
function metricNamesIn(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""') // strings
    .replace(/\{[^}]*\}/g, '') // label matchers
    .replace(/\[[^\]]*\]/g, '') // ranges
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' '); // label lists
  const names = new Set<string>();
  for (const m of stripped.matchAll(/(?<![\w$.])([a-zA-Z_:][\w:]*)(\s*\()?/g)) {
    const [, name, call] = m;
    if (call || KEYWORDS.has(name!.toLowerCase())) continue;
    names.add(name!);
  }
  return [...names];
}

async function registered(): Promise<Set<string>> {
  const { registry } = createMetrics({ processDefaults: true });
  const names = new Set<string>();
  for (const metric of await registry.getMetricsAsJSON()) {
    names.add(metric.name);
    if (String(metric.type) === 'histogram') for (const suffix of ['_bucket', '_count', '_sum']) names.add(metric.name + suffix);
  }
  return names;
}

function expressionsOfDashboard(dashboard: { panels: Array<{ targets?: Array<{ expr: string }>; panels?: unknown[] }>; templating: { list: Array<{ definition?: string }> } }): string[] {
  const exprs = dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr));
  // Template variables: label_values(metric, label) names a metric too.
  for (const v of dashboard.templating.list) {
    const m = /label_values\(([\w:]+)/.exec(v.definition ?? '');
    if (m) exprs.push(m[1]!);
  }
  return exprs;
}

describe('monitoring documents', () => {
  it('reads metric names from PromQL the way Prometheus would', () => {
    expect(metricNamesIn('histogram_quantile(0.95, sum by (le, engine) (rate(a_bucket{x="y",z=~"b.*"}[5m]))) > 6')).toEqual(['a_bucket']);
    expect(metricNamesIn('time() - max(b) > 26 * 3600 or absent(c)')).toEqual(['b', 'c']);
  });

  it('the Grafana dashboard is import-ready JSON whose every expression names registered metrics', async () => {
    const dashboard = JSON.parse(readFileSync('docs/grafana/clientsvia.json', 'utf8'));
    expect(dashboard.__inputs[0]).toMatchObject({ name: 'DS_PROMETHEUS', type: 'datasource', pluginId: 'prometheus' });
    expect(new Set(dashboard.panels.map((p: { id: number }) => p.id)).size).toBe(dashboard.panels.length);
    const known = await registered();
    const exprs = expressionsOfDashboard(dashboard);
    expect(exprs.length).toBeGreaterThan(20);
    const unknown = exprs.flatMap(metricNamesIn).filter((n) => !known.has(n) && !EXTERNAL_METRICS.includes(n));
    expect(unknown).toEqual([]);
    // Every metric the application defines is on the dashboard somewhere.
    const shown = new Set(exprs.flatMap(metricNamesIn).map((n) => n.replace(/_(bucket|count|sum)$/, '')));
    const { registry } = createMetrics();
    const ours = (await registry.getMetricsAsJSON()).map((m) => m.name);
    expect(ours.filter((n) => !shown.has(n))).toEqual([]);
  });

  it('the alert rules parse as Prometheus rule groups and name only registered metrics (or the listed external ones)', async () => {
    const doc = parse(readFileSync('docs/alerts.yml', 'utf8')) as { groups: Array<{ name: string; rules: Array<{ alert: string; expr: string; for?: string; labels: { severity: string }; annotations: { summary: string } }> }> };
    const rules = doc.groups.flatMap((g) => g.rules);
    const known = await registered();
    for (const rule of rules) {
      expect(rule.alert).toMatch(/^[A-Z][A-Za-z0-9]+$/);
      expect(['warning', 'critical']).toContain(rule.labels.severity);
      expect(rule.annotations.summary.length).toBeGreaterThan(10);
      expect(metricNamesIn(rule.expr).filter((n) => !known.has(n) && !EXTERNAL_METRICS.includes(n)), rule.alert).toEqual([]);
    }
    const names = rules.map((r) => r.alert);
    expect(names).toEqual(expect.arrayContaining(['CallTurnP95OverBudget', 'ModelFallbackRateHigh', 'TwilioWebhook5xx', 'JobsFailing', 'DatabaseDown', 'BackupMissing']));
    expect(rules.find((r) => r.alert === 'BackupMissing')!.expr).toContain('clientsvia_last_backup_success_seconds');
  });
});
