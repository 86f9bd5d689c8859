import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bind } from '../../../src/engine/bind/binder';
import { markDeclaredTypes } from '../../../src/engine/run/declaredTypes';
import type { ResultColumn } from '../../../src/engine/run/result';
import { parse } from '../../../src/engine/syntax/parser';
import type * as A from '../../../src/engine/syntax/ast';

/** The declared types a statement's result columns (named as SQLite names them) are marked with. */
function declared(sql: string, names: string[]): (string | undefined)[] {
  const select = parse(sql).statements[0] as A.SelectStatement;
  const columns: ResultColumn[] = names.map((name) => ({ name, type: 'text' }));
  markDeclaredTypes(columns, select, bind(select));
  return columns.map((c) => c.declared);
}

describe('markDeclaredTypes: result columns that are an object\'s column carry its catalog type', () => {
  it('a column as it is, under its name or an alias; an expression is not marked', () => {
    assert.deepEqual(declared('SELECT Id, c.Started, IsPrivate AS private, Duration * 2 AS twice, date(Started) FROM Calls c', ['Id', 'Started', 'private', 'twice', 'date(Started)']),
      ['id', 'datetime', 'boolean', undefined, undefined]);
  });

  it('* lists each object\'s columns in order; t.* its own', () => {
    assert.deepEqual(declared('SELECT * FROM Workspaces', ['Id', 'Name', 'Description']), ['id', 'text', 'text']);
    assert.deepEqual(declared('SELECT w.*, c.IsPrivate FROM Workspaces w JOIN Calls c ON 1', ['Id', 'Name', 'Description', 'IsPrivate']), ['id', 'text', 'text', 'boolean']);
    // A result of another shape than expected (here one column short) is not marked at all.
    assert.deepEqual(declared('SELECT * FROM Workspaces', ['Id', 'Name']), [undefined, undefined]);
  });

  it('nothing is marked when * could hold other columns (USING, a subquery) or a name does not match', () => {
    assert.deepEqual(declared('SELECT * FROM Workspaces a JOIN Workspaces b USING (Id)', ['Id', 'Name', 'Description', 'Name', 'Description']), [undefined, undefined, undefined, undefined, undefined]);
    assert.deepEqual(declared('SELECT * FROM (SELECT Id FROM Calls)', ['Id']), [undefined]);
    assert.deepEqual(declared('SELECT IsPrivate FROM Calls', ['Other']), [undefined]);
  });
});
