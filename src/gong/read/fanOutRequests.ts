import type { TableDef } from '../catalog/types';
import { PAGE_SIZE, type Estimate, type ReadPlan } from './plan';

/**
 * What a read that fans out over another table's rows (one request per user's email, per 100
 * calls) costs, once the number of those rows is known: the live engine and a mirror's sync
 * estimate both say it in these words.
 */

/** A fan-out's estimate from the number of its source's rows: the source read whole, then its requests per value. */
export function countedFanOut(plan: ReadPlan, source: TableDef, rows: number, how: string): Estimate {
  const unit = perValue(plan, source);
  const pages = Math.max(1, Math.ceil(rows / PAGE_SIZE));
  return {
    requests: pages + unit.requests(rows),
    open: true,
    note: `reads ${source.name} (${requestsText(pages)}), then ${unit.text(rows)} (${how})`,
  };
}

/** What one fan-out value costs: a request each, or a request per batch of a list parameter. */
export function perValue(plan: ReadPlan, source: TableDef): { requests: (n: number) => number; text: (n: number | undefined) => string; plural: string } {
  const fanOut = plan.fanOut!;
  const list = plan.path.bindings.find((b) => b.column === fanOut.column && b.kind === 'list');
  const batch = list?.kind === 'list' ? list.batch : 1;
  const singular = rowNoun(source.name);
  const plural = `${singular}s`;
  const count = (n: number | undefined) => `${n === undefined ? '?' : n.toLocaleString('en-US')} ${n === 1 ? singular : plural}`;
  return {
    requests: (n) => Math.ceil(n / batch),
    text: (n) => `1 request per ${batch === 1 ? singular : `${batch} ${plural}`} × ${count(n)}`,
    plural,
  };
}

/** `Users` → `user`, `PermissionProfiles` → `permission profile`: what one row of a table is called. */
function rowNoun(table: string): string {
  return table.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().replace(/s$/, '');
}

export function requestsText(n: number): string {
  return `${n.toLocaleString('en-US')} request${n === 1 ? '' : 's'}`;
}

