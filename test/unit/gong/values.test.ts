import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { camelKeys, checkValue, type ParamDef } from '../../../src/gong';
import { parseGongJson } from '../../../src/gong/http/json';

const param = (type: ParamDef['type'], extra: Partial<ParamDef> = {}): ParamDef => ({ name: 'P', type, required: false, description: '', ...extra });

describe('argument values', () => {
  it('ids stay exact whatever form they arrive in', () => {
    assert.deepEqual(checkValue(param('id'), 9209112928780475146n), { ok: true, value: '9209112928780475146' });
    assert.deepEqual(checkValue(param('id'), '9209112928780475146'), { ok: true, value: '9209112928780475146' });
    assert.equal(checkValue(param('id'), 9209112928780475146).ok, false, 'a JS number beyond 2^53 has already lost digits');
    assert.equal(checkValue(param('id'), 'abc').ok, false);
  });

  it('date-times: ISO with an offset, or YYYY-MM-DD HH:MM:SS read as UTC', () => {
    assert.deepEqual(checkValue(param('datetime'), '2025-05-13 13:11:35'), { ok: true, value: '2025-05-13T13:11:35Z' });
    assert.deepEqual(checkValue(param('datetime'), '2018-02-18T02:30:00-07:00'), { ok: true, value: '2018-02-18T02:30:00-07:00' });
    assert.equal(checkValue(param('datetime'), '2018-02-18T02:30:00').ok, false, 'no offset');
    assert.equal(checkValue(param('datetime'), '2018-02-30T02:30:00Z').ok, false);
  });

  it('enums match case-insensitively and come back canonical', () => {
    assert.deepEqual(checkValue(param('enum', { values: ['Inbound', 'Outbound'] }), 'OUTBOUND'), { ok: true, value: 'Outbound' });
  });

  it('JSON arrays: PascalCase keys become camelCase, Value contents are left alone, big numbers keep their digits', () => {
    const checked = checkValue(param('jsonArray'), '[{"UserId": 9209112928780475146, "Fields": [{"Name": "n", "Value": {"KeepMe": 1}}]}]');
    assert.deepEqual(checked, { ok: true, value: [{ userId: '9209112928780475146', fields: [{ name: 'n', value: { KeepMe: 1 } }] }] });
    assert.deepEqual(camelKeys({ A: [{ BC: 1 }] }), { a: [{ bC: 1 }] });
  });

  it('required values must be present; lengths are checked', () => {
    assert.deepEqual(checkValue(param('text', { required: true }), null), { ok: false, message: 'is required' });
    assert.equal(checkValue(param('text', { maxLength: 3 }), 'abcd').ok, false);
  });

  it('Gong JSON keeps int64 numbers exact', () => {
    assert.deepEqual(parseGongJson('{"integrationId": 9209112928780475146, "n": 3, "r": 1.5}'), { integrationId: '9209112928780475146', n: 3, r: 1.5 });
  });
});
