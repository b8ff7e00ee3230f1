/**
 * The web test host's first answers, asked for before the HTTP client exists. The client checks every
 * answer against the contract, and loading that check (zod and the schemas) takes a while on a slow
 * machine; the requests the first screen needs go out at once and the client takes their responses
 * over when it is ready (each one once). The desktop app has its preload from the start and needs none of this.
 */
import { parseHash } from '../app/routes';

/** Header carrying the per-run token printed by the web test host in the URL it serves. */
export const TOKEN_HEADER = 'x-scsa-token';

const early = new Map<string, Promise<Response>>();
const keyOf = (method: string, args: readonly unknown[]) => `${method} ${JSON.stringify(args)}`;

/** The token travels in the page address the host printed: `http://127.0.0.1:PORT/?token=T`. */
export function tokenFromLocation(search: string): string | null {
  return new URLSearchParams(search).get('token');
}

/** One call of the contract over HTTP: `POST /api/<method>` with `{args}`. */
export function postCall(doFetch: typeof fetch, method: string, args: readonly unknown[], token: string | null): Promise<Response> {
  return doFetch('/api/' + method, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token ?? '' },
    body: JSON.stringify({ args }),
  });
}

/** The response of a call asked for early with the same method and arguments, handed over once. */
export function takeEarlyResponse(method: string, args: readonly unknown[]): Promise<Response> | undefined {
  const key = keyOf(method, args);
  const response = early.get(key);
  early.delete(key);
  return response;
}

/** Ask now for the settings and, at an assessment's screen, for that assessment. */
export function prefetchFirstCalls(hash: string, token: string | null, doFetch: typeof fetch = globalThis.fetch.bind(globalThis)): void {
  const ask = (method: string, args: readonly unknown[]) => {
    const response = postCall(doFetch, method, args, token);
    response.catch(() => undefined); // a failure is reported when the client takes the call over
    early.set(keyOf(method, args), response);
  };
  ask('getSettings', []);
  const route = parseHash(hash);
  if (route.name === 'form' || route.name === 'completeness' || route.name === 'history' || route.name === 'details') ask('openAssessment', [route.id]);
}
