// The baseline: a bare socket.io server (the same socket.io the Tandem server runs, resolved
// from @nestjs/platform-socket.io) with no database, no auth and no validation. It speaks the
// subset of Tandem's protocol the socket benchmarks use: `thread:join` joins a room,
// `message:send` acks `{ ok, message }` and broadcasts `message:new` to the room with a payload
// shaped and sized like Tandem's MessageView. Run as a child process by bench/run.mjs.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from './servers.mjs';

const requireFromNest = createRequire(
  join(ROOT, 'node_modules/@nestjs/platform-socket.io/package.json'),
);
const { Server } = requireFromNest('socket.io');

const port = Number(process.env.PORT);
const host = process.env.HOST || '127.0.0.1';

const httpServer = http.createServer((req, res) => {
  if (req.url === '/health') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"status":"ok"}');
    return;
  }
  res.writeHead(404);
  res.end();
});

const io = new Server(httpServer, { path: '/socket.io', maxHttpBufferSize: 100_000 });
const seqs = new Map();

io.on('connection', (socket) => {
  const userId = randomUUID();
  void socket.join(`user:${userId}`);
  socket.on('thread:join', (payload, ack) => {
    const room = `thread:${payload?.threadId}`;
    void socket.join(room);
    if (typeof ack === 'function') ack({ ok: true, missed: [], hasMore: false });
  });
  socket.on('message:send', (payload, ack) => {
    const threadId = String(payload?.threadId);
    const seq = (seqs.get(threadId) ?? 0) + 1;
    seqs.set(threadId, seq);
    const now = new Date().toISOString();
    const message = {
      id: randomUUID(),
      threadId,
      seq,
      body: String(payload?.body ?? ''),
      replyToId: null,
      author: {
        kind: 'named',
        userId,
        displayName: 'Bench user',
        handle: 'bench-user',
        organisationLabel: null,
      },
      isMine: false,
      clientId: null,
      edited: false,
      deleted: false,
      createdAt: now,
      editedAt: null,
    };
    // Same audience split as Tandem: the room minus the author, then the author's own copy.
    io.to(`thread:${threadId}`).except(`user:${userId}`).emit('message:new', message);
    const own = { ...message, isMine: true, clientId: payload?.clientId ?? null };
    io.to(`user:${userId}`).emit('message:new', own);
    if (typeof ack === 'function') ack({ ok: true, message: own, duplicate: false });
  });
});

httpServer.listen(port, host);

function shutdown() {
  void io.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
}
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
