/**
 * The Socket Mode side of the fake Slack: a minimal WebSocket server (RFC 6455, text frames,
 * ping/pong, close) on the fake's own HTTP server, at the `ws://…/socket` URL that
 * apps.connections.open hands out. The `ws` package is not installed, so the framing is done here.
 * Records every message the bot sends (acks are `{envelope_id, payload?}`).
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export class FakeSocket {
  /** Every JSON message the bot sent over the socket, in order. */
  readonly received: Record<string, unknown>[] = [];
  private readonly sockets = new Set<Duplex>();
  /** How many connections were ever accepted (a new bot process adds one). */
  opened = 0;

  attach(server: Server): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex) => this.upgrade(req, socket));
  }

  /** Open connections (the bot connects once apps.connections.open has answered). */
  get connections(): number {
    return this.sockets.size;
  }

  /** Sends `message` as JSON to every connected client. */
  send(message: Record<string, unknown>): void {
    for (const socket of this.sockets) socket.write(frame(0x1, Buffer.from(JSON.stringify(message))));
  }

  /**
   * Sends `message` to one connection only, the `index`-th still open (in the order they were
   * opened): Slack gives each envelope to one of an app's connections.
   */
  sendTo(index: number, message: Record<string, unknown>): void {
    const socket = [...this.sockets][index];
    if (!socket) throw new Error(`no open connection #${index} (there are ${this.sockets.size})`);
    socket.write(frame(0x1, Buffer.from(JSON.stringify(message))));
  }

  /** The envelope ids the bot acked. */
  acked(): string[] {
    return this.received.map((m) => m.envelope_id).filter((id): id is string => typeof id === 'string');
  }

  close(): void {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  private upgrade(req: IncomingMessage, socket: Duplex): void {
    const key = req.headers['sec-websocket-key'];
    if (!(req.url ?? '').startsWith('/socket') || typeof key !== 'string') {
      socket.destroy();
      return;
    }
    const accept = createHash('sha1').update(key + GUID).digest('base64');
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    this.sockets.add(socket);
    this.opened += 1;
    let buffered = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      for (;;) {
        const parsed = parseFrame(buffered);
        if (!parsed) break;
        buffered = buffered.subarray(parsed.length);
        this.onFrame(socket, parsed.opcode, parsed.payload);
      }
    });
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => this.sockets.delete(socket));
  }

  private onFrame(socket: Duplex, opcode: number, payload: Buffer): void {
    if (opcode === 0x1) {
      try {
        this.received.push(JSON.parse(payload.toString('utf8')) as Record<string, unknown>);
      } catch {
        this.received.push({ raw: payload.toString('utf8') });
      }
    } else if (opcode === 0x9) {
      socket.write(frame(0xa, payload));
    } else if (opcode === 0x8) {
      socket.end(frame(0x8, payload.subarray(0, 2)));
      this.sockets.delete(socket);
    }
  }
}

/** One unmasked, final server frame. */
function frame(opcode: number, payload: Buffer): Buffer {
  let header: Buffer;
  if (payload.length < 126) {
    header = Buffer.from([0x80 | opcode, payload.length]);
  } else if (payload.length < 65536) {
    header = Buffer.alloc(4);
    header[0] = 0x80 | opcode;
    header[1] = 126;
    header.writeUInt16BE(payload.length, 2);
  } else {
    header = Buffer.alloc(10);
    header[0] = 0x80 | opcode;
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(payload.length), 2);
  }
  return Buffer.concat([header, payload]);
}

/** One (masked) client frame from the start of `data`, or undefined while incomplete. */
function parseFrame(data: Buffer): { opcode: number; payload: Buffer; length: number } | undefined {
  if (data.length < 2) return undefined;
  const opcode = data[0]! & 0x0f;
  const masked = (data[1]! & 0x80) !== 0;
  let length = data[1]! & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (data.length < 4) return undefined;
    length = data.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (data.length < 10) return undefined;
    length = Number(data.readBigUInt64BE(2));
    offset = 10;
  }
  const maskOffset = offset;
  if (masked) offset += 4;
  if (data.length < offset + length) return undefined;
  const payload = Buffer.from(data.subarray(offset, offset + length));
  if (masked) for (let i = 0; i < payload.length; i++) payload[i]! ^= data[maskOffset + (i % 4)]!;
  return { opcode, payload, length: offset + length };
}
