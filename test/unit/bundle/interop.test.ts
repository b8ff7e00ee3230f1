// Anyone can check a bundle with standard tools, exactly as docs/formats/bundle.md says.
import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { exportFixture, makeFixture, readZip, type Fixture } from './fixture';

const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const missing = ['unzip', 'sha256sum', 'openssl'].filter((t) => !has(t));
// On CI every tool must be there; elsewhere a missing tool is reported, not silently passed.
if (missing.length > 0 && process.env.CI === 'true') throw new Error(`tools missing on CI: ${missing.join(', ')}`);

let f: Fixture | undefined;
afterEach(async () => {
  if (f) await fs.rm(f.dir, { recursive: true, force: true });
  f = undefined;
});

function run(cmd: string, args: string[], cwd: string): { status: number | null; out: string } {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe.skipIf(missing.length > 0)('checked with unzip, sha256sum and openssl', () => {
  it('both manifests check with sha256sum -c and the signature with openssl pkeyutl -verify -rawin', async () => {
    f = await makeFixture();
    const file = await exportFixture(f);
    const into = path.join(f.dir, 'unpacked');
    execFileSync('unzip', ['-q', file, '-d', into]);
    const bag = path.join(into, path.basename(file, '.zip'));
    const fp = f.key.fingerprint;

    const manifest = run('sha256sum', ['-c', 'manifest-sha256.txt'], bag);
    expect(manifest.out).toMatch(/data\/submission\.json: OK/);
    expect(manifest.status).toBe(0);
    const tags = run('sha256sum', ['-c', 'tagmanifest-sha256.txt'], bag);
    expect(tags.out).toMatch(/bag-info\.txt: OK/);
    expect(tags.status).toBe(0);
    const args = ['pkeyutl', '-verify', '-pubin', '-inkey', `signatures/${fp}.pub.pem`, '-rawin', '-in', 'tagmanifest-sha256.txt', '-sigfile', `signatures/${fp}.sig`];
    const sig = run('openssl', args, bag);
    expect(sig.out).toMatch(/Signature Verified Successfully/);
    expect(sig.status).toBe(0);
    // The fingerprint in the file name is what openssl computes from the PEM.
    const der = execFileSync('openssl', ['pkey', '-pubin', '-in', `signatures/${fp}.pub.pem`, '-outform', 'DER'], { cwd: bag });
    expect(execFileSync('sha256sum', [], { input: der }).toString().slice(0, 64)).toBe(fp);

    // And the same tools notice tampering.
    await fs.appendFile(path.join(bag, 'data', 'submission.json'), ' ');
    expect(run('sha256sum', ['-c', '--quiet', 'manifest-sha256.txt'], bag).status).not.toBe(0);
    await fs.appendFile(path.join(bag, 'tagmanifest-sha256.txt'), '\n');
    expect(run('openssl', args, bag).status).not.toBe(0);
  });

  it('unzip lists nothing outside the one top folder and extracts only regular files', async () => {
    f = await makeFixture();
    const file = await exportFixture(f);
    const listing = execFileSync('unzip', ['-Z1', file]).toString().trim().split('\n');
    const top = path.basename(file, '.zip');
    expect(listing.every((n) => n.startsWith(`${top}/`))).toBe(true);
    expect(listing.length).toBe((await readZip(file)).length);
  });
});
