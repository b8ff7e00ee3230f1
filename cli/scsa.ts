/** Entry of the `scsa` command line (bin/scsa.cjs → dist/cli/scsa.cjs). Only wires: see main.ts. */
import { main } from './main';
import { chooseLanguage, createTranslator } from './i18n';
import { terminalText } from '../core/text/sanitize';

const io = {
  out: (text: string) => void process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
  err: (text: string) => void process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
};

// A reader that stops early (`scsa checklist | head`) closes the pipe: that is not an error to report.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

main(process.argv.slice(2), process.env, io).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // The last line of defence: one sentence, never a stack trace.
    const message = err instanceof Error ? err.message : String(err);
    let line = `unexpected error: ${message}`;
    try {
      line = createTranslator(chooseLanguage(process.argv.slice(2), process.env).language)('errors.unexpected', { message });
    } catch {
      // The translations themselves failed: the English line above still says what happened.
    }
    process.stderr.write(`scsa: ${terminalText(line)}\n`);
    process.exitCode = 1;
  },
);
