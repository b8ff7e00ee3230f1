/** Contract calls over the web host's HTTP API, as the renderer makes them, to set a scene before a page shows it. */
import type { RunningHost } from './harness';

export async function hostApi<T>(host: RunningHost, method: string, ...args: unknown[]): Promise<T> {
  const post = () =>
    fetch(`${host.origin}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-scsa-token': host.token, origin: host.origin },
      body: JSON.stringify({ args }),
    });
  // A pooled socket the host closed while drawing a PDF (ECONNRESET): only the job poll, which changes nothing, is tried again.
  const res = await post().catch((err: unknown) => (method === 'getJob' ? new Promise((r) => setTimeout(r, 200)).then(post) : Promise.reject(err)));
  const body = (await res.json()) as { ok: boolean; value?: T; error?: unknown };
  if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.value as T;
}

/** A signed export through the API, waited for; its submission. */
export async function exportThroughApi(host: RunningHost, id: string, passphrase: string): Promise<{ fileName: string; submissionRevision: number; externalIdentifier: string }> {
  const { jobId } = await hostApi<{ jobId: string }>(host, 'exportSubmission', id, passphrase);
  for (;;) {
    const job = await hostApi<{ state: string; error?: unknown }>(host, 'getJob', jobId);
    if (job.state !== 'running' && job.state !== 'queued') {
      if (job.state !== 'done') throw new Error(`export ended ${job.state}: ${JSON.stringify(job.error)}`);
      return (await hostApi<{ submission: { fileName: string; submissionRevision: number; externalIdentifier: string } }>(host, 'takeJobResult', jobId)).submission;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** `Hello {{name}}` with `{name: 'x'}`: a locale text as the page shows it (no plural, no number formatting). */
export const fill = (template: string, params: Record<string, string | number>) => template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ''));
