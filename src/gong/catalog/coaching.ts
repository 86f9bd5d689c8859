import { at, col, defineTable, equals, filter, listOf, read } from './define';

/** A row per manager, direct report and metric: Gong's metrics are a map of name to values. */
function metricRows(body: Record<string, unknown>): Record<string, unknown>[] {
  return listOf('coachingData')(body).flatMap((entry) => listOf('directReportsMetrics')(entry).flatMap((r) => {
    const metrics = at(r, 'metrics');
    if (metrics === null || typeof metrics !== 'object') return [];
    return Object.entries(metrics as Record<string, unknown>).map(([metric, values]) => {
      const list = Array.isArray(values) ? values.map(String) : [];
      const number = list.length === 1 && /^-?\d+(\.\d+)?$/.test(list[0] as string) ? Number(list[0]) : null;
      return { $manager: entry.manager, $report: r.report, $metric: metric, $values: list, $number: number };
    });
  }));
}

/** How the period is written, as on every other object: a day or a date-time. */
const PERIOD_FORMS = "A day ('2026-01-01', a whole day in UTC: PeriodTo = '2026-01-31' includes January 31, sent as 2026-02-01T00:00:00Z) or an ISO-8601 date-time ('2026-01-01T00:00:00Z', sent as written).";

export const Coaching = defineTable({
  name: 'Coaching',
  group: 'Users',
  mirror: { kind: 'none', reason: 'Gong reads coaching for one manager, workspace and period at a time: all four are required filters' },
  description: "How much a manager coached each direct report over a period: calls listened to, comments, feedback, … (GET /v2/coaching).",
  columns: [
    col('WorkspaceId', 'id', 'Workspace (a required filter).', { key: true, source: (_r, ctx) => ctx.bound.WorkspaceId }),
    col('ManagerId', 'id', 'The manager (a required filter).', { key: true, source: (_r, ctx) => ctx.bound.ManagerId }),
    col('PeriodFrom', 'datetime', 'Start of the period, as written in the filter (a required filter).', { key: true, days: true, source: (_r, ctx) => ctx.bound.PeriodFrom }),
    col('PeriodTo', 'datetime', 'End of the period, as written in the filter (a required filter): a plain date is the last day, included.', { key: true, days: true, source: (_r, ctx) => ctx.bound.PeriodTo }),
    col('ReportUserId', 'id', 'The direct report.', { key: true, source: '$report.id' }),
    col('ReportEmailAddress', 'text', "The report's email.", { source: '$report.emailAddress' }),
    col('ReportName', 'text', "The report's name.", { source: (r) => [at(r, '$report.firstName'), at(r, '$report.lastName')].filter((x) => x).join(' ') || null }),
    col('Metric', 'text', 'The coaching metric, as Gong names it.', { key: true, source: '$metric' }),
    col('Value', 'real', 'Its value when Gong gives a single number; NULL otherwise (see MetricValues).', { source: '$number' }),
    col('MetricValues', 'json', "The metric's values as Gong gives them, JSON array of text.", { source: '$values' }),
  ],
  filters: [
    filter('WorkspaceId', ['='], 'Required: sent to Gong as workspace-id.'),
    filter('ManagerId', ['='], 'Required: sent to Gong as manager-id.'),
    filter('PeriodFrom', ['='], `Required: sent to Gong as from. ${PERIOD_FORMS}`),
    filter('PeriodTo', ['='], `Required: sent to Gong as to. ${PERIOD_FORMS}`),
  ],
  reads: [read({
    name: 'per manager', method: 'GET', path: '/v2/coaching', requires: ['WorkspaceId', 'ManagerId', 'PeriodFrom', 'PeriodTo'], notFound: 'noResults',
    bindings: [equals('WorkspaceId', 'query:workspace-id'), equals('ManagerId', 'query:manager-id'), equals('PeriodFrom', 'query:from', 'instantFrom'), equals('PeriodTo', 'query:to', 'instantTo')],
    records: metricRows,
  })],
  peculiarities: [
    "Gong requires all four filters: WHERE WorkspaceId = … AND ManagerId = … AND PeriodFrom = '…' AND PeriodTo = '…' (one manager, one period per query; UNION ALL for several).",
    PERIOD_FORMS,
    'A manager with no direct reports has no rows.',
  ],
});
