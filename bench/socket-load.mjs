// The socket load generator (a child process of bench/run.mjs, so it does not share an event
// loop with the server). It opens one socket.io connection per member, joins each member to its
// group's thread, then sends on an open-loop schedule: send number s is planned at
// t0 + s * period / senders whatever happened to earlier sends, and every latency is measured
// from the planned time, so a slow server or a late client cannot hide latency
// (no coordinated omission). Used for chat load and fan-out, against Tandem or the raw
// socket.io baseline (same client code, same payloads).
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { io } from 'socket.io-client';
import { log, nowMs, parseStamp, pool, round, sleep, stampedBody, summarize } from './common.mjs';

function connect(url, token, timeoutMs) {
  return new Promise((resolve, reject) => {
    const socket = io(url, {
      path: '/socket.io',
      auth: token ? { token } : {},
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      timeout: timeoutMs,
    });
    const fail = (error) => {
      socket.close();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    socket.once('connect', () => {
      socket.off('connect_error', fail);
      resolve(socket);
    });
    socket.once('connect_error', fail);
  });
}

function emitWithAck(socket, event, payload, timeoutMs) {
  return new Promise((resolve) => {
    socket.timeout(timeoutMs).emit(event, payload, (error, ack) => {
      resolve(
        error ? { ok: false, error: 'timeout', message: String(error.message ?? error) } : ack,
      );
    });
  });
}

async function run(config) {
  const {
    label,
    url,
    groups,
    periodMs,
    warmupS,
    durationS,
    drainS,
    bodySize,
    connectConcurrency = 50,
    ackTimeoutMs = 30_000,
  } = config;

  // Flatten members; each socket knows its group.
  const members = [];
  const senders = [];
  groups.forEach((group, g) => {
    group.members.forEach((member, i) => {
      const index = members.length;
      members.push({ token: member.token, group: g, threadId: group.threadId });
      if (i < group.senders) senders.push(index);
    });
  });
  const N = members.length;
  const S = senders.length;
  log(
    label,
    `connecting ${N} sockets (${groups.length} threads, ${S} senders, one message per sender every ${periodMs} ms)`,
  );

  // ---------------------------------------------------------------- connect and join
  const connectStart = nowMs();
  const connectMs = [];
  const sockets = new Array(N);
  let connectFailures = 0;
  let firstConnectError = null;
  await pool(N, connectConcurrency, async (i) => {
    const t = nowMs();
    try {
      sockets[i] = await connect(url, members[i].token, 30_000);
      connectMs.push(nowMs() - t);
    } catch (error) {
      connectFailures++;
      firstConnectError ??= error.message;
    }
  });
  const connectSeconds = (nowMs() - connectStart) / 1000;
  if (connectFailures > 0) {
    log(label, `${connectFailures} of ${N} sockets failed to connect: ${firstConnectError}`);
  }
  let joinFailures = 0;
  let firstJoinError = null;
  const joinMs = [];
  await pool(N, connectConcurrency, async (i) => {
    if (!sockets[i]) return;
    const t = nowMs();
    const ack = await emitWithAck(
      sockets[i],
      'thread:join',
      { threadId: members[i].threadId },
      30_000,
    );
    if (ack?.ok) joinMs.push(nowMs() - t);
    else {
      joinFailures++;
      firstJoinError ??= JSON.stringify(ack);
    }
  });
  log(
    label,
    `connected ${N - connectFailures}/${N} in ${connectSeconds.toFixed(1)} s, joined with ${joinFailures} failures`,
  );

  // ---------------------------------------------------------------- bookkeeping
  const measureFrom = warmupS * 1000;
  const measureTo = (warmupS + durationS) * 1000;
  const sendsPerMs = S / periodMs;
  const totalSends = Math.floor(measureTo * sendsPerMs);
  const planned = new Float64Array(totalSends);
  const emittedAt = new Float64Array(totalSends);
  // 0 no answer yet, 1 ok, 2 refused by the server (nothing saved), 3 ack timed out, 4 not sent
  const ackState = new Int8Array(totalSends);
  const delivered = new Int32Array(totalSends);
  const received = Array.from({ length: N }, () => new Set());
  const lastSeq = new Float64Array(N);
  const deliveryLatency = [];
  // Per second of the schedule: the slowest delivery planned in it, to tell a steady tail from
  // stalls (a pause of the server shows as a few seconds with a high maximum).
  const worstBySecond = new Float64Array(Math.ceil(measureTo / 1000) + 1);
  const ackLatency = [];
  const emitLag = [];
  const ackErrors = {};
  const otherEvents = {};
  const disconnects = {};
  let duplicates = 0;
  let outOfOrder = 0;
  const outOfOrderExamples = [];
  let foreign = 0;
  let unparsable = 0;
  let closing = false;
  let t0 = Infinity;
  const isMeasured = (s) => planned[s] - t0 >= measureFrom && planned[s] - t0 < measureTo;

  for (let i = 0; i < N; i++) {
    const socket = sockets[i];
    if (!socket) continue;
    socket.on('message:new', (message) => {
      const at = nowMs();
      const stamp = parseStamp(message?.body);
      if (!stamp || !stamp.id.startsWith(`${label}:`)) {
        unparsable++;
        return;
      }
      const s = Number(stamp.id.slice(label.length + 1));
      if (message.threadId !== members[i].threadId) foreign++;
      const seen = received[i];
      if (seen.has(s)) {
        duplicates++;
        return;
      }
      seen.add(s);
      if (typeof message.seq === 'number') {
        if (message.seq <= lastSeq[i]) {
          outOfOrder++;
          if (outOfOrderExamples.length < 5) {
            outOfOrderExamples.push({
              socket: i,
              threadId: message.threadId,
              after: lastSeq[i],
              got: message.seq,
            });
          }
        } else lastSeq[i] = message.seq;
      }
      delivered[s]++;
      if (isMeasured(s)) {
        const latency = at - stamp.plannedMs;
        deliveryLatency.push(latency);
        const second = Math.floor((planned[s] - t0) / 1000);
        if (latency > worstBySecond[second]) worstBySecond[second] = latency;
      }
    });
    socket.onAny((event) => {
      if (event !== 'message:new') otherEvents[event] = (otherEvents[event] ?? 0) + 1;
    });
    socket.on('disconnect', (reason) => {
      if (!closing) disconnects[reason] = (disconnects[reason] ?? 0) + 1;
    });
  }

  // ---------------------------------------------------------------- open-loop schedule
  const loop = monitorEventLoopDelay({ resolution: 10 });
  let cpuAtStart = null;
  let measureStarted = false;
  t0 = nowMs() + 200;
  for (let s = 0; s < totalSends; s++) planned[s] = t0 + s / sendsPerMs;

  let next = 0;
  let sentCount = 0;
  let ackedCount = 0;
  await new Promise((resolve) => {
    const tick = () => {
      const now = nowMs();
      if (!measureStarted && now - t0 >= measureFrom) {
        measureStarted = true;
        cpuAtStart = process.cpuUsage();
        loop.enable();
        process.send?.({ type: 'measure-start' });
      }
      while (next < totalSends && planned[next] <= now) {
        const s = next++;
        const sender = senders[s % S];
        const socket = sockets[sender];
        if (!socket || !socket.connected) {
          ackState[s] = 4;
          ackErrors.not_connected = (ackErrors.not_connected ?? 0) + 1;
          ackedCount++;
          continue;
        }
        const emitted = nowMs();
        emittedAt[s] = emitted;
        if (isMeasured(s)) emitLag.push(emitted - planned[s]);
        sentCount++;
        socket.timeout(ackTimeoutMs).emit(
          'message:send',
          {
            threadId: members[sender].threadId,
            body: stampedBody(`${label}:${s}`, planned[s], bodySize),
            clientId: `${label}-${s}`,
          },
          (error, ack) => {
            ackedCount++;
            if (!error && ack?.ok) {
              ackState[s] = 1;
              if (isMeasured(s)) ackLatency.push(nowMs() - planned[s]);
            } else {
              ackState[s] = error ? 3 : 2;
              const code = error ? 'timeout' : String(ack?.error ?? 'unknown');
              ackErrors[code] = (ackErrors[code] ?? 0) + 1;
            }
          },
        );
      }
      if (next >= totalSends) {
        resolve();
        return;
      }
      setTimeout(tick, Math.max(0, Math.min(50, planned[next] - nowMs())));
    };
    setTimeout(tick, Math.max(0, t0 - nowMs()));
  });
  // The measured window ends when its last planned send has gone out.
  const cpuAtEnd = process.cpuUsage(cpuAtStart);
  loop.disable();
  process.send?.({ type: 'measure-end' });

  // ---------------------------------------------------------------- drain
  const groupSizes = groups.map((group) => group.members.length);
  // Every send the server did not refuse must reach every member of the thread (the sender's
  // own sockets included): acknowledged ones, and ones whose ack never came.
  const expectedFor = (s) =>
    ackState[s] === 2 || ackState[s] === 4 ? 0 : groupSizes[members[senders[s % S]].group];
  const drainUntil = nowMs() + drainS * 1000;
  for (;;) {
    let missing = 0;
    for (let s = 0; s < totalSends; s++) missing += Math.max(0, expectedFor(s) - delivered[s]);
    if ((ackedCount >= totalSends && missing === 0) || nowMs() >= drainUntil) break;
    await sleep(100);
  }
  const drainedAfterS = (drainS * 1000 - (drainUntil - nowMs())) / 1000;

  // ---------------------------------------------------------------- results
  let measuredSends = 0;
  let measuredAckOk = 0;
  let measuredRefused = 0;
  let measuredNoAck = 0;
  let measuredNotSent = 0;
  let expected = 0;
  let deliveredMeasured = 0;
  // A refused send must reach nobody (the server said nothing was saved).
  let deliveredOfRefusedSends = 0;
  for (let s = 0; s < totalSends; s++)
    if (ackState[s] === 2 && delivered[s] > 0) deliveredOfRefusedSends++;
  for (let s = 0; s < totalSends; s++) {
    if (!isMeasured(s)) continue;
    measuredSends++;
    if (ackState[s] === 1) measuredAckOk++;
    else if (ackState[s] === 2) measuredRefused++;
    else if (ackState[s] === 4) measuredNotSent++;
    else measuredNoAck++;
    const want = expectedFor(s);
    expected += want;
    deliveredMeasured += Math.min(delivered[s], want);
  }
  const deliveryStats = summarize(deliveryLatency);
  const ackStats = summarize(ackLatency);
  const lagStats = summarize(emitLag);
  closing = true;
  for (const socket of sockets) socket?.disconnect();

  return {
    label,
    target: config.target,
    config: {
      sockets: N,
      threads: groups.length,
      membersPerThread: groupSizes[0],
      senders: S,
      periodMs,
      offeredMessagesPerSecond: round(S / (periodMs / 1000)),
      offeredDeliveriesPerSecond: round(
        senders.reduce((sum, sender) => sum + groupSizes[members[sender].group], 0) /
          (periodMs / 1000),
      ),
      warmupS,
      durationS,
      drainS,
      bodySize,
    },
    connect: {
      seconds: round(connectSeconds),
      failures: connectFailures,
      firstError: firstConnectError,
      handshakeMs: summarize(connectMs),
      joinFailures,
      firstJoinError,
      joinMs: summarize(joinMs),
    },
    measured: {
      sends: measuredSends,
      ackOk: measuredAckOk,
      refused: measuredRefused,
      noAck: measuredNoAck,
      notSent: measuredNotSent,
      expectedDeliveries: expected,
      deliveredDeliveries: deliveredMeasured,
      deliveredRatio: expected ? deliveredMeasured / expected : null,
      achievedMessagesPerSecond: round(measuredAckOk / durationS),
      achievedDeliveriesPerSecond: round(deliveredMeasured / durationS),
    },
    latencyMs: { delivery: deliveryStats, ack: ackStats, clientEmitLag: lagStats },
    worstDeliveryBySecondMs: Array.from(worstBySecond.slice(Math.floor(measureFrom / 1000)), (v) =>
      round(v, 1),
    ),
    anomalies: {
      duplicates,
      outOfOrder,
      outOfOrderExamples,
      foreignThread: foreign,
      unparsable,
      deliveredOfRefusedSends,
      ackErrors,
      disconnectsDuringRun: disconnects,
    },
    otherEventsReceived: otherEvents,
    client: {
      cpuSecondsDuringMeasure: cpuAtEnd ? round((cpuAtEnd.user + cpuAtEnd.system) / 1e6) : null,
      eventLoopDelayMs: {
        p50: round(loop.percentile(50) / 1e6),
        p99: round(loop.percentile(99) / 1e6),
        max: round(loop.max / 1e6),
      },
      sentCount,
      // Every send of the run, warm-up included (to compare with what Postgres committed).
      totals: {
        sent: sentCount,
        ackOk: ackState.reduce((n, state) => n + (state === 1 ? 1 : 0), 0),
        refused: ackState.reduce((n, state) => n + (state === 2 ? 1 : 0), 0),
        noAck: ackState.reduce((n, state) => n + (state === 0 || state === 3 ? 1 : 0), 0),
      },
      drainedAfterS: round(drainedAfterS),
    },
  };
}

process.once('message', (config) => {
  run(config).then(
    (result) => {
      process.send({ type: 'result', result }, () => process.exit(0));
    },
    (error) => {
      process.send({ type: 'error', error: error.stack ?? String(error) }, () => process.exit(1));
    },
  );
});
