/**
 * The latency baseline's server, run as its own process (as the relay is): the least a durable relay must do — take a
 * WebSocket message from client A, append it to a file, fsync once, forward it to client B. No parsing, no crypto,
 * no database. Usage: `node --import tsx ws-forwarder-server.ts FILE`; prints {"port":N} on stdout when listening.
 * Clients connect to /a (sender) and /b (receiver).
 */
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';

const file = process.argv[2];
if (!file) throw new Error('usage: ws-forwarder-server.ts FILE');
const fd = openSync(file, 'a');

const bytesOf = (data: RawData): Buffer => (Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data));

let receiver: WebSocket | null = null;
const server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
server.on('connection', (socket, request) => {
  if (request.url === '/b') {
    receiver = socket;
    return;
  }
  socket.on('message', (data, isBinary) => {
    const bytes = bytesOf(data);
    writeSync(fd, bytes);
    fsyncSync(fd); // the durability the relay's receipt promises, in its cheapest form
    receiver?.send(bytes, { binary: isBinary });
  });
});
server.on('listening', () => {
  const address = server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address !== null ? address.port : null })}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  closeSync(fd);
  process.exit(0);
});
