import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jsonKeys, jsonObject } from '../../../src/engine/render/json';

describe('jsonKeys: one key per column, even when names repeat', () => {
  it('keeps unique names, suffixes repeats _2, _3 in order', () => {
    assert.deepEqual(jsonKeys(['Id', 'Name', 'Id', 'Name', 'Id']), ['Id', 'Name', 'Id_2', 'Name_2', 'Id_3']);
    assert.deepEqual(jsonKeys(['', '']), ['', '_2']);
  });

  it('never gives a repeat the name of another column, before or after it', () => {
    assert.deepEqual(jsonKeys(['Id', 'Id_2', 'Id']), ['Id', 'Id_2', 'Id_3']);
    assert.deepEqual(jsonKeys(['Id', 'Id', 'Id_2']), ['Id', 'Id_3', 'Id_2']);
    assert.deepEqual(jsonKeys(['a', 'a', 'a_2', 'a_3', 'a']), ['a', 'a_4', 'a_2', 'a_3', 'a_5']);
  });

  it('a row becomes an object with every value, __proto__ a plain key', () => {
    const keys = jsonKeys(['x', 'x', '__proto__']);
    assert.equal(JSON.stringify(jsonObject(keys, [1, '2', null])), '{"x":1,"x_2":"2","__proto__":null}');
  });
});
