import type * as A from './ast';

/**
 * Flat chains (`a + b + …`, `a AND b AND …`, `x COLLATE c COLLATE d`) nest on the left, one
 * level per term: a 100,000-term chain is a tree 100,000 deep. Code that must not recurse that
 * deep walks the left spine with a loop and recurses only into the other operands.
 */

/** The operand an infix or postfix expression is written after, if it has one. */
export function leftOperand(e: A.Expr): A.Expr | undefined {
  switch (e.kind) {
    case 'Binary': return e.left;
    case 'Between':
    case 'InList':
    case 'InSelect':
    case 'IsNull':
    case 'Collate':
      return e.expr;
    default:
      return undefined;
  }
}

/** The expressions from `e` down its left spine, outermost first, and the leaf the spine ends at. */
export function leftSpine(e: A.Expr): { spine: A.Expr[]; leaf: A.Expr } {
  const spine: A.Expr[] = [];
  let leaf = e;
  for (let left = leftOperand(leaf); left; left = leftOperand(leaf)) {
    spine.push(leaf);
    leaf = left;
  }
  return { spine, leaf };
}
