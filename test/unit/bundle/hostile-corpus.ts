// The hostile bundles of issue 14, generated from a real signed bag: each differs from it only as
// its name says, and where the change touches signed bytes the bag is signed again (by the same key,
// or another), so that what is refused is the change itself and not a broken signature.
import { createHash, sign } from 'node:crypto';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { formatManifest, parseManifest } from '../../../core/bundle/bag-text';
import type { SigningKey } from '../../../core/keys';
import type { ZipItem } from './fixture';
import { rawZip, type RawEntry } from './raw-zip';

export const MIB = 1024 * 1024;
export const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
export const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A bag's entries by path inside its top folder, to edit and pack again. */
export class BagEdit {
  constructor(
    readonly top: string,
    private items: ZipItem[],
  ) {}

  static of(items: ZipItem[]): BagEdit {
    return new BagEdit((items[0]?.name ?? '').split('/')[0] ?? '', items);
  }

  get(p: string): Buffer {
    const item = this.items.find((i) => i.name === `${this.top}/${p}`);
    if (!item) throw new Error(`no ${p} in the bag`);
    return item.bytes;
  }

  set(p: string, bytes: Buffer): BagEdit {
    const name = `${this.top}/${p}`;
    const exists = this.items.some((i) => i.name === name);
    const items = exists ? this.items.map((i) => (i.name === name ? { ...i, bytes } : i)) : [...this.items, { name, bytes, method: 0, mode: 0o100644 }];
    return new BagEdit(this.top, items);
  }

  /** Lines added to the payload manifest (as an attacker signing with their own key would list extra files). */
  listInManifest(lines: readonly { path: string; sha256: string }[]): BagEdit {
    const parsed = parseManifest(this.get('manifest-sha256.txt'));
    if (!parsed.ok) throw new Error('bad manifest');
    return this.set('manifest-sha256.txt', Buffer.from(formatManifest([...parsed.value, ...lines])));
  }

  /**
   * The tag manifest written again over the current bagit.txt, bag-info.txt and manifest, then
   * `tagBytes` applied to it, and signed by `signer` in place of every existing signature.
   */
  resign(signer: SigningKey, tagBytes: (b: Buffer) => Buffer = (b) => b): BagEdit {
    const tag = tagBytes(
      Buffer.from(
        formatManifest([
          { path: 'bagit.txt', sha256: sha(this.get('bagit.txt')) },
          { path: 'bag-info.txt', sha256: sha(this.get('bag-info.txt')) },
          { path: 'manifest-sha256.txt', sha256: sha(this.get('manifest-sha256.txt')) },
        ]),
      ),
    );
    const unsigned = this.items.filter((i) => !i.name.startsWith(`${this.top}/signatures/`));
    return new BagEdit(this.top, unsigned)
      .set('tagmanifest-sha256.txt', tag)
      .set(`signatures/${signer.fingerprint}.sig`, sign(null, tag, signer.privateKey))
      .set(`signatures/${signer.fingerprint}.pub.pem`, Buffer.from(signer.publicKeyPem));
  }

  /** A further signature over the current tag manifest (a co-signer), or over other bytes (`over`). */
  cosign(signer: SigningKey, over?: Buffer): BagEdit {
    const tag = this.get('tagmanifest-sha256.txt');
    return this.set(`signatures/${signer.fingerprint}.sig`, sign(null, over ?? tag, signer.privateKey)).set(
      `signatures/${signer.fingerprint}.pub.pem`,
      Buffer.from(signer.publicKeyPem),
    );
  }

  entries(): RawEntry[] {
    return this.items.map((i) => ({ name: i.name, data: i.bytes, mode: i.mode }));
  }

  zip(extra: readonly RawEntry[] = []): Buffer {
    return rawZip([...this.entries(), ...extra]);
  }
}

let zeros: { compressed: Buffer; crc: number } | null = null;

/**
 * `count` entries of 1 MiB of zeros each, honestly declared (size, CRC), deflated to about 1 KiB:
 * each alone is under the per-entry ratio floor; 8,100 of them are 8,100 MiB from about 10 MB.
 */
export function zeroEntries(top: string, count: number, dir = 'data/zeros'): RawEntry[] {
  zeros ??= (() => {
    const block = Buffer.alloc(MIB);
    return { compressed: deflateRawSync(block, { level: 9, strategy: constants.Z_DEFAULT_STRATEGY }), crc: crc32(block) };
  })();
  const z = zeros;
  return Array.from({ length: count }, (_, i) => ({
    name: `${top}/${dir}/${String(i).padStart(5, '0')}.bin`,
    method: 8 as const,
    compressed: z.compressed,
    declaredSize: MIB,
    crc: z.crc,
  }));
}
