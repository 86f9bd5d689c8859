import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chartData, chartFor, chartTable, columnRoles, firstChart, MAX_SERIES, readChartSpec, type ChartSpec } from '../../../src/results/chart';
import { chartOption, type ChartTheme } from '../../../webview/chart/chartOption';
import { svgOf } from '../../../webview/chart/echarts';

const col = (name: string, type = 'text') => ({ name, type });
const THEME: ChartTheme = { foreground: '#111111', muted: '#222222', lines: '#333333', background: '#ffffff', font: 'sans-serif', palette: ['#0000ff', '#ff8800'] };

describe('the first chart of a result', () => {
  it('a date and a number: a line over time', () => {
    const spec = firstChart([col('Week'), col('Calls', 'integer')], [['2026-01-05', 3], ['2026-01-12', 4]]);
    assert.deepEqual(spec, { kind: 'line', x: 'Week', y: 'Calls', aggregate: 'sum' });
  });

  it('a text and a number: bars; two numbers: a scatter; text alone: bars of row counts', () => {
    assert.deepEqual(firstChart([col('Id'), col('Name'), col('Talk', 'real')], [['7782342274025937895', 'Ana', 0.4]]), { kind: 'bar', x: 'Id', y: 'Talk', aggregate: 'sum' });
    assert.deepEqual(firstChart([col('Duration', 'integer'), col('Talk', 'real')], [[10, 0.5]]), { kind: 'scatter', x: 'Duration', y: 'Talk', aggregate: 'none' });
    assert.deepEqual(firstChart([col('Direction')], [['Inbound'], ['Outbound'], ['Inbound']]), { kind: 'bar', x: 'Direction', aggregate: 'count' });
    assert.equal(firstChart([], []), undefined);
  });

  it('a date, a text with few values and a number: one line per text value', () => {
    const rows = ['2026-09-07', '2026-09-14'].flatMap((week) => ['Sales', 'Success', 'Europe'].map((w) => [week, w, 3]));
    assert.deepEqual(firstChart([col('Week'), col('Workspace'), col('Calls', 'integer')], rows), { kind: 'line', x: 'Week', y: 'Calls', series: 'Workspace', aggregate: 'sum' });
    const many = Array.from({ length: 42 }, (_, i) => ['2026-09-07', `Rep ${i % 21}`, 1]);
    assert.deepEqual(firstChart([col('Week'), col('Rep'), col('Calls', 'integer')], many), { kind: 'line', x: 'Week', y: 'Calls', aggregate: 'sum' }, 'more than 20 values: one line');
  });

  it('text alone: counts per value of a text with few values, never per id; only keys: no chart', () => {
    const calls = [['7782342274025937895', 'Intro', 'Inbound'], ['7782342274025937896', 'Demo', 'Outbound'], ['7782342274025937897', 'Renewal', 'Inbound']];
    assert.deepEqual(firstChart([col('Id'), col('Title'), col('Direction')], calls), { kind: 'bar', x: 'Direction', aggregate: 'count' });
    assert.equal(firstChart([col('Id'), col('Title')], calls.map((r) => r.slice(0, 2))), undefined, 'a row count per id is no chart');
  });

  it('reads roles from values when the types are not known yet (a streamed result)', () => {
    assert.deepEqual(columnRoles([col('At', 'null'), col('n', 'null'), col('Id', 'text')], [['2026-03-01T09:00:00Z', 3, '123'], ['2026-03-02T09:00:00.5+02:00', null, '456']]), ['time', 'number', 'text']);
    assert.deepEqual(columnRoles([col('m', 'mixed')], [[1], ['a']]), ['text'], 'ids (digit text) and mixed columns are never numbers');
  });

  it('keeps a saved spec that fits the columns, and replaces one that no longer does', () => {
    const columns = [col('Week'), col('Calls', 'integer')];
    const saved: ChartSpec = { kind: 'bar', x: 'Week', y: 'Calls', aggregate: 'max' };
    assert.equal(chartFor(saved, columns, []), saved);
    assert.deepEqual(chartFor({ ...saved, y: 'Gone' }, columns, [['2026-01-05', 1]]), { kind: 'line', x: 'Week', y: 'Calls', aggregate: 'sum' });
  });
});

