// scsa keygen --import / --replace and scsa verify-replacement, run as a user runs them: the built
// command line in a child process, keys made by the system's openssl and ssh-keygen.
import { spawnSync } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CLI_ENTRY, ROOT, ensureBuilt } from '../../e2e/harness';
import { KEY_FILES } from '../../../core/keys';

const STACK_LINE = /\n\s+at .+:\d+:\d+/;
const PASS = 'correct horse battery';
const OLD_PASS = 'the old key passphrase';
const EXAMPLE = path.join(ROOT, 'core', 'checklist', 'examples', 'example-en.scsa.json');
// Every key made or unlocked here runs the full scrypt, and one test renders the real PDF report in
// a child process: allow for two cores shared by everything.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let dir: string;

function scsa(args: string[], env: Record<string, string> = {}) {
  const { SCSA_LANG: _l, SCSA_PASSPHRASE: _p, SCSA_OLD_PASSPHRASE: _o, ...base } = process.env;
  // stdin is not a terminal: a command that wanted to prompt would have to say so and stop.
  const run = spawnSync(process.execPath, [CLI_ENTRY, ...args], { encoding: 'utf8', cwd: dir, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  expect(run.stderr).not.toMatch(STACK_LINE);
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Run a system tool in the test folder; it must succeed. */
function tool(command: string, args: string[]): string {
  const run = spawnSync(command, args, { cwd: dir, encoding: 'utf8' });
  expect(run.status, `${command} ${args.join(' ')}: ${run.stderr}`).toBe(0);
  return run.stdout;
}

/** The fingerprint as anyone can recompute it from a private key PEM (docs/formats/keys.md). */
function opensslFingerprint(pemFile: string): string {
  const der = spawnSync('openssl', ['pkey', '-in', pemFile, '-pubout', '-outform', 'DER'], { cwd: dir });
  expect(der.status).toBe(0);
  return spawnSync('sha256sum', { input: der.stdout, encoding: 'utf8' }).stdout.split(' ')[0] ?? '';
}

const grouped = (fp: string) => `${fp.slice(0, 8)} ${fp.slice(8, 16)} ${fp.slice(16, 24)} ${fp.slice(24, 32)}\n${fp.slice(32, 40)} ${fp.slice(40, 48)} ${fp.slice(48, 56)} ${fp.slice(56, 64)}`;
const cliText = (lng: string) => JSON.parse(readFileSync(path.join(ROOT, 'locales', lng, 'cli.json'), 'utf8')) as { keygen: Record<string, string> };
const exists = (p: string) => fs.stat(path.join(dir, p)).then(() => true, () => false);
const keyFingerprint = async (keyDir: string) => (await fs.readFile(path.join(dir, keyDir, KEY_FILES.fingerprint), 'utf8')).split('\n')[1] ?? '';

/** Every file of a folder with its bytes and mode: to show a folder was not touched. */
async function snapshot(folder: string): Promise<Record<string, { bytes: string; mode: number }>> {
  const out: Record<string, { bytes: string; mode: number }> = {};
  for (const name of (await fs.readdir(path.join(dir, folder))).sort()) {
    const file = path.join(dir, folder, name);
    out[name] = { bytes: (await fs.readFile(file)).toString('base64'), mode: (await fs.stat(file)).mode };
  }
  return out;
}

beforeAll(async () => {
  await ensureBuilt();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-cli-keys-'));
  tool('openssl', ['genpkey', '-algorithm', 'ed25519', '-out', 'ed25519.pem']);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('scsa keygen --import FILE', () => {
  it('seals a key from openssl genpkey (same fingerprint), and a bundle it signs verifies as registered', async () => {
    const pemBefore = await fs.readFile(path.join(dir, 'ed25519.pem'));
    const r = scsa(['keygen', '--out', 'imported', '--import', 'ed25519.pem'], { SCSA_PASSPHRASE: PASS });
    expect(r.code).toBe(0);
    const fingerprint = opensslFingerprint('ed25519.pem');
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(r.stdout).toContain(grouped(fingerprint));
    expect(await keyFingerprint('imported')).toBe(fingerprint);
    // Sealed, not copied: the PEM's secret bytes are nowhere in the key file.
    const secret = pemBefore.toString().split('\n')[1] ?? '';
    expect(await fs.readFile(path.join(dir, 'imported', KEY_FILES.privateKey), 'utf8')).not.toContain(secret);
    expect(await fs.readFile(path.join(dir, 'ed25519.pem'))).toEqual(pemBefore);

    const exported = scsa(['export', EXAMPLE, '--key', 'imported', '--out', 'imported.zip'], { SCSA_PASSPHRASE: PASS });
    expect(exported.code).toBe(0);
    await fs.writeFile(path.join(dir, 'registry.json'), JSON.stringify([{ country: 'XXX', fingerprint }]));
    const verified = scsa(['verify', 'imported.zip', '--registry', 'registry.json']);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain(grouped(fingerprint));
  });

  // Each refusal comes before any passphrase is asked for: these runs have none (and no terminal),
  // yet they end with the refusal (exit 1), not with "no passphrase" (exit 2).
  const refusals: Array<[string, () => Promise<string>, RegExp[]]> = [
    ['a password-protected PKCS#8 key', async () => {
      tool('openssl', ['pkcs8', '-topk8', '-in', 'ed25519.pem', '-out', 'encrypted.pem', '-passout', 'pass:secret-password']);
      return 'encrypted.pem';
    }, [/ENCRYPTED PRIVATE KEY/, /openssl pkcs8 -topk8 -nocrypt -in encrypted\.pem -out \S+/]],
    ['an OpenSSH private key', async () => {
      tool('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', 'id_ed25519']);
      return 'id_ed25519';
    }, [/OPENSSH PRIVATE KEY/, /OpenSSH format cannot be converted/, /openssl genpkey -algorithm ed25519/]],
    ['an OpenSSH public key', async () => {
      tool('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', 'id_other']);
      return 'id_other.pub';
    }, [/holds a public key/]],
    ['an RSA key (PKCS#8)', async () => {
      tool('openssl', ['genpkey', '-algorithm', 'rsa', '-pkeyopt', 'rsa_keygen_bits:1024', '-out', 'rsa.pem']);
      return 'rsa.pem';
    }, [/type rsa/, /Make an Ed25519 key/]],
    ['an EC key (traditional PEM)', async () => {
      tool('openssl', ['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'ec.pem']);
      return 'ec.pem';
    }, [/EC PRIVATE KEY/, /Make an Ed25519 key/]],
    ['a PEM public key', async () => {
      tool('openssl', ['pkey', '-in', 'ed25519.pem', '-pubout', '-out', 'public.pem']);
      return 'public.pem';
    }, [/“PUBLIC KEY”/, /Importing needs the private key/]],
    ['garbage', async () => {
      await fs.writeFile(path.join(dir, 'garbage.pem'), 'this is not a key\n');
      return 'garbage.pem';
    }, [/does not contain a readable private key/, /BEGIN PRIVATE KEY/]],
    ['a missing file', async () => 'nowhere.pem', [/nowhere\.pem does not exist/]],
    ['a file over the size cap', async () => {
      const pem = await fs.readFile(path.join(dir, 'ed25519.pem'), 'utf8');
      await fs.writeFile(path.join(dir, 'huge.pem'), pem + '#'.repeat(20_000));
      return 'huge.pem';
    }, [/huge\.pem is larger than 16 KB/]],
    ['a key file of this application', async () => {
      expect(scsa(['keygen', '--out', 'own'], { SCSA_PASSPHRASE: PASS }).code).toBe(0);
      return path.join('own', KEY_FILES.privateKey);
    }, [/already a key file of this application/, /--replace/]],
  ];

  it.each(refusals)('refuses %s with what to do, exit 1, nothing written', async (_what, make, expected) => {
    const file = await make();
    const r = scsa(['keygen', '--out', 'refused', '--import', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^scsa: /);
    for (const pattern of expected) expect(r.stderr).toMatch(pattern);
    expect(await exists('refused')).toBe(false);
  });

  it('explains in the message language', async () => {
    await fs.writeFile(path.join(dir, 'garbage-fr.pem'), 'pas une clé\n');
    for (const lng of ['fr', 'ar', 'zh'] as const) {
      const r = scsa(['keygen', '--out', 'refused', '--import', 'garbage-fr.pem', '--lang', lng]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(cliText(lng).keygen.hintUnreadable);
    }
  });

  it('--import without a file, or with no passphrase for a good key, is a usage error (exit 2)', async () => {
    expect(scsa(['keygen', '--out', 'k', '--import'], { SCSA_PASSPHRASE: PASS }).code).toBe(2);
    const r = scsa(['keygen', '--out', 'k', '--import', 'ed25519.pem']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('SCSA_PASSPHRASE');
    expect(await exists('k')).toBe(false);
  });
});

describe('scsa keygen --replace OLD and scsa verify-replacement', () => {
  const both = { SCSA_OLD_PASSPHRASE: OLD_PASS, SCSA_PASSPHRASE: PASS };
  let oldFingerprint = '';

  beforeAll(() => {
    expect(scsa(['keygen', '--out', 'old-key'], { SCSA_PASSPHRASE: OLD_PASS }).code).toBe(0);
  });

  it('makes the new key and a statement signed by the old key; OLD is not touched; 3 / 0 / 3 by registry', async () => {
    oldFingerprint = await keyFingerprint('old-key');
    const before = await snapshot('old-key');
    const r = scsa(['keygen', '--out', 'new-key', '--replace', 'old-key'], both);
    expect(r.code).toBe(0);
    expect(await snapshot('old-key')).toEqual(before);
    const newFingerprint = await keyFingerprint('new-key');
    expect(newFingerprint).not.toBe(oldFingerprint);
    expect(r.stdout.indexOf(grouped(oldFingerprint))).toBeGreaterThan(-1);
    expect(r.stdout.indexOf(grouped(newFingerprint))).toBeGreaterThan(r.stdout.indexOf(grouped(oldFingerprint)));
    expect(r.stdout).toContain('key-replacement.json');
    expect(r.stdout).toContain('secretariat');
    const statement = path.join('new-key', KEY_FILES.replacement);

    const alone = scsa(['verify-replacement', statement]);
    expect(alone.code).toBe(3);
    expect(alone.stdout).toContain(oldFingerprint);
    expect(alone.stdout).toContain(newFingerprint);
    expect(alone.stderr).toContain('--registry');

    await fs.writeFile(path.join(dir, 'reg-old.json'), JSON.stringify([{ country: 'KEN', fingerprint: oldFingerprint, name: 'Kenya focal point' }]));
    const registered = scsa(['verify-replacement', statement, '--registry', 'reg-old.json']);
    expect(registered.code).toBe(0);
    expect(registered.stdout).toContain('Kenya (KEN)');

    // Registries that do not vouch for the old key: only the new key, or the old key from a later date.
    await fs.writeFile(path.join(dir, 'reg-new.json'), JSON.stringify([{ country: 'KEN', fingerprint: newFingerprint }]));
    expect(scsa(['verify-replacement', statement, '--registry', 'reg-new.json']).code).toBe(3);
    await fs.writeFile(path.join(dir, 'reg-later.json'), JSON.stringify([{ country: 'KEN', fingerprint: oldFingerprint, validFrom: '2999-01-01' }]));
    expect(scsa(['verify-replacement', statement, '--registry', 'reg-later.json']).code).toBe(3);
  });

  it('a tampered statement is invalid (exit 1), with the reason in plain words', async () => {
    const original = JSON.parse(await fs.readFile(path.join(dir, 'new-key', KEY_FILES.replacement), 'utf8')) as {
      statement: Record<string, string>;
      signature: string;
    };
    // Someone swaps in their own key as "the new key": PEM and fingerprint agree, the signature does not.
    tool('openssl', ['genpkey', '-algorithm', 'ed25519', '-out', 'intruder.pem']);
    const intruderPem = tool('openssl', ['pkey', '-in', 'intruder.pem', '-pubout']);
    const swapped = { ...original, statement: { ...original.statement, newPublicKeyPem: intruderPem, newFingerprint: opensslFingerprint('intruder.pem') } };
    const cases: Array<[string, unknown, RegExp]> = [
      ['swapped.json', swapped, /signature does not match/],
      ['mismatch.json', { ...original, statement: { ...original.statement, newPublicKeyPem: intruderPem } }, /fingerprint in the statement does not match/],
      ['redated.json', { ...original, statement: { ...original.statement, date: '2020-01-01T00:00:00.000Z' } }, /signature does not match/],
      ['not-a-statement.json', { hello: 'world' }, /not a key replacement statement/],
    ];
    for (const [name, content, reason] of cases) {
      await fs.writeFile(path.join(dir, name), JSON.stringify(content));
      const r = scsa(['verify-replacement', name, '--registry', 'reg-old.json']);
      expect(r.code, name).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^scsa: Invalid: /);
      expect(r.stderr).toMatch(reason);
    }
    await fs.writeFile(path.join(dir, 'broken.json'), '{"schemaVersion": 1, "statem');
    expect(scsa(['verify-replacement', 'broken.json']).stderr).toContain('not valid JSON');
    const missing = scsa(['verify-replacement', 'nowhere.json']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nowhere.json');
  });

  it('a registry file that cannot be used, or a missing FILE, is a usage error (exit 2)', async () => {
    await fs.writeFile(path.join(dir, 'bad-registry.json'), '{"not": "a list"}');
    expect(scsa(['verify-replacement', path.join('new-key', KEY_FILES.replacement), '--registry', 'bad-registry.json']).code).toBe(2);
    expect(scsa(['verify-replacement']).code).toBe(2);
  });

  it('a wrong old passphrase: clear message, exit 1, no new key, OLD unchanged', async () => {
    const before = await snapshot('old-key');
    const r = scsa(['keygen', '--out', 'wrong', '--replace', 'old-key'], { SCSA_OLD_PASSPHRASE: 'not the old passphrase', SCSA_PASSPHRASE: PASS });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('passphrase is wrong');
    expect(r.stderr).toContain('SCSA_OLD_PASSPHRASE');
    expect(await exists('wrong')).toBe(false);
    expect(await snapshot('old-key')).toEqual(before);
  });

  it('without SCSA_OLD_PASSPHRASE and without a terminal it is a usage error naming the variable', async () => {
    const r = scsa(['keygen', '--out', 'no-old', '--replace', 'old-key'], { SCSA_PASSPHRASE: PASS });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('SCSA_OLD_PASSPHRASE');
    expect(await exists('no-old')).toBe(false);
  });

  it('a key the desktop app also sealed with the OS keychain: says to make a backup in the app', async () => {
    await fs.mkdir(path.join(dir, 'app-key'));
    const keyFile = JSON.parse(await fs.readFile(path.join(dir, 'old-key', KEY_FILES.privateKey), 'utf8')) as { wrapping: string[] };
    await fs.writeFile(path.join(dir, 'app-key', KEY_FILES.privateKey), JSON.stringify({ ...keyFile, wrapping: ['os-keychain'] }));
    // No passphrase at all: the refusal comes before anyone is asked for one.
    const r = scsa(['keygen', '--out', 'from-app', '--replace', 'app-key']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('keychain');
    expect(r.stderr).toContain('Signing key → Save a backup');
    expect(await exists('from-app')).toBe(false);
    // The same advice when such a key is used to sign.
    const exported = scsa(['export', EXAMPLE, '--key', 'app-key', '--out', 'from-app.zip'], { SCSA_PASSPHRASE: OLD_PASS });
    expect(exported.code).toBe(1);
    expect(exported.stderr).toContain('Signing key → Save a backup');
    expect(await exists('from-app.zip')).toBe(false);
  });

  it('--replace with --import: the imported key is the new one; the same key cannot replace itself', async () => {
    const r = scsa(['keygen', '--out', 'new-imported', '--replace', 'old-key', '--import', 'ed25519.pem'], both);
    expect(r.code).toBe(0);
    const statement = JSON.parse(await fs.readFile(path.join(dir, 'new-imported', KEY_FILES.replacement), 'utf8')) as { statement: { oldFingerprint: string; newFingerprint: string } };
    expect(statement.statement).toMatchObject({ oldFingerprint, newFingerprint: opensslFingerprint('ed25519.pem') });
    expect(scsa(['verify-replacement', path.join('new-imported', KEY_FILES.replacement), '--registry', 'reg-old.json']).code).toBe(0);

    const same = scsa(['keygen', '--out', 'same', '--replace', 'new-imported', '--import', 'ed25519.pem'], { SCSA_OLD_PASSPHRASE: PASS, SCSA_PASSPHRASE: PASS });
    expect(same.code).toBe(1);
    expect(same.stderr).toContain('is the key being replaced');
    expect(await exists('same')).toBe(false);
  });
});

describe('scsa keygen --help', () => {
  it('explains --import, --replace and both passphrase variables', () => {
    const r = scsa(['keygen', '--help']);
    expect(r.code).toBe(0);
    for (const text of ['--import FILE', '--replace OLD', 'SCSA_PASSPHRASE', 'SCSA_OLD_PASSPHRASE', 'openssl genpkey -algorithm ed25519']) expect(r.stdout).toContain(text);
    expect(scsa(['--help']).stdout).toMatch(/^ {2}verify-replacement FILE \[--registry FILE\]/m);
  });
});
