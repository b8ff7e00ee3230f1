import http from 'node:http';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A plain HTTP request where the test controls every header, Host included (fetch cannot set Host). */
export function request(
  port: number,
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer; host?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: options.host ?? '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: options.headers ?? {},
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** An API call as the renderer makes it: POST, JSON body `{"args": [...]}`, token header, own Origin. */
export function callApi(
  port: number,
  token: string | null,
  method: string,
  args: unknown[] = [],
  extraHeaders: Record<string, string> = {},
): Promise<RawResponse> {
  const headers: Record<string, string> = { 'content-type': 'application/json', origin: `http://127.0.0.1:${port}`, ...extraHeaders };
  if (token !== null) headers['x-scsa-token'] = token;
  return request(port, { method: 'POST', path: `/api/${method}`, headers, body: JSON.stringify({ args }) });
}

/** An upload's body and headers as the page client sends them: the other arguments' JSON, then the file's bytes. */
export function uploadParts(params: unknown[], file: string | Buffer, fileName = 'file.bin'): { body: Buffer; headers: Record<string, string> } {
  const json = Buffer.from(JSON.stringify(params), 'utf8');
  return {
    body: Buffer.concat([json, typeof file === 'string' ? Buffer.from(file, 'utf8') : file]),
    headers: { 'x-params-length': String(json.length), 'x-file-name': encodeURIComponent(fileName) },
  };
}
