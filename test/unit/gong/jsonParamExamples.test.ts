import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { procedureDoc, paramDoc } from '../../../src/engine/ide/docs';
import { findProcedure, procedures } from '../../../src/gong';
import { callProcedure } from '../../../src/gong/write/writer';
import type { GongClient } from '../../../src/gong';

/** Each JSON parameter has one example in the catalog; docs and errors show that one, so they cannot disagree. */
describe('JSON parameters: one example each, in the docs and in the errors', () => {
  const noClient = {} as GongClient;

  it('GrantCallAccess given a bare id says to write a JSON array of ids, with an example that works, not an array of objects', async () => {
    for (const name of ['GrantCallAccess', 'RevokeCallAccess']) {
      await assert.rejects(callProcedure(noClient, findProcedure(name)!, ['7476772403657406500', '3965438136756581']),
        (e: Error) => e.message.includes('UserIds must be a JSON array, e.g. ["234599484848423"]') && !e.message.includes('"Name"'));
    }
  });

  it('CreateMeeting given a list of emails names the format of Invitees; ReportDigitalInteraction the format of Content', async () => {
    await assert.rejects(callProcedure(noClient, findProcedure('CreateMeeting')!, ['2030-01-01 10:00:00', '2030-01-01 10:30:00', 'dana@yourco.com', '{"Email": "jane@acme.com"}']),
      /Invitees must be a JSON array, e\.g\. \[\{"Email": "jane@acme\.com", "DisplayName": "Jane Doe"\}\]/);
    await assert.rejects(callProcedure(noClient, findProcedure('ReportDigitalInteraction')!, ['e1', '2030-01-01 10:00:00', 'Page view', '["Pricing"]']),
      /Content must be a JSON object, e\.g\. \{"ContentTitle": "Pricing page", "ContentUrl": "https:\/\/www\.acme\.com\/pricing"\}/);
  });

  it('text that is not JSON at all (an email where a list is due) names the format too', async () => {
    await assert.rejects(callProcedure(noClient, findProcedure('CreateMeeting')!, ['2030-01-01 10:00:00', '2030-01-01 10:30:00', 'dana@yourco.com', 'jane@acme.com']),
      /Invitees is not valid JSON \(.+\): write a JSON array, e\.g\. \[\{"Email": "jane@acme\.com", "DisplayName": "Jane Doe"\}\]/);
  });

  it('hover on a JSON parameter and Describe of its procedure show the example, quoted as SQL text', () => {
    let shown = 0;
    for (const procedure of procedures) {
      for (const param of procedure.params.filter((p) => p.type === 'jsonArray' || p.type === 'jsonObject')) {
        const example = `Example: \`'${param.example}'\``;
        assert.ok(paramDoc(procedure, param).includes(example), `${procedure.name}.${param.name} hover`);
        assert.ok(procedureDoc(procedure).includes(example), `${procedure.name}.${param.name} Describe`);
        shown++;
      }
    }
    assert.ok(shown >= 15, `${shown} JSON parameters`);
  });
});
