/**
 * Splits the client side of a Bolt connection into whole messages, so a fault proxy can act on
 * one message (COMMIT) without understanding the rest of the protocol.
 *
 * The stream is: a 20-byte handshake (magic + four version proposals); when the server answers
 * with the version manifest (`00 00 01 FF`, Bolt 5.7+), the client then sends its chosen version
 * (4 bytes) and a varint of capabilities; after that, messages are sequences of chunks
 * (`size:uint16`, bytes) ended by an empty chunk. An empty chunk on its own is a keep-alive NOOP.
 */
export class BoltMessageReader {
  #buffer: Buffer = Buffer.alloc(0);
  #stage: 'handshake' | 'await-server' | 'manifest-choice' | 'messages' = 'handshake';
  #manifest = false;

  /** Called with the server's first bytes, which tell whether the manifest exchange follows. */
  serverGreeting(bytes: Buffer): void {
    if (this.#stage !== 'await-server' || bytes.length < 4) return;
    this.#manifest = bytes.readUInt32BE(0) === 0x000001ff;
    this.#stage = this.#manifest ? 'manifest-choice' : 'messages';
  }

  /** Whether the reader still waits for the server's greeting before it can split more bytes. */
  get awaitingServer(): boolean {
    return this.#stage === 'await-server';
  }

  /**
   * Adds client bytes and returns the complete units now available: each is the raw bytes to
   * forward and, for a message, its body without chunk framing (`undefined` for handshake bytes).
   */
  push(bytes: Buffer): { raw: Buffer; body: Buffer | undefined }[] {
    this.#buffer = Buffer.concat([this.#buffer, bytes]);
    const units: { raw: Buffer; body: Buffer | undefined }[] = [];
    for (;;) {
      const unit = this.#next();
      if (!unit) return units;
      units.push(unit);
    }
  }

  #next(): { raw: Buffer; body: Buffer | undefined } | undefined {
    switch (this.#stage) {
      case 'handshake': {
        if (this.#buffer.length < 20) return undefined;
        this.#stage = 'await-server';
        return { raw: this.#take(20), body: undefined };
      }
      case 'await-server':
        return undefined;
      case 'manifest-choice': {
        let end = 4;
        while (end < this.#buffer.length && (this.#buffer[end]! & 0x80) !== 0) end++;
        if (end >= this.#buffer.length) return undefined;
        this.#stage = 'messages';
        return { raw: this.#take(end + 1), body: undefined };
      }
      case 'messages':
        return this.#message();
    }
  }

  #message(): { raw: Buffer; body: Buffer } | undefined {
    const parts: Buffer[] = [];
    let offset = 0;
    for (;;) {
      if (this.#buffer.length < offset + 2) return undefined;
      const size = this.#buffer.readUInt16BE(offset);
      if (size === 0) {
        const raw = this.#take(offset + 2);
        return { raw, body: Buffer.concat(parts) };
      }
      if (this.#buffer.length < offset + 2 + size) return undefined;
      parts.push(this.#buffer.subarray(offset + 2, offset + 2 + size));
      offset += 2 + size;
    }
  }

  #take(length: number): Buffer {
    const taken = Buffer.from(this.#buffer.subarray(0, length));
    this.#buffer = this.#buffer.subarray(length);
    return taken;
  }
}

/** Bolt COMMIT: a structure with no fields and signature 0x12. */
export function isCommit(body: Buffer | undefined): boolean {
  return body !== undefined && body.length === 2 && body[0] === 0xb0 && body[1] === 0x12;
}

/** The Bolt request a message body is (by its structure signature), for the ones a proxy tracks. */
export function requestKind(
  body: Buffer | undefined,
): 'BEGIN' | 'RUN' | 'COMMIT' | 'ROLLBACK' | 'RESET' | undefined {
  if (body === undefined || body.length < 2 || (body[0]! & 0xf0) !== 0xb0) return undefined;
  switch (body[1]) {
    case 0x11:
      return 'BEGIN';
    case 0x10:
      return 'RUN';
    case 0x12:
      return 'COMMIT';
    case 0x13:
      return 'ROLLBACK';
    case 0x0f:
      return 'RESET';
    default:
      return undefined;
  }
}
