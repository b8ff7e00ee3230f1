import { z } from 'zod';

/** What the host needs to start; `dataDir` null means "make a fresh temporary folder". */
export interface HostArgs {
  port: number;
  dataDir: string | null;
  /** The trust list for signed checklist packs; null: the project's build/trust. */
  trustDir: string | null;
  help: boolean;
}

export class HostUsageError extends Error {}

const PortSchema = z.coerce.number().int().min(0).max(65535);

export const HOST_USAGE = `Usage: npm run web -- [--port P] [--data DIR]

Serves the built app and its core on http://127.0.0.1 only, for end-to-end tests and demos.
  --port P     TCP port on 127.0.0.1 (default 0: any free port)
  --data DIR   data folder (default: a new temporary folder, named on stderr)
  --trust DIR  keys (*.pub.pem) whose signed checklist packs install (default: build/trust)
  --help       this text
The first line on stdout is the address to open, including its one-time token.`;

/** Parse `--port P --data DIR` (also `--port=P`); anything else is a usage error, not a guess. */
export function parseHostArgs(argv: readonly string[]): HostArgs {
  const out: HostArgs = { port: 0, dataDir: null, trustDir: null, help: false };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] as string;
    const eq = raw.indexOf('=');
    const name = raw.startsWith('--') && eq > 0 ? raw.slice(0, eq) : raw;
    const inline = raw.startsWith('--') && eq > 0 ? raw.slice(eq + 1) : undefined;
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new HostUsageError(`${name} needs a value`);
      return v;
    };
    switch (name) {
      case '--port': {
        const parsed = PortSchema.safeParse(value());
        if (!parsed.success) throw new HostUsageError('--port must be a whole number from 0 to 65535');
        out.port = parsed.data;
        break;
      }
      case '--data':
        out.dataDir = value();
        break;
      case '--trust':
        out.trustDir = value();
        break;
      case '--help':
      case '-h':
        out.help = true;
        break;
      default:
        throw new HostUsageError(`unknown argument: ${raw}`);
    }
  }
  return out;
}
