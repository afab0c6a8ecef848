'use strict';
// A diagnostic variant of the peer harness's `ws` relay (servers/ws-relay.js), to measure
// what two of kinlist-server's duties cost in the same harness (issue 15):
//   - the sender gets an ack frame for every op (kinlist-server acks every mutation, with
//     the op as applied), so the server writes M frames per op instead of M - 1;
//   - with DURABLE=1, every op is appended to a file (one write(2) per op, no fsync: what
//     kinlist-server's default `--sync normal` gives) before it is acked and forwarded.
// Everything else is the relay as shipped. See bench/README.md ("Eighth step").
const fs = require('fs');
const os = require('os');
const path = require('path');
const { WebSocketServer } = require('ws');

const PORT = Number(process.env.PORT || 9001);
const HOST = process.env.HOST || '127.0.0.1';
const DURABLE = process.env.DURABLE === '1';
const rooms = new Map(); // room -> Set<WebSocket>
let seq = 0;
let log = null;
if (DURABLE) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ws-ack-relay-'));
  log = fs.openSync(path.join(dir, 'ops.log'), 'a');
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
}

const wss = new WebSocketServer({ host: HOST, port: PORT, maxPayload: 64 * 1024 });

wss.on('connection', (ws) => {
  ws.room = null;
  ws.on('message', (data) => {
    let msg;
    try { msg = JSON.parse(data); } catch { ws.send('{"type":"error","code":"bad_json"}'); return; }
    if (msg.type === 'op') {
      const members = ws.room && rooms.get(ws.room);
      if (!members) { ws.send('{"type":"error","code":"not_joined"}'); return; }
      ++seq;
      if (log !== null) fs.writeSync(log, `${seq} ${data}\n`);
      ws.send(`{"type":"ack","seq":${seq},"op":${data}}`);
      for (const peer of members) {
        if (peer !== ws && peer.readyState === 1) peer.send(data, { binary: false });
      }
    } else if (msg.type === 'join' && typeof msg.room === 'string') {
      leave(ws);
      let members = rooms.get(msg.room);
      if (!members) { members = new Set(); rooms.set(msg.room, members); }
      members.add(ws);
      ws.room = msg.room;
      ws.send(JSON.stringify({ type: 'joined', room: msg.room }));
    } else {
      ws.send('{"type":"error","code":"unknown_type"}');
    }
  });
  ws.on('close', () => leave(ws));
  ws.on('error', () => {});
});

function leave(ws) {
  if (!ws.room) return;
  const members = rooms.get(ws.room);
  if (members) { members.delete(ws); if (members.size === 0) rooms.delete(ws.room); }
  ws.room = null;
}

wss.on('listening', () => console.log(`READY ws-ack-relay ${HOST}:${PORT} pid=${process.pid}`));
for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => process.exit(0));
