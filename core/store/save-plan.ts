/**
 * The cheap path of a save. Autosave rewrites a 300-answer draft after each pause in typing, and
 * validating, comparing and serialising every answer each time cost more than the disk. The store
 * keeps, per open assessment, the answers it last wrote (frozen, so they cannot change behind its
 * back) and their JSON text; an answer passed back unchanged (the same object) is neither
 * re-validated nor re-serialised. Everything else is checked with the draft schema's own parts, so
 * what is written is exactly what a full `DraftSchema` parse would accept.
 */
import { DraftSchema, type Draft } from '../draft/schema';
import { MAX_ANSWERS } from '../draft/limits';

type Answers = Draft['answers'];
type Answer = Answers[string];

/** The answers of the last written draft, each validated and frozen, with its entry as the file holds it (UTF-8). */
export interface AnswerMemo {
  values: ReadonlyMap<string, Answer>;
  fragments: ReadonlyMap<string, Buffer>;
}

export interface SavePlan {
  /** The draft without its answers and store-owned fields, as validated. */
  shell: Omit<Draft, 'answers'>;
  answers: Answers;
  /** Ids whose answers were added, changed or removed, sorted. */
  items: string[];
  metadata: boolean;
  memo: AnswerMemo;
}

const ShellSchema = DraftSchema.omit({ answers: true });
const AnswersSchema = DraftSchema.shape.answers;

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
}

/** An answer's line(s) `    "A.1": …` as `JSON.stringify(draft, null, 2)` writes them under "answers", in UTF-8. */
function fragment(id: string, value: Answer): Buffer {
  return Buffer.from(`    ${JSON.stringify(id)}: ${JSON.stringify(value, null, 2).replace(/\n/g, '\n    ')}`);
}

/** The memo of a draft the store holds (it was validated when read or written). Freezes its answers. */
export function memoOf(draft: Draft): AnswerMemo {
  const values = new Map<string, Answer>();
  const fragments = new Map<string, Buffer>();
  for (const [id, value] of Object.entries(draft.answers)) {
    deepFreeze(value);
    values.set(id, value);
    fragments.set(id, fragment(id, value));
  }
  return { values, fragments };
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

// Kept answers change only with a checklist move, but a save that changes them must not be skipped.
const metadataOf = (d: Pick<Draft, 'assessment' | 'checklist' | 'attachments' | 'retiredAnswers'>) => JSON.stringify([d.assessment, d.checklist, d.attachments, d.retiredAnswers]);

/**
 * What a save of `input` over `before` would write, or null when the input is not valid (the caller
 * then runs the full schema, which names the problem). `items` empty and `metadata` false: nothing changed.
 */
export function planSave(before: Draft, memo: AnswerMemo, input: Draft): SavePlan | null {
  if (!isPlainRecord(input)) return null;
  const { answers: rawAnswers, ...rest } = input as Draft & Record<string, unknown>;
  if (!isPlainRecord(rawAnswers) || Object.keys(rawAnswers).length > MAX_ANSWERS) return null;
  const shell = ShellSchema.safeParse(rest);
  if (!shell.success) return null;

  const answers: Answers = {};
  const values = new Map<string, Answer>();
  const fragments = new Map<string, Buffer>();
  const items: string[] = [];
  for (const id of Object.keys(rawAnswers)) {
    const value = rawAnswers[id];
    const known = memo.fragments.get(id);
    let clean: Answer;
    let text: Buffer;
    if (known !== undefined && memo.values.get(id) === value) {
      clean = value as Answer;
      text = known;
    } else {
      const checked = AnswersSchema.safeParse(Object.fromEntries([[id, value]]));
      if (!checked.success) return null;
      clean = checked.data[id] as Answer;
      deepFreeze(clean);
      text = fragment(id, clean);
      if (!known?.equals(text)) items.push(id);
    }
    Object.defineProperty(answers, id, { value: clean, enumerable: true, writable: true, configurable: true });
    values.set(id, clean);
    fragments.set(id, text);
  }
  for (const id of memo.fragments.keys()) if (!fragments.has(id)) items.push(id);
  return { shell: shell.data, answers, items: items.sort(), metadata: metadataOf(before) !== metadataOf(shell.data), memo: { values, fragments } };
}

const SEPARATOR = Buffer.from(',\n');

/**
 * `serializeDraft(draft)` in UTF-8, byte for byte, from the answers' bytes in `memo` (which holds
 * every answer of `draft`): no 700 KiB string is built or encoded again.
 */
export function serializeWithMemo(draft: Draft, memo: AnswerMemo): Buffer {
  const ids = Object.keys(draft.answers);
  const head = JSON.stringify({ ...draft, answers: {} }, null, 2);
  if (ids.length === 0) return Buffer.from(`${head}\n`);
  // A string value cannot hold a raw newline, so this text occurs only as the top-level key.
  const marker = '\n  "answers": {}';
  const at = head.indexOf(marker);
  const parts: Buffer[] = [Buffer.from(`${head.slice(0, at)}\n  "answers": {\n`)];
  ids.forEach((id, i) => {
    if (i > 0) parts.push(SEPARATOR);
    parts.push(memo.fragments.get(id) ?? fragment(id, draft.answers[id] as Answer));
  });
  parts.push(Buffer.from(`\n  }${head.slice(at + marker.length)}\n`));
  return Buffer.concat(parts);
}
