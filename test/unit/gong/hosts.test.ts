import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { baseUrlProblem, isLoopbackHost, oauthApiHostProblem, originOf } from '../../../src/gong/http/hosts';

describe('which hosts may receive a Gong credential', () => {
  it('loopback: 127.0.0.0/8, ::1 and localhost, nothing that only looks like them', () => {
    for (const host of ['127.0.0.1', '127.255.0.9', 'localhost', 'LOCALHOST', '::1', '[::1]']) assert.ok(isLoopbackHost(host), host);
    for (const host of ['128.0.0.1', '127.0.0.1.nip.io', 'localhost.evil.example', '10.0.0.1', '::2', '0.0.0.0', 'api.gong.io']) assert.ok(!isLoopbackHost(host), host);
  });

  it('a base URL must be https; plain http only on this machine', () => {
    for (const url of ['https://api.gong.io', 'https://us-12345.api.gong.io/', 'https://proxy.example.com/gong', 'http://127.0.0.1:4010', 'http://localhost:8080', 'http://[::1]:9']) {
      assert.equal(baseUrlProblem(url), undefined, url);
    }
    assert.match(baseUrlProblem('http://api.gong.io') ?? '', /http:\/\/api\.gong\.io must use https \(plain http only for this machine/);
    assert.match(baseUrlProblem('http://192.168.1.10:4010') ?? '', /must use https/);
    assert.match(baseUrlProblem('ftp://api.gong.io') ?? '', /must be an https URL/);
    assert.match(baseUrlProblem('api.gong.io') ?? '', /is not a URL: enter one such as https:\/\/api\.gong\.io/);
    assert.match(baseUrlProblem('https://user:pw@api.gong.io') ?? '', /must not contain a user name or password/);
  });

  it('the message names what is wrong', () => {
    assert.match(baseUrlProblem('http://app.gong.io', 'The Gong sign-in address') ?? '', /^The Gong sign-in address http:\/\/app\.gong\.io must use https/);
  });

  it("OAuth's API host must be Gong's (*.gong.io) over https, or loopback", () => {
    for (const url of ['https://api.gong.io', 'https://us-55616.api.gong.io', 'http://127.0.0.1:4010']) assert.equal(oauthApiHostProblem(url), undefined, url);
    assert.match(oauthApiHostProblem('https://evil.example') ?? '', /\(https:\/\/evil\.example\) is not a Gong host \(\*\.gong\.io\)/);
    assert.match(oauthApiHostProblem('https://api.gong.io.evil.example') ?? '', /is not a Gong host/);
    assert.match(oauthApiHostProblem('https://notgong.io') ?? '', /is not a Gong host/);
    assert.match(oauthApiHostProblem('http://us-1.api.gong.io') ?? '', /must use https/);
  });

  it('an origin is scheme, host and port', () => {
    assert.equal(originOf('https://API.gong.io/v2/'), 'https://api.gong.io');
    assert.equal(originOf('http://127.0.0.1:4010/x'), 'http://127.0.0.1:4010');
  });
});
