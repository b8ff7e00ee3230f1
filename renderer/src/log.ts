/**
 * A named logger per renderer module. The core's logger writes to stderr, which a web page does not
 * have; here lines go to the developer console so they never reach the user's screen.
 */
export interface Logger {
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

export function createLogger(name: string): Logger {
  const prefix = `[${name}]`;
  return {
    info: (message, detail) => console.info(prefix, message, ...(detail === undefined ? [] : [detail])),
    warn: (message, detail) => console.warn(prefix, message, ...(detail === undefined ? [] : [detail])),
    error: (message, detail) => console.error(prefix, message, ...(detail === undefined ? [] : [detail])),
  };
}
