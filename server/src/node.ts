/**
 * Adapters that put a Fetch API token handler behind node:http or Express-style middleware,
 * without depending on Express.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

import { MAX_BODY_BYTES } from './token-handler.js';
import type { TokenHandler } from './token-handler.js';

const FRAMING_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection']);

/** A node:http request listener. */
export type NodeListener = (request: IncomingMessage, response: ServerResponse) => void;

/** The parts of an Express (or Connect) request the adapter reads. */
export interface ExpressLikeRequest extends IncomingMessage {
  /** The URL before the router stripped the mount path. */
  originalUrl?: string;
  /** Set by a body parser that ran first (`express.json()` and the like). */
  body?: unknown;
}

/** An Express-compatible middleware: `(req, res, next)`. */
export type ExpressLikeMiddleware = (
  request: ExpressLikeRequest,
  response: ServerResponse,
  next: (error?: unknown) => void,
) => void;

/**
 * Serves `handler` from node:http: `http.createServer(toNodeListener(handler))`, or call it for
 * one path inside an existing listener.
 */
export function toNodeListener(handler: TokenHandler): NodeListener {
  return (request, response) => {
    serve(handler, request, response).catch(() => {
      // The handler answers every failure itself; this is a broken socket or a bad Host header.
      if (!response.headersSent) {
        response.writeHead(400, { 'Cache-Control': 'no-store' });
      }
      response.end();
    });
  };
}

/**
 * Serves `handler` as Express-style middleware: `app.post('/api/circle-token', middleware)`.
 * It works before or after a body parser. Unexpected failures go to `next(error)`.
 */
export function toExpressMiddleware(handler: TokenHandler): ExpressLikeMiddleware {
  return (request, response, next) => {
    serve(handler, request, response).catch(next);
  };
}

async function serve(
  handler: TokenHandler,
  incoming: ExpressLikeRequest,
  outgoing: ServerResponse,
): Promise<void> {
  const request = await toFetchRequest(incoming);
  const response = await handler(request);
  await writeFetchResponse(response, outgoing);
}

/** Builds a Fetch API Request from node's IncomingMessage, body included. */
export async function toFetchRequest(incoming: ExpressLikeRequest): Promise<Request> {
  const encrypted = (incoming.socket as { encrypted?: boolean } | undefined)?.encrypted === true;
  const host = incoming.headers.host ?? 'localhost';
  // Appended, not resolved: a path such as "//other.example/" must not change the origin.
  const path = incoming.originalUrl ?? incoming.url ?? '/';
  const url = new URL(
    `${encrypted ? 'https' : 'http'}://${host}${path.startsWith('/') ? '' : '/'}${path}`,
  );

  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    // HTTP/2 pseudo-headers (":path") are not headers to the Fetch API, and the framing headers
    // describe node's message, not the body handed on (which a body parser may have rebuilt).
    if (value === undefined || name.startsWith(':') || FRAMING_HEADERS.has(name)) continue;
    if (Array.isArray(value)) value.forEach((item) => headers.append(name, item));
    else headers.set(name, value);
  }

  const method = incoming.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD') return new Request(url, { method, headers });

  const body = await readNodeBody(incoming);
  return new Request(url, { method, headers, body });
}

/**
 * The request body: the one a body parser already read, or the stream's, cut off just past
 * {@link MAX_BODY_BYTES} so the handler refuses it without buffering all of it.
 */
async function readNodeBody(incoming: ExpressLikeRequest): Promise<Uint8Array> {
  if (incoming.readableEnded) return bodyFromParser(incoming.body);

  return new Promise<Uint8Array>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;

    function onData(chunk: Buffer): void {
      chunks.push(chunk);
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return;

      // Enough to refuse; let the rest drain without keeping it.
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.resume();
      resolve(Buffer.concat(chunks));
    }
    function onEnd(): void {
      resolve(Buffer.concat(chunks));
    }

    incoming.on('data', onData);
    incoming.once('end', onEnd);
    incoming.once('error', reject);
  });
}

function bodyFromParser(body: unknown): Uint8Array {
  if (body === undefined || body === null) return new Uint8Array();
  if (body instanceof Uint8Array) return body;
  if (typeof body === 'string') return Buffer.from(body);

  // express.json() leaves `{}` when the request had no JSON body, which means "issue".
  if (typeof body === 'object' && Object.keys(body).length === 0) return new Uint8Array();
  return Buffer.from(JSON.stringify(body));
}

/** Writes a Fetch API Response to node's ServerResponse. */
export async function writeFetchResponse(
  response: Response,
  outgoing: ServerResponse,
): Promise<void> {
  outgoing.statusCode = response.status;
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') outgoing.setHeader(name, value);
  });
  const cookies = setCookies(response.headers);
  if (cookies.length > 0) outgoing.setHeader('set-cookie', cookies);

  const body = response.body ? Buffer.from(await response.arrayBuffer()) : undefined;
  outgoing.end(body);
}

/**
 * The response's cookies, one per entry. Node before 18.14.1 has no `getSetCookie()`; there,
 * `get()` joins several cookies with commas, which can't be split back safely (an `Expires`
 * date holds a comma too), so they go out as the one header value it gives.
 */
function setCookies(headers: Headers): string[] {
  const withGetter = headers as Headers & { getSetCookie?: () => string[] };
  if (typeof withGetter.getSetCookie === 'function') return withGetter.getSetCookie();
  const joined = headers.get('set-cookie');
  return joined ? [joined] : [];
}
