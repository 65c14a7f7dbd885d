import type { ChannelView, MessageView, NetworkView, ThreadView } from '@tandem/domain';
import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { TestApp } from './app';
import { addMember, makeNetwork, makeUser, TestUser } from './factories';
import type { Http } from './http';
import { connectSocket, request, TestSocket } from './sockets';

export const newClientId = (): string => `c-${randomBytes(6).toString('hex')}`;

export async function makeChannel(
  http: Http,
  moderator: TestUser,
  networkSlug: string,
  visibility: 'network' | 'private' = 'network',
): Promise<ChannelView> {
  const response = await http.post<ChannelView>(
    `/api/networks/${networkSlug}/channels`,
    { slug: `ch-${randomBytes(3).toString('hex')}`, name: 'A channel', visibility },
    { token: moderator.token },
  );
  if (response.status !== 201)
    throw new Error(`makeChannel failed: ${response.status} ${response.text}`);
  return response.body;
}

export async function makeThread(
  http: Http,
  author: TestUser,
  channelId: string,
  overrides: Partial<{ title: string; body: string; attribution: 'named' | 'chatham' }> = {},
): Promise<ThreadView> {
  const response = await http.post<ThreadView>(
    `/api/channels/${channelId}/threads`,
    {
      title: overrides.title ?? 'A thread',
      body: overrides.body ?? 'The first message',
      attribution: overrides.attribution ?? 'named',
      clientId: newClientId(),
    },
    { token: author.token },
  );
  if (response.status !== 201)
    throw new Error(`makeThread failed: ${response.status} ${response.text}`);
  return response.body;
}

/** Puts `user` on a private channel's list (as a moderator or admin). */
export async function listOnChannel(
  http: Http,
  moderator: TestUser,
  channelId: string,
  user: TestUser,
): Promise<void> {
  const response = await http.post(
    `/api/channels/${channelId}/members`,
    { userId: user.user.id },
    { token: moderator.token },
  );
  if (response.status !== 200)
    throw new Error(`listOnChannel failed: ${response.status} ${response.text}`);
}

/** A message posted over HTTP; throws unless it was created. */
export async function postOverHttp(
  http: Http,
  author: TestUser,
  threadId: string,
  body: string,
  clientId = newClientId(),
): Promise<MessageView> {
  const response = await http.post<MessageView>(
    `/api/threads/${threadId}/messages`,
    { body, clientId },
    { token: author.token },
  );
  if (response.status !== 201)
    throw new Error(`postOverHttp failed: ${response.status} ${response.text}`);
  return response.body;
}

/** Every message of a thread as `viewer` sees it over HTTP, paging by seq. */
export async function fetchAllMessages(
  http: Http,
  viewer: TestUser,
  threadId: string,
  afterSeq = 0,
): Promise<MessageView[]> {
  const all: MessageView[] = [];
  let after = afterSeq;
  for (;;) {
    const page = await http.get<{ items: MessageView[]; hasMore: boolean }>(
      `/api/threads/${threadId}/messages?afterSeq=${after}&limit=100`,
      { token: viewer.token },
    );
    if (page.status !== 200)
      throw new Error(`fetchAllMessages failed: ${page.status} ${page.text}`);
    all.push(...page.body.items);
    if (!page.body.hasMore || page.body.items.length === 0) return all;
    after = page.body.items.at(-1)!.seq;
  }
}

export interface Received {
  event: string;
  payload: unknown;
}

/** Records every event a socket receives, in arrival order, for "who got what" assertions. */
export function record(socket: TestSocket): Received[] {
  const received: Received[] = [];
  socket.onAny((event: string, payload: unknown) => received.push({ event, payload }));
  return received;
}

export const named = <T = any>(received: Received[], event: string): T[] =>
  received.filter((r) => r.event === event).map((r) => r.payload as T);

/** Events of one thread or channel (by `threadId`, `channelId` or `id` in the payload). */
export function about(received: Received[], id: string): Received[] {
  return received.filter((r) => JSON.stringify(r.payload).includes(id));
}

/**
 * What a well-behaved client keeps of a thread: one copy per seq, fed by `missed` lists and live
 * `message:new` / `message:updated` events. Zulip's verify_action idea: after the events, this
 * must equal a fresh HTTP fetch.
 */
export class ThreadMirror {
  readonly bySeq = new Map<number, MessageView>();
  /** Every seq as delivered, duplicates included, to count deliveries. */
  readonly deliveries: number[] = [];

  constructor(
    readonly threadId: string,
    socket?: TestSocket,
  ) {
    if (socket) this.attach(socket);
  }

  attach(socket: TestSocket): void {
    socket.on('message:new', (message) => this.apply(message));
    socket.on('message:updated', (message) => this.apply(message, true));
  }

  apply(message: MessageView, update = false): void {
    if (message.threadId !== this.threadId) return;
    if (!update) this.deliveries.push(message.seq);
    this.bySeq.set(message.seq, message);
  }

  applyMissed(missed: MessageView[]): void {
    for (const message of missed) this.apply(message);
  }

  get lastSeq(): number {
    return Math.max(0, ...this.bySeq.keys());
  }

  /** The latest change stamp (edit or delete) this copy has applied. */
  get lastChange(): number {
    return Math.max(0, ...[...this.bySeq.values()].map((message) => message.changeSeq));
  }

  ordered(): MessageView[] {
    return [...this.bySeq.values()].sort((a, b) => a.seq - b.seq);
  }
}

