/** Tests: a real SMTP server on a free local port that keeps every message it receives (parsed). */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
  url: string;
  messages: ParsedMail[];
  /** the next message (already received or to come) matching the predicate */
  next(match?: (m: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>;
  close(): Promise<void>;
}

export async function smtpSink(): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  const waiters: Array<() => void> = [];
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
    onData(stream, _session, done) {
      simpleParser(stream).then((m) => { messages.push(m); waiters.splice(0).forEach((w) => w()); done(); }, done);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  const taken = new Set<ParsedMail>();
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    async next(match = () => true, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const m = messages.find((x) => !taken.has(x) && match(x));
        if (m) { taken.add(m); return m; }
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no matching e-mail within ${timeoutMs} ms (${messages.length} received)`);
        await new Promise<void>((resolve) => { waiters.push(resolve); setTimeout(resolve, left); });
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first http(s) link of a message's text. */
export function linkIn(m: ParsedMail): string {
  const link = /https?:\/\/\S+/.exec(m.text ?? '')?.[0];
  if (!link) throw new Error(`no link in the e-mail "${m.subject}"`);
  return link;
}