describe('the points a chart draws', () => {
  const columns = [col('Day'), col('Rep'), col('Calls', 'integer')];
  const rows = [['2026-01-02', 'Ana', 3], ['2026-01-01', 'Ana', 1], ['2026-01-01', 'Ben', 5], ['2026-01-02', 'Ana', 4], [null, 'Ben', 9], ['2026-01-03', 'Ben', null]];

  it('aggregates rows sharing an x, sorted by time, saying what it left out', () => {
    const spec: ChartSpec = { kind: 'line', x: 'Day', y: 'Calls', aggregate: 'sum' };
    const sum = chartData(spec, columns, rows);
    assert.equal(sum.xKind, 'time');
    assert.deepEqual(sum.series, [{ name: 'Calls', points: [[Date.UTC(2026, 0, 1), 6], [Date.UTC(2026, 0, 2), 7]] }], 'dates drawn as instants');
    assert.deepEqual(chartTable(sum, spec).rows, [['2026-01-01', '6'], ['2026-01-02', '7']], 'and shown as the rows wrote them');
    assert.deepEqual(sum.notes, ['1 row without a value in Day left out.', '1 row without a number in Calls left out.']);
    const at = (aggregate: ChartSpec['aggregate']) => chartTable(chartData({ ...spec, aggregate }, columns, rows), spec).rows;
    assert.deepEqual(at('avg'), [['2026-01-01', '3'], ['2026-01-02', '3.5']]);
    assert.deepEqual(at('min'), [['2026-01-01', '1'], ['2026-01-02', '3']]);
    assert.deepEqual(at('max'), [['2026-01-01', '5'], ['2026-01-02', '4']]);
    assert.deepEqual(at('count'), [['2026-01-01', '2'], ['2026-01-02', '2']]);
    assert.deepEqual(at('none'), [['2026-01-01', '1'], ['2026-01-01', '5'], ['2026-01-02', '3'], ['2026-01-02', '4']]);
  });

  it('splits series by a column; categories keep the rows\' order; the table has a column per series', () => {
    const data = chartData({ kind: 'bar', x: 'Rep', y: 'Calls', series: 'Day', aggregate: 'sum' }, columns, rows);
    assert.equal(data.xKind, 'category');
    assert.deepEqual(data.xs, ['Ana', 'Ben']);
    assert.deepEqual(data.series.map((s) => s.name), ['2026-01-02', '2026-01-01', 'NULL']);
    const table = chartTable(data, { kind: 'bar', x: 'Rep', y: 'Calls', series: 'Day', aggregate: 'sum' });
    assert.deepEqual(table.head, ['Rep', '2026-01-02', '2026-01-01', 'NULL']);
    assert.deepEqual(table.rows, [['Ana', '7', '1', ''], ['Ben', '', '5', '9']]);
  });

  it('counts rows when no column is measured, and caps the number of series', () => {
    const many = Array.from({ length: 30 }, (_, i) => [`s${i}`, 1]);
    const data = chartData({ kind: 'line', x: 'n', series: 's', aggregate: 'sum' }, [col('s'), col('n', 'integer')], many);
    assert.equal(data.series.length, MAX_SERIES);
    assert.deepEqual(data.notes, [`Showing ${MAX_SERIES} of 30 series (s).`]);
    assert.deepEqual(data.series[0]!.points, [[1, 1]], 'the row count of x = 1');
  });

  it('reads a spec saved in a notebook, or nothing when it is not one', () => {
    assert.deepEqual(readChartSpec({ kind: 'pie', x: 'Rep', y: 'Calls', aggregate: 'sum' }), { kind: 'pie', x: 'Rep', y: 'Calls', aggregate: 'sum' });
    assert.equal(readChartSpec({ kind: 'radar', x: 'Rep', aggregate: 'sum' }), undefined);
    assert.equal(readChartSpec({ kind: 'bar', x: 3, aggregate: 'sum' }), undefined);
    assert.equal(readChartSpec({ kind: 'bar', x: 'Rep', aggregate: 'median' }), undefined);
    assert.equal(readChartSpec('bar'), undefined);
  });
});

