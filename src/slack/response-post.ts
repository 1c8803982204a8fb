/**
 * A JSON POST to a response_url over node:http(s), not global fetch. A burst of answers posts
 * hundreds at once, and fetch (web streams, a copied and re-validated body, its Request and
 * Response objects) allocates about 3.5× as much per post, garbage that inflates the heap in the
 * very seconds the acks of the next requests need the CPU. The process's default agents keep
 * connections alive (Node ≥ 19).
 */
import http from 'node:http';
import https from 'node:https';

export interface PostAnswer {
  status: number;
  /** The Retry-After header of a 429, as sent. */
  retryAfter: string | null;
  /** The body, cut at MAX_BODY characters (Slack answers "ok" or a short error). */
  text: string;
}

/**
 * Sends `body` (JSON, as text or as its UTF-8 bytes) to `url`; rejects when no answer came (the
 * error's `code` says why).
 */
export type PostJson = (url: string, body: string | Buffer, timeoutMs: number) => Promise<PostAnswer>;

const MAX_BODY = 4_096;

export const postJson: PostJson = (url, body, timeoutMs) =>
  new Promise<PostAnswer>((resolve, reject) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return reject(Object.assign(new Error('not a URL'), { code: 'ERR_INVALID_URL' }));
    }
    const transport = target.protocol === 'https:' ? https : target.protocol === 'http:' ? http : undefined;
    if (!transport)
      return reject(
        Object.assign(new Error(`${target.protocol} is not http(s)`), { code: 'ERR_INVALID_URL' }),
      );
    const req = transport.request(
      target,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          if (text.length < MAX_BODY) text += chunk;
        });
        res.on('end', () => {
          clearTimeout(timer);
          const retry = res.headers['retry-after'];
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: typeof retry === 'string' ? retry : null,
            text: text.slice(0, MAX_BODY),
          });
        });
        res.on('error', fail);
      },
    );
    // One deadline for the whole exchange, like AbortSignal.timeout: a trickling answer ends too.
    const timer = setTimeout(
      () => req.destroy(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' })),
      timeoutMs,
    );
    function fail(err: Error): void {
      clearTimeout(timer);
      reject(err);
    }
    req.on('error', fail);
    req.end(body);
  });
