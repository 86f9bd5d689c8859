import type * as A from './ast';
import { leftSpine } from './chains';

/**
 * Rewrites a tree: every node is copied with its parts mapped, then handed to the matching
 * hook, whose result takes its place. Leaves (columns, parameters, literals, table names)
 * reach the hooks as the original nodes, so they can be looked up in the binder's and the
 * planner's maps, which are keyed by node.
 */
export interface Rewriter {
  /** Every expression, after its parts. */
  readonly expr?: (e: A.Expr) => A.Expr;
  /** Every named table and table function, after its arguments. */
  readonly table?: (t: A.TableRef | A.TableFunctionRef) => A.FromItem;
  /** Every SELECT core, after its parts. */
  readonly core?: (c: A.SelectCore) => A.SelectCore;
}

export function rewriteSelect(s: A.SelectStatement, r: Rewriter): A.SelectStatement {
  return new Rewrite(r).select(s);
}

class Rewrite {
  constructor(private readonly r: Rewriter) {}

  select(s: A.SelectStatement): A.SelectStatement {
    return {
      ...s,
      with: s.with && { ...s.with, tables: s.with.tables.map((t) => ({ ...t, select: this.select(t.select) })) },
      body: this.body(s.body),
      orderBy: this.orderItems(s.orderBy),
      limit: s.limit && { ...s.limit, limit: this.expr(s.limit.limit), offset: this.optional(s.limit.offset) },
    };
  }

  private body(b: A.SelectBody): A.SelectBody {
    switch (b.kind) {
      case 'Compound': return { ...b, left: this.body(b.left), right: this.body(b.right) };
      case 'Values': return { ...b, rows: b.rows.map((row) => this.exprs(row)) };
      case 'Core': {
        const core: A.SelectCore = {
          ...b,
          columns: b.columns.map((c) => ({ ...c, expr: this.expr(c.expr) })),
          from: b.from && this.from(b.from),
          where: this.optional(b.where),
          groupBy: this.exprs(b.groupBy),
          having: this.optional(b.having),
          windows: b.windows.map((w) => ({ ...w, spec: this.window(w.spec) })),
        };
        return this.r.core ? this.r.core(core) : core;
      }
    }
  }

  private from(f: A.FromItem): A.FromItem {
    switch (f.kind) {
      case 'Table': return this.r.table ? this.r.table(f) : f;
      case 'TableFunction': {
        const mapped = { ...f, args: this.exprs(f.args) };
        return this.r.table ? this.r.table(mapped) : mapped;
      }
      case 'ParenFrom': return { ...f, from: this.from(f.from) };
      case 'SubqueryFrom': return { ...f, select: this.select(f.select) };
      case 'Join': return { ...f, left: this.from(f.left), right: this.from(f.right), on: this.optional(f.on) };
    }
  }

  /** Left spines are mapped with a loop (see chains.ts), innermost first. */
  expr(e: A.Expr): A.Expr {
    const { spine, leaf } = leftSpine(e);
    let mapped = this.hook(this.parts(leaf));
    for (let i = spine.length - 1; i >= 0; i--) mapped = this.hook(this.withLeft(spine[i] as A.Expr, mapped));
    return mapped;
  }

  private hook(e: A.Expr): A.Expr {
    return this.r.expr ? this.r.expr(e) : e;
  }

  /** An infix or postfix expression with its left operand already mapped. */
  private withLeft(e: A.Expr, left: A.Expr): A.Expr {
    switch (e.kind) {
      case 'Binary': return { ...e, left, right: this.expr(e.right), escape: this.optional(e.escape) };
      case 'Between': return { ...e, expr: left, low: this.expr(e.low), high: this.expr(e.high) };
      case 'InList': return { ...e, expr: left, items: this.exprs(e.items) };
      case 'InSelect': return { ...e, expr: left, select: this.select(e.select) };
      case 'IsNull':
      case 'Collate':
        return { ...e, expr: left };
      default: throw new Error(`${e.kind} has no left operand`);
    }
  }

  /** An expression that does not start with an operand, its parts mapped; leaves as they are. */
  private parts(e: A.Expr): A.Expr {
    switch (e.kind) {
      case 'Unary': return { ...e, operand: this.expr(e.operand) };
      case 'Call':
        return {
          ...e,
          args: this.exprs(e.args),
          orderBy: e.orderBy && this.orderItems(e.orderBy),
          filter: this.optional(e.filter),
          over: e.over && this.window(e.over),
        };
      case 'Case':
        return { ...e, operand: this.optional(e.operand), whens: e.whens.map((w) => ({ when: this.expr(w.when), then: this.expr(w.then) })), else: this.optional(e.else) };
      case 'Cast': return { ...e, expr: this.expr(e.expr) };
      case 'Exists':
      case 'Subquery':
        return { ...e, select: this.select(e.select) };
      case 'Paren': return { ...e, exprs: this.exprs(e.exprs) };
      default: return e;
    }
  }

  private window(w: A.WindowSpec): A.WindowSpec {
    return { ...w, partitionBy: this.exprs(w.partitionBy), orderBy: this.orderItems(w.orderBy), frame: w.frame && { ...w.frame, start: this.bound(w.frame.start), end: w.frame.end && this.bound(w.frame.end) } };
  }

  private bound(b: A.FrameBound): A.FrameBound {
    return b.kind === 'Preceding' || b.kind === 'Following' ? { ...b, offset: this.expr(b.offset) } : b;
  }

  private orderItems(items: readonly A.OrderItem[]): A.OrderItem[] {
    return items.map((o) => ({ ...o, expr: this.expr(o.expr) }));
  }

  private exprs(es: readonly A.Expr[]): A.Expr[] {
    return es.map((e) => this.expr(e));
  }

  private optional(e: A.Expr | undefined): A.Expr | undefined {
    return e && this.expr(e);
  }
}