/** Joins a thread and asserts the join was allowed. */
export async function joinThread(
  socket: TestSocket,
  threadId: string,
  afterSeq?: number,
  afterChange?: number,
): Promise<{
  missed: MessageView[];
  hasMore: boolean;
  changed?: MessageView[];
  lastChange?: number;
}> {
  const ack = await request(socket, 'thread:join', {
    threadId,
    ...(afterSeq === undefined ? {} : { afterSeq }),
    ...(afterChange === undefined ? {} : { afterChange }),
  });
  if (!ack.ok) throw new Error(`thread:join refused: ${JSON.stringify(ack)}`);
  return ack;
}

export async function joinChannel(socket: TestSocket, channelId: string): Promise<void> {
  const ack = await request(socket, 'channel:join', { channelId });
  if (!ack.ok) throw new Error(`channel:join refused: ${JSON.stringify(ack)}`);
}

/** A network with an admin, members and one network-wide channel holding one thread. */
export interface Scene {
  admin: TestUser;
  members: TestUser[];
  network: NetworkView;
  channel: ChannelView;
  thread: ThreadView;
}

export async function makeScene(
  http: Http,
  options: { members?: number; attribution?: 'named' | 'chatham' } = {},
): Promise<Scene> {
  const admin = await makeUser(http);
  const network = await makeNetwork(http, admin, { visibility: 'invite' });
  const members: TestUser[] = [];
  for (let i = 0; i < (options.members ?? 2); i++) {
    const member = await makeUser(http);
    await addMember(http, admin, network.slug, member);
    members.push(member);
  }
  const channel = await makeChannel(http, admin, network.slug);
  const thread = await makeThread(http, admin, channel.id, { attribution: options.attribution });
  return { admin, members, network, channel, thread };
}

/** Sockets opened through `open` are closed by `closeAll`, whatever a test left behind. */
export class SocketPool {
  private readonly sockets: TestSocket[] = [];

  async open(t: Pick<TestApp, 'baseUrl'>, user: TestUser | string): Promise<TestSocket> {
    const socket = await connectSocket(t.baseUrl, typeof user === 'string' ? user : user.token);
    this.sockets.push(socket);
    return socket;
  }

  closeAll(): void {
    for (const socket of this.sockets.splice(0)) socket.close();
  }
}

/** Resolves with the first `connect_error` of a connection attempt (rejects if it connects). */
export async function refusal(
  baseUrl: string,
  token: string | undefined,
): Promise<Error & { data?: any }> {
  try {
    const socket = await connectSocket(baseUrl, token);
    socket.close();
  } catch (error) {
    return error as Error & { data?: any };
  }
  throw new Error('The socket connected, but a refusal was expected');
}

/**
 * A PostgreSQL cluster of its own in a child process (test/support/pg-cluster.mjs), which a test
 * can really stop and start again on the same port and data directory.
 */
export class PgCluster {
  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly next: () => Promise<ClusterMessage>,
    private readonly dataDir: string,
    readonly port: number,
    private readonly password: string,
  ) {}

  static async start(): Promise<PgCluster> {
    const dataDir = mkdtempSync(join(tmpdir(), 'tandem-pg-cluster-'));
    const script = join(__dirname, 'pg-cluster.mjs');
    const child = spawn(process.execPath, [script, dataDir], { stdio: 'pipe' });
    const stderr: string[] = [];
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    // One reader for the child's answers: each command takes the next line.
    const queued: ClusterMessage[] = [];
    const waiting: ((message: ClusterMessage) => void)[] = [];
    createInterface({ input: child.stdout }).on('line', (line) => {
      const message = JSON.parse(line) as ClusterMessage;
      const taker = waiting.shift();
      if (taker) taker(message);
      else queued.push(message);
    });
    const exited = new Promise<ClusterMessage>((resolve) =>
      child.once('exit', (code) =>
        resolve({ event: 'error', message: `exited with ${code}: ${stderr.join('')}` }),
      ),
    );
    const next = (): Promise<ClusterMessage> =>
      Promise.race([
        queued.length > 0
          ? Promise.resolve(queued.shift()!)
          : new Promise<ClusterMessage>((resolve) => waiting.push(resolve)),
        exited,
      ]);
    const first = await next();
    if (first.event !== 'ready' || !first.port || !first.password)
      throw new Error(`pg-cluster did not start: ${JSON.stringify(first)}`);
    return new PgCluster(child, next, dataDir, first.port, first.password);
  }

  urlFor(database: string): string {
    return `postgres://tandem:${encodeURIComponent(this.password)}@127.0.0.1:${this.port}/${database}`;
  }

  /** Fast shutdown (SIGINT): open sessions are terminated, as when a server goes down. */
  stop(): Promise<void> {
    return this.command('stop', 'stopped');
  }

  /** Starts the same cluster again, on the same port. */
  restart(): Promise<void> {
    return this.command('start', 'started');
  }

  async close(): Promise<void> {
    if (this.child.exitCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      await this.command('exit', 'exited').catch(() => undefined);
      await exited;
    }
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  private async command(command: string, expected: ClusterMessage['event']): Promise<void> {
    const answer = this.next();
    this.child.stdin.write(`${command}\n`);
    const message = await answer;
    if (message.event !== expected)
      throw new Error(`pg-cluster ${command} failed: ${JSON.stringify(message)}`);
  }
}

interface ClusterMessage {
  event: 'ready' | 'stopped' | 'started' | 'exited' | 'error';
  port?: number;
  password?: string;
  message?: string;
}
