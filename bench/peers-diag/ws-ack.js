'use strict';
// Adapter for ws-ack-relay.js (a diagnostic variant of the `ws` relay; see there). Copy
// both files into the harness: this one to adapters/, the relay to servers/. Acks are
// parsed and dropped, as the kinlist adapter does. WS_ACK_DURABLE=1 starts the relay with
// DURABLE=1 (every op written to a file before it is acked and forwarded).
const WebSocket = require('ws');

module.exports = {
  name: 'ws-ack',
  server: {
    cmd: process.execPath,
    args: ['servers/ws-ack-relay.js'],
    env: { DURABLE: process.env.WS_ACK_DURABLE === '1' ? '1' : '0' },
  },
  url: (host, port) => `ws://${host}:${port}`,
  createClient({ url, id }) {
    let ws = null;
    let cb = () => {};
    let joined = null;
    return {
      connect() {
        return new Promise((resolve, reject) => {
          ws = new WebSocket(url);
          ws.once('open', resolve);
          ws.once('error', reject);
          ws.on('message', (data) => {
            const msg = JSON.parse(data);
            if (msg.type === 'op') cb(msg);
            else if (msg.type === 'ack') return;
            else if (msg.type === 'joined' && joined) { const j = joined; joined = null; j(); }
            else if (msg.type === 'error') process.emitWarning(`ws-ack adapter ${id}: server error ${msg.code}`);
          });
        });
      },
      join(room) {
        return new Promise((resolve) => {
          joined = resolve;
          ws.send(JSON.stringify({ type: 'join', room }));
        });
      },
      send(op) { ws.send(JSON.stringify(op)); },
      onMessage(f) { cb = f; },
      close() { if (ws) ws.terminate(); },
    };
  },
};
