/** A named logger per module; lines go to stderr so stdout stays clean for command output and the web host's URL line. */
export interface Logger {
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

type Sink = (line: string) => void;
let sink: Sink = (line) => process.stderr.write(line + '\n');
let quiet = false;

/** Tests and the CLI redirect or silence log lines here. */
export function setLogSink(next: Sink | null): void {
  quiet = next === null;
  if (next) sink = next;
}

function format(level: string, name: string, message: string, detail?: unknown): string {
  const extra = detail === undefined ? '' : ' ' + (detail instanceof Error ? detail.message : JSON.stringify(detail));
  return `${new Date().toISOString()} ${level} [${name}] ${message}${extra}`;
}

export function createLogger(name: string): Logger {
  const write = (level: string) => (message: string, detail?: unknown) => {
    if (!quiet) sink(format(level, name, message, detail));
  };
  return { info: write('INFO'), warn: write('WARN'), error: write('ERROR') };
}