describe('the chart drawn by echarts (its SVG renderer, as Export SVG writes it)', () => {
  const weeks = Array.from({ length: 12 }, (_, i) => [new Date(Date.UTC(2026, 0, 5 + 7 * i)).toISOString().slice(0, 10), 10 + i]);
  const columns = [col('Week'), col('Calls', 'integer')];

  it('a line over time: one point per week, theme colours, axes named, values as text', () => {
    const spec = firstChart(columns, weeks)!;
    const data = chartData(spec, columns, weeks);
    const option = chartOption(spec, data, THEME);
    assert.equal((option.series as { data: unknown[] }[])[0]!.data.length, 12);
    const svg = svgOf(option, 640, 400);
    assert.match(svg, /^<svg/);
    assert.ok(svg.includes('stroke="#0000ff"'), 'the first series in the theme\'s first chart colour');
    assert.ok(svg.includes('>Week<') && svg.includes('>Calls (sum)<'));
    // Twelve points drawn with their symbols (few enough to show them).
    assert.equal((svg.match(/<path d="M[^"]*A[^"]*"[^>]*fill="#[0-9a-f]+"[^>]*stroke="#0000ff"/g) ?? []).length >= 1, true);
  });

  /** The x axis' labels of an SVG (the text under the plot, left to right). */
  const xLabels = (svg: string) => [...svg.matchAll(/<text[^>]*transform="translate\(([\d.]+) ([\d.]+)\)"[^>]*>([^<]*)<\/text>/g)]
    .filter((m) => /^\d{4}-/.test(m[3]!)).map((m) => m[3]!);

  it('dates are labelled on the data\'s own dates, as the rows write them, as many as fit the width', () => {
    const spec = firstChart(columns, weeks)!;
    const data = chartData(spec, columns, weeks);
    const mondays = weeks.map(([week]) => week as string);
    for (const width of [400, 640, 1600]) {
      const labels = xLabels(svgOf(chartOption(spec, data, THEME, width), width, 400));
      assert.ok(labels.length >= 2, `${width} px: ${labels.join(' ')}`);
      assert.ok(labels.every((l) => mondays.includes(l)), `${width} px: every label is one of the weeks: ${labels.join(' ')}`);
      assert.equal(new Set(labels).size, labels.length, 'no label twice');
      assert.deepEqual(labels, [...labels].sort(), 'in order');
    }
    assert.equal(xLabels(svgOf(chartOption(spec, data, THEME, 1600), 1600, 400)).length, 12, 'a wide chart labels every week');
    // Bars over dates stand on categories: none cut by the plot's edge.
    const bars = chartOption({ ...spec, kind: 'bar' }, chartData({ ...spec, kind: 'bar' }, columns, weeks), THEME) as { xAxis: { type: string; data: string[] } };
    assert.deepEqual([bars.xAxis.type, bars.xAxis.data], ['category', mondays]);
  });

  it('the legend is above the y axis\' name; whole numbers have whole ticks; a stacked area says so', () => {
    const rows = weeks.flatMap(([week, n]) => ['Pricing', 'Competitors'].map((t) => [week as string, t, n as number]));
    const cols = [col('Week'), col('Tracker'), col('Mentions', 'integer')];
    const spec: ChartSpec = { kind: 'area', x: 'Week', y: 'Mentions', series: 'Tracker', aggregate: 'sum' };
    const option = chartOption(spec, chartData(spec, cols, rows), THEME, 400);
    const svg = svgOf(option, 400, 300);
    const yOf = (label: string) => Number(new RegExp(`translate\\([\\d.]+ ([\\d.]+)\\)"[^>]*>${label}<`).exec(svg)?.[1]);
    assert.ok(yOf('Mentions \\(sum, stacked\\)') - yOf('Pricing') >= 24, `the axis name (${yOf('Mentions \\(sum, stacked\\)')}) a line below the legend (${yOf('Pricing')})`);
    assert.equal((option.yAxis as { minInterval?: number }).minInterval, 1);
    const ones = Array.from({ length: 41 }, (_, i) => [`${i}`, 'Inbound']);
    const count: ChartSpec = { kind: 'bar', x: 'Direction', aggregate: 'count' };
    const ticks = [...svgOf(chartOption(count, chartData(count, [col('Id'), col('Direction')], ones), THEME), 640, 400).matchAll(/>(\d+(\.\d+)?)</g)].map((m) => m[1]!);
    assert.ok(ticks.length > 0 && ticks.every((t) => !t.includes('.')), `integer ticks: ${ticks.join(' ')}`);
  });

  it('a pie and bars with categories; a hostile category name stays text', () => {
    const rows = [['<img src=x onerror=alert(1)>', 3], ['Ben', 5]];
    const columns2 = [col('Rep'), col('Calls', 'integer')];
    for (const kind of ['pie', 'bar'] as const) {
      const spec: ChartSpec = { kind, x: 'Rep', y: 'Calls', aggregate: 'sum' };
      const svg = svgOf(chartOption(spec, chartData(spec, columns2, rows), THEME), 640, 400);
      assert.ok(!svg.includes('<img'), `${kind}: escaped`);
      assert.ok(svg.includes('&lt;img src=x onerror=alert(1)&gt;'), `${kind}: the name is drawn as text`);
    }
  });

  it('100,000 points: large mode, no symbols, no animation', () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => [i, Math.sin(i / 1000)]);
    const spec: ChartSpec = { kind: 'scatter', x: 'i', y: 'v', aggregate: 'none' };
    const data = chartData(spec, [col('i', 'integer'), col('v', 'real')], rows);
    const option = chartOption(spec, data, THEME);
    assert.equal(option.animation, false);
    assert.equal((option.series as { large: boolean }[])[0]!.large, true);
  });
});
