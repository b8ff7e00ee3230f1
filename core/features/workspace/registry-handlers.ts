/** The key registry of the open workspace: every change through the engine, one at a time; held bundles re-checked after each. */
import path from 'node:path';
import type { HandlersOf, IncomingFile } from '../../api/common';
import { AppError } from '../../errors';
import { addKey, applyReplacement, revokeKey, RegistryLogLineSchema, WORKSPACE_FILES } from '../../secretariat';
import { readJsonLines } from '../../secretariat/jsonl';
import type { AddKeyParams, RegistryChangeView, registryContract } from './contract-registry';
import type { WorkspaceSession } from './session';
import { decisionView, entryView, logView } from './views';

const MAX_TEXT = 64 * 1024;

/** A small upload (a `.pub.pem`, a statement) as text; the transport already refused larger files. */
async function textOf(file: IncomingFile): Promise<string> {
  try {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of file.stream()) {
      size += chunk.byteLength;
      if (size > MAX_TEXT) throw new AppError('secretariat:errors.keyFileTooLarge', { name: file.name, limit: MAX_TEXT });
      chunks.push(Buffer.from(chunk));
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    file.release();
  }
}

export interface RegistryHandlers extends HandlersOf<typeof registryContract> {
  addRegistryKey(file: IncomingFile, params: AddKeyParams): Promise<RegistryChangeView>;
  applyKeyReplacement(file: IncomingFile): Promise<RegistryChangeView>;
}

export function createRegistryHandlers(session: WorkspaceSession, now: () => Date = () => new Date()): RegistryHandlers {
  const changeView = (held: Parameters<typeof decisionView>[0][]): RegistryChangeView => ({ held: held.map((d) => decisionView(d)) });
  return {
    async listRegistry() {
      return session.run(async (ws) => {
        const { lines } = await readJsonLines(path.join(ws.dir, WORKSPACE_FILES.registryLog), RegistryLogLineSchema);
        return { entries: ws.registry.map(entryView), log: lines.map(logView).reverse() };
      });
    },
    async revokeRegistryKey(params) {
      return session.change(async (ws) => changeView((await revokeKey(ws, params.fingerprint, { ...(params.date ? { date: params.date } : {}), ...(params.country ? { country: params.country } : {}) }, now())).held));
    },
    async addRegistryKey(file, params) {
      const pem = await textOf(file);
      return session.change(async (ws) => {
        const change = await addKey(ws, { ...params, pem }, now());
        return changeView(change.held);
      });
    },
    async applyKeyReplacement(file) {
      const text = await textOf(file);
      let statement: unknown;
      try {
        statement = JSON.parse(text);
      } catch (err) {
        throw new AppError('secretariat:errors.statementNotJson', { name: file.name.slice(0, 200) }, err);
      }
      return session.change(async (ws) => changeView((await applyReplacement(ws, statement, now())).held));
    },
  };
}
