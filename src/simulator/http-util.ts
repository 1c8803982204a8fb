/** HTTP plumbing shared by the simulator's routes: JSON answers, bodies, errors, credentials. */
import type { IncomingMessage, ServerResponse } from 'node:http';

const MAX_BODY_BYTES = 1024 * 1024;
export const JSON_TYPE = 'application/json; charset=utf-8';

/** internalCode values in error bodies (LivePerson's own codes are not published). */
export const CODE = {
  validation: 1,
  auth: 2,
  notFound: 3,
  method: 4,
  injected: 5,
  internal: 6,
  precondition: 7,
} as const;

/** An answer that is an error: status, message and internalCode for the JSON body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

/** Any error as the answer it becomes: an HttpError as it is, anything else a 500 naming it. */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  const message = `Simulator error: ${error instanceof Error ? error.message : String(error)}`;
  return new HttpError(500, message, CODE.internal);
}

/** Reads the whole request body (at most 1 MB). */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, 'The request body is too large.', CODE.validation));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Parses a JSON body; an empty body is undefined, broken JSON a 400. */
export function parseJsonBody(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON.', CODE.validation);
  }
}

/** The token of an `Authorization: Bearer …` header. */
export function bearerOf(req: IncomingMessage): string | undefined {
  const h = req.headers.authorization;
  const m = h?.match(/^Bearer\s+(.+)$/i);
  return m?.[1]?.trim();
}

/** A cookie's value from the Cookie header. */
export function cookieOf(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

/** What a route answers: a JSON body with its headers, or (a 304) headers alone. */
export interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** LivePerson's error body: the message plus our internalCode, stamped with the simulated time. */
export function errorBody(time: number, status: number, message: string, code: number): unknown {
  return { error: { time, message, internalCode: code, responseStatus: status } };
}

/** Writes an Answer; one without a body (a 304) gets its own headers only, no JSON framing. */
export function sendAnswer(res: ServerResponse, answer: Answer): void {
  if (answer.body === undefined) {
    res.writeHead(answer.status, answer.headers ?? {});
    res.end();
    return;
  }
  sendJson(res, answer.status, answer.body, answer.headers);
}

/** Writes `body` as JSON with an exact Content-Length, so keep-alive clients know where it ends. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': JSON_TYPE, 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}
