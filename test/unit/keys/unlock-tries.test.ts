// At the prompt, a wrong passphrase may be typed again, three times in all, then the command pauses.
import { describe, expect, it } from 'vitest';
import { generateKey } from '../../../core/keys';
import { MAX_TRIES, PAUSE_MS, unlockWithTries } from '../../../cli/commands/passphrase';

const FAST = { scrypt: { N: 2 ** 14, r: 8, p: 1 } };
const PASS = 'correct horse battery';

function scripted(answers: (string | null)[]) {
  const asked: string[] = [];
  const wrong: number[] = [];
  const pauses: number[] = [];
  return {
    asked,
    wrong,
    pauses,
    deps: {
      ask: async (prompt: string) => {
        asked.push(prompt);
        return answers.shift() ?? null;
      },
      onWrong: (left: number) => void wrong.push(left),
      pause: async (ms: number) => void pauses.push(ms),
    },
  };
}

describe('unlocking at the prompt', () => {
  it('the right passphrase on the third try unlocks, without a pause', async () => {
    const sealed = await generateKey(PASS, FAST);
    const s = scripted(['nope nope', 'still wrong', PASS]);
    const key = await unlockWithTries(sealed.keyFile, 'Passphrase: ', s.deps);
    expect(key?.fingerprint).toBe(sealed.fingerprint);
    expect(s.wrong).toEqual([2, 1]);
    expect(s.pauses).toEqual([]);
  });

  it('three wrong passphrases end in a pause and no key; a fourth is never asked', async () => {
    const sealed = await generateKey(PASS, FAST);
    const s = scripted(['one wrong', 'two wrong', 'three wrong', PASS]);
    expect(await unlockWithTries(sealed.keyFile, 'Passphrase: ', s.deps)).toBeNull();
    expect(s.asked).toHaveLength(MAX_TRIES);
    expect(s.wrong).toEqual([2, 1, 0]);
    expect(s.pauses).toEqual([PAUSE_MS]);
  });

  it('giving up at the prompt (Ctrl-C) stops at once', async () => {
    const sealed = await generateKey(PASS, FAST);
    const s = scripted([null]);
    expect(await unlockWithTries(sealed.keyFile, 'Passphrase: ', s.deps)).toBeNull();
    expect(s.pauses).toEqual([]);
  });
});
