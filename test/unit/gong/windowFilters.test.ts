import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findColumn, findTable, planRead, type Predicate } from '../../../src/gong';
import { FilterValueError, MissingRequiredFilter } from '../../../src/gong/read/plan';
import { notADate, parseInstant } from '../../../src/gong/read/instants';
import { columnDoc, tableDoc } from '../../../src/engine/ide/docs';

const table = (name: string) => findTable(name)!;
const window = (name: string, predicates: Predicate[]) => {
  const plan = planRead(table(name), predicates);
  return [plan.params.get('body:filter.fromDate'), plan.params.get('body:filter.toDate')];
};
const refused = (name: string, predicates: Predicate[], message: RegExp) =>
  assert.throws(() => planRead(table(name), predicates), (e: unknown) => e instanceof FilterValueError && message.test(e.message));

describe('Stats and Coaching window filters', () => {
  it('= on a stats window column is sent as the window it names, not the default one', () => {
    assert.deepEqual(window('UserActivityDayByDay', [{ column: 'Date', op: '=', value: '2026-10-06' }]), ['2026-10-06', '2026-10-07']);
    assert.deepEqual(window('UserActivityStats', [{ column: 'FromDate', op: '=', value: '2026-10-01' }, { column: 'ToDate', op: '=', value: '2026-10-31' }]), ['2026-10-01', '2026-11-01']);
    assert.deepEqual(window('UserInteractionStats', [{ column: 'ToDate', op: '=', value: '2026-10-31' }]), ['2026-10-02', '2026-11-01']);
    const pushed = planRead(table('UserActivityDayByDay'), [{ column: 'Date', op: '=', value: '2026-10-06' }]);
    assert.deepEqual([pushed.pushed.length, pushed.residual.length], [1, 0]);
  });

  it('strict > and < on a stats window column read the days whose rows they keep: the day after, the day before', () => {
    // Trial 16: FromDate > '2026-10-01' was sent as from October 1, and every row (FromDate = the 1st) was then dropped.
    assert.deepEqual(window('UserActivityStats', [{ column: 'ToDate', op: '<', value: '2026-10-31' }, { column: 'FromDate', op: '>', value: '2026-10-01' }]), ['2026-10-02', '2026-10-31']);
    assert.deepEqual(window('UserActivityStats', [{ column: 'FromDate', op: '>=', value: '2026-10-02' }, { column: 'ToDate', op: '<=', value: '2026-10-30' }]), ['2026-10-02', '2026-10-31'], 'the same window written inclusively');
    assert.deepEqual(window('UserActivityDayByDay', [{ column: 'Date', op: '>', value: '2026-10-06' }, { column: 'Date', op: '<', value: '2026-10-09' }]), ['2026-10-07', '2026-10-09']);
    const period = window('UserActivityByPeriod', [{ column: 'Period', op: '=', value: 'DAY' }, { column: 'PeriodStart', op: '>', value: '2026-10-06' }, { column: 'PeriodStart', op: '<', value: '2026-10-09' }]);
    assert.deepEqual(period, ['2026-10-07', '2026-10-09']);
  });

  it('a date-time on a stats window column bounds by its day as SQL compares it; = a date-time is refused with the day to write', () => {
    // '2026-10-01' sorts before '2026-10-01T10:00:00Z': the day itself is below that bound, not above.
    assert.deepEqual(window('UserActivityStats', [{ column: 'FromDate', op: '>=', value: '2026-10-01T10:00:00Z' }, { column: 'ToDate', op: '<', value: '2026-10-31T10:00:00Z' }]), ['2026-10-02', '2026-11-01']);
    assert.deepEqual(window('UserActivityDayByDay', [{ column: 'Date', op: '>', value: '2026-10-06 09:00' }, { column: 'Date', op: '<=', value: '2026-10-08T23:00:00Z' }]), ['2026-10-07', '2026-10-09']);
    refused('UserActivityStats', [{ column: 'FromDate', op: '=', value: '2026-10-01T10:00:00Z' }],
      /^FromDate = '2026-10-01T10:00:00Z': FromDate holds days \('YYYY-MM-DD'\), which a date-time never equals: write FromDate = '2026-10-01'$/);
    refused('UserActivityDayByDay', [{ column: 'Date', op: '=', value: '2026-10-06 00:00:00' }], /write Date = '2026-10-06'/);
    // Midnight UTC bounds as the day itself: the mirror's sync sends its --since day so.
    assert.deepEqual(window('UserActivityDayByDay', [{ column: 'Date', op: '>=', value: '2026-10-06T00:00:00Z' }, { column: 'Date', op: '<', value: '2026-10-09T00:00:00Z' }]), ['2026-10-06', '2026-10-09']);
  });

  it('PeriodStart = reads the one period of the Period asked for that starts that day, whole', () => {
    const period = (unit: string, day: string) => window('UserActivityByPeriod', [{ column: 'Period', op: '=', value: unit }, { column: 'PeriodStart', op: '=', value: day }]);
    assert.deepEqual(period('MONTH', '2026-10-01'), ['2026-10-01', '2026-11-01']);
    assert.deepEqual(period('DAY', '2026-10-14'), ['2026-10-14', '2026-10-15']);
    assert.deepEqual(period('WEEK', '2026-10-05'), ['2026-10-05', '2026-10-12']);
    assert.deepEqual(period('QUARTER', '2026-07-01'), ['2026-07-01', '2026-10-01']);
    assert.deepEqual(period('YEAR', '2025-01-01'), ['2025-01-01', '2026-01-01']);
    // In either order of the filters: the span waits for Period.
    assert.deepEqual(window('UserActivityByPeriod', [{ column: 'PeriodStart', op: '=', value: '2026-09-01' }, { column: 'Period', op: '=', value: 'MONTH' }]), ['2026-09-01', '2026-10-01']);
  });

  it('PeriodStart = is refused, naming the column and what to write, when it cannot name one period', () => {
    refused('UserActivityByPeriod', [{ column: 'PeriodStart', op: '=', value: '2026-10-01' }], /^PeriodStart = '2026-10-01' needs Period = '…' as well \(one of DAY, WEEK, MONTH, QUARTER, YEAR\)/);
    refused('UserActivityByPeriod', [{ column: 'Period', op: '=', value: 'MONTH' }, { column: 'PeriodStart', op: '=', value: '2026-10-15' }],
      /^PeriodStart = '2026-10-15' is not the first day of a MONTH \(a MONTH starts on the 1st\): write PeriodStart = '2026-10-01' for the MONTH that holds it, or PeriodStart >= '2026-10-15'/);
    refused('UserActivityByPeriod', [{ column: 'Period', op: '=', value: 'WEEK' }, { column: 'PeriodStart', op: '=', value: '2026-10-07' }], /write PeriodStart = '2026-10-05' for the WEEK/);
    refused('UserActivityByPeriod', [{ column: 'Period', op: '=', value: 'QUARTER' }, { column: 'PeriodStart', op: '=', value: '2026-08-01' }], /write PeriodStart = '2026-07-01'/);
    refused('UserActivityByPeriod', [{ column: 'Period', op: '=', value: 'DAY' }, { column: 'PeriodStart', op: '=', value: '2026-10-01 00:00:00' }], /PeriodStart = takes a day written 'YYYY-MM-DD'/);
  });

  it('a window with no day in it is refused at the filter that starts it, not sent for Gong\'s 400', () => {
    const later = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    refused('UserActivityStats', [{ column: 'FromDate', op: '>=', value: later }], new RegExp(`^FromDate >= '${later}': the window starts after today \\(\\d{4}-\\d{2}-\\d{2}\\), and Gong's stats end today`));
    refused('UserActivityByPeriod', [{ column: 'Period', op: '=', value: 'DAY' }, { column: 'PeriodStart', op: '=', value: later }], /^PeriodStart = '\d{4}-\d{2}-\d{2}': the window starts after today/);
    refused('UserActivityStats', [{ column: 'FromDate', op: '>=', value: '2026-10-10' }, { column: 'ToDate', op: '<=', value: '2026-10-01' }],
      /^FromDate >= '2026-10-10': the window ends before it starts \(its last day, 2026-10-01, is before 2026-10-10\)$/);
    assert.deepEqual(window('UserActivityStats', [{ column: 'FromDate', op: '=', value: '2026-10-01' }, { column: 'ToDate', op: '=', value: '2026-10-01' }]), ['2026-10-01', '2026-10-02'], 'one day is a window');
  });

  it('UserActivityByPeriod needs Period, listing the values, before any request: all five mixed would count each call five times', () => {
    const lacking = (predicates: Predicate[]) => assert.throws(() => planRead(table('UserActivityByPeriod'), predicates), (e: unknown) => e instanceof MissingRequiredFilter &&
      e.message === "UserActivityByPeriod needs a filter Gong requires: WHERE Period = '…' or IN (…) (Period is one of DAY, WEEK, MONTH, QUARTER, YEAR)");
    lacking([{ column: 'PeriodStart', op: '>=', value: '2026-10-01' }]);
    lacking([]);
    const several = planRead(table('UserActivityByPeriod'), [{ column: 'Period', op: 'IN', value: ['WEEK', 'MONTH', 'WEEK'] }, { column: 'PeriodStart', op: '>=', value: '2026-10-01' }]);
    assert.deepEqual(several.fanOut, { column: 'Period', values: ['WEEK', 'MONTH'] }, 'Period IN reads the periods it names, one chain each');
    assert.equal(several.estimate.requests, 2);
    assert.equal(planRead(table('UserActivityByPeriod'), [{ column: 'Period', op: '=', value: 'DAY' }]).fanOut, undefined);
  });

  it('a Period Gong does not know is refused before any request, listing the valid ones', () => {
    refused('UserActivityByPeriod', [{ column: 'Period', op: '=', value: 'month' }], /^Period = 'month': Period is one of DAY, WEEK, MONTH, QUARTER, YEAR \(write 'MONTH': Gong's values are case-sensitive\)$/);
    refused('UserActivityByPeriod', [{ column: 'Period', op: '=', value: 'Fortnight' }], /^Period = 'Fortnight': Period is one of DAY, WEEK, MONTH, QUARTER, YEAR$/);
    refused('UserActivityByPeriod', [{ column: 'Period', op: 'IN', value: ['WEEK', 'Week'] }], /^Period IN 'Week'/);
  });

  it('a date filter whose value is no date is refused, saying why, instead of reading a default window or the whole history', () => {
    refused('UserActivityStats', [{ column: 'FromDate', op: '>=', value: '2026-13-45' }], /^FromDate >= '2026-13-45': not a date \(there is no month 13\): write a day as 'YYYY-MM-DD'/);
    refused('UserActivityStats', [{ column: 'FromDate', op: '>=', value: '2026-02-30' }], /not a date \(February 2026 has 28 days\)/);
    refused('UserActivityDayByDay', [{ column: 'Date', op: '<', value: 'yesterday' }], /^Date < 'yesterday': not a date: write a day as 'YYYY-MM-DD' \(e\.g\. '2026-10-01' or date\('now', '-1 day'\)\)/);
    refused('Calls', [{ column: 'Scheduled', op: '>=', value: '2026-04-31' }], /April 2026 has 30 days/);
    refused('Coaching', [{ column: 'PeriodFrom', op: '=', value: '2026-02-29' }], /^PeriodFrom = '2026-02-29': not a date \(February 2026 has 28 days\)/);
    refused('Calls', [{ column: 'Scheduled', op: '>=', value: '2026-10-01T25:00:00Z' }], /there is no time 25:00:00/);
    assert.equal(notADate('2028-02-29'), undefined, 'a leap day is a date');
    assert.equal(parseInstant('2026-02-30'), undefined);
    assert.deepEqual(parseInstant('2026-10-01 09:30:00'), { ms: Date.parse('2026-10-01T09:30:00Z'), canonical: false });
  });

  it('Coaching takes a plain date like every other object: the whole day, the last one included', () => {
    const plan = planRead(table('Coaching'), [
      { column: 'WorkspaceId', op: '=', value: '1' }, { column: 'ManagerId', op: '=', value: '2' },
      { column: 'PeriodFrom', op: '=', value: '2026-01-01' }, { column: 'PeriodTo', op: '=', value: '2026-01-31' },
    ]);
    assert.deepEqual([plan.params.get('query:from'), plan.params.get('query:to')], ['2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z']);
    assert.deepEqual([plan.bound.PeriodFrom, plan.bound.PeriodTo], ['2026-01-01', '2026-01-31'], 'rows show the period as written');
    const exact = planRead(table('Coaching'), [
      { column: 'WorkspaceId', op: '=', value: '1' }, { column: 'ManagerId', op: '=', value: '2' },
      { column: 'PeriodFrom', op: '=', value: '2026-01-01T00:00:00-07:00' }, { column: 'PeriodTo', op: '=', value: '2026-02-01 00:00:00' },
    ]);
    assert.deepEqual([exact.params.get('query:from'), exact.params.get('query:to')], ['2026-01-01T00:00:00-07:00', '2026-02-01T00:00:00Z']);
  });

  it('Coaching with PeriodFrom after PeriodTo is refused before the request, as the Stats windows are', () => {
    const coaching = (from: string, to: string): Predicate[] => [
      { column: 'WorkspaceId', op: '=', value: '1' }, { column: 'ManagerId', op: '=', value: '2' },
      { column: 'PeriodFrom', op: '=', value: from }, { column: 'PeriodTo', op: '=', value: to },
    ];
    refused('Coaching', coaching('2026-10-31', '2026-10-01'),
      /^PeriodFrom = '2026-10-31' is not before PeriodTo = '2026-10-01': the period ends before it starts \(Gong would refuse it: to must be after from\)$/);
    refused('Coaching', coaching('2026-10-01T12:00:00Z', '2026-10-01T12:00:00Z'), /the period ends before it starts/);
    assert.deepEqual(planRead(table('Coaching'), coaching('2026-10-01', '2026-10-01')).params.get('query:to'), '2026-10-02T00:00:00Z', 'one whole day is a period');
  });

  it("Coaching's error names only the filters the query lacks", () => {
    const missing = (predicates: Predicate[]) => {
      try {
        planRead(table('Coaching'), predicates);
      } catch (e) {
        if (e instanceof MissingRequiredFilter) return e.message;
      }
      return 'no error';
    };
    assert.equal(missing([{ column: 'WorkspaceId', op: '=', value: '1' }, { column: 'ManagerId', op: '=', value: '2' }, { column: 'PeriodFrom', op: '=', value: '2026-01-01' }]),
      "Coaching needs a filter Gong requires: WHERE PeriodTo = '…'");
    assert.equal(missing([{ column: 'ManagerId', op: '=', value: '2' }]), "Coaching needs filters Gong requires: WHERE WorkspaceId = '…' AND PeriodFrom = '…' AND PeriodTo = '…'");
    assert.equal(missing([]), "Coaching needs filters Gong requires: WHERE WorkspaceId = '…' AND ManagerId = '…' AND PeriodFrom = '…' AND PeriodTo = '…'");
    assert.equal(missing([{ column: 'WorkspaceId', op: '=', value: 'x1' }, { column: 'ManagerId', op: '=', value: '2' }, { column: 'PeriodFrom', op: '=', value: '2026-01-01' }, { column: 'PeriodTo', op: '=', value: '2026-01-31' }]),
      "Coaching needs a filter Gong requires: WHERE WorkspaceId = '…' (WorkspaceId = 'x1' is not a value Gong takes)", 'written, but not as an id');
  });

  it('hover states the one rule for last days where a window ends: ToDate, PeriodEnd, Coaching\'s PeriodTo', () => {
    const hover = (t: string, c: string) => columnDoc(table(t), findColumn(table(t), c)!);
    assert.match(hover('UserActivityStats', 'ToDate'), /Last day of the window, included/);
    assert.match(hover('UserActivityStats', 'ToDate'), /Last days are included: ToDate and PeriodEnd are the last day covered, and ToDate <= '2026-10-31' reads October 31/);
    assert.match(hover('UserActivityByPeriod', 'PeriodEnd'), /Last day of the period, included/);
    assert.match(hover('Coaching', 'PeriodTo'), /PeriodTo = '2026-01-31' includes January 31/);
    for (const name of ['UserActivityStats', 'UserActivityByPeriod', 'UserInteractionStats']) assert.match(tableDoc(table(name)), /Last days are included/);
    // The operators the filter list advertises are explained, `>` and `<` included.
    assert.match(hover('UserActivityStats', 'FromDate'), /FromDate > '2026-10-01' starts the window on October 2/);
    assert.match(hover('UserActivityStats', 'ToDate'), /ToDate < '2026-10-31' ends the window on October 30/);
    assert.match(hover('UserActivityByPeriod', 'Period'), /Required: the periods are views of the same activity/);
  });
});
