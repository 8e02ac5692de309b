/**
 * Answers that leave the request's body unread close the connection (`Connection: close`): every 413, and on a
 * real server any answer given before the body was read whole (a refusal, a broken upload stopped early). Node
 * then closes the socket once the answer is written, so the unread rest is never taken for a next request and a
 * keep-alive proxy never reuses a socket the server is about to reset.
 */
import type { IncomingMessage } from 'node:http';
import type { MiddlewareHandler } from 'hono';

const hasBody = (c: { req: { header(n: string): string | undefined } }) =>
  Number(c.req.header('content-length')) > 0 || c.req.header('transfer-encoding') !== undefined;

export const closeUnread: MiddlewareHandler = async (c, next) => {
  await next();
  // @hono/node-server's bindings: the request as node:http received it (absent in app.request, tests in-process)
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  const unread = !!incoming && !incoming.readableEnded && hasBody(c);
  if (c.res.status === 413 || unread) c.res.headers.set('Connection', 'close');
};
