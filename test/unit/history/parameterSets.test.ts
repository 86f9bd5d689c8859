import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { namedParameters } from '../../../src/engine/ide/parameters';
import { parseNotebook, serializeNotebook } from '../../../src/notebook/notebookFile';
import { activeValues, readParameterSets, withActive, withValues } from '../../../src/notebook/parameterSets';

describe('a notebook\'s named parameter sets', () => {
  it('are saved in the file beside the cells and read back; a notebook without sets is saved as before', () => {
    const cells = [{ kind: 'gongsql' as const, source: ['SELECT * FROM Calls WHERE Scheduled >= :since'] }];
    const sets = withValues(withActive(withValues({ sets: {} }, { since: '2026-01-01' }), 'Q2'), { since: '2026-04-01' });
    const text = serializeNotebook(cells, false, sets);
    assert.deepEqual(JSON.parse(text).parameters, { active: 'Q2', sets: { Default: { since: '2026-01-01' }, Q2: { since: '2026-04-01' } } });
    const read = parseNotebook(text);
    assert.deepEqual(read.parameters, sets);
    assert.deepEqual(activeValues(read.parameters!), { since: '2026-04-01' });
    assert.equal(JSON.parse(serializeNotebook(cells, false)).parameters, undefined);
    assert.deepEqual(parseNotebook(serializeNotebook(cells, false)).cells, cells);
  });

  it('never hold a secret-named value, neither added nor read from a file', () => {
    const added = withValues({ sets: {} }, { workspace: 'EMEA', api_token: 't0k', Password: 'pw' });
    assert.deepEqual(added, { active: 'Default', sets: { Default: { workspace: 'EMEA' } } });
    const read = readParameterSets({ active: 'x', sets: { x: { secretKey: 's', n: '1', bad: 2 }, y: 'not a set' } });
    assert.deepEqual(read, { active: 'x', sets: { x: { n: '1' } } });
    assert.deepEqual(readParameterSets({ active: 'gone', sets: {} }), { sets: {} }, 'an active set that is not there is none');
    assert.deepEqual(readParameterSets('junk'), { sets: {} });
  });

  it('a cell\'s named parameters, once each, in order; ? parameters are not named; media arguments are marked', () => {
    assert.deepEqual(namedParameters('SELECT :a, $b, :a, ?, ?2'), [{ name: 'a', written: ':a', binary: false, erased: false }, { name: 'b', written: '$b', binary: false, erased: false }]);
    const upload = namedParameters("CALL UploadCallMedia('1', :file)");
    assert.deepEqual(upload.map((p) => [p.name, p.binary]), [['file', true]]);
  });
});
