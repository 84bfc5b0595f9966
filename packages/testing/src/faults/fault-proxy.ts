import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net';
import { BoltMessageReader, isCommit, requestKind } from './bolt-message-reader';

/** How long a dropped auto-commit reply keeps its connection open, so the server completes the query. */
const AUTO_COMMIT_GRACE_MS = 300;

/** What the proxy does to the next COMMIT a client sends. */
export type CommitFault = 'cut-before-commit' | 'drop-commit-reply';

/** Counts of what the proxy did, for assertions and for reports. */
export interface FaultProxyStats {
  /** Client connections accepted. */
  connections: number;
  /** COMMIT messages forwarded to the server. */
  commitsForwarded: number;
  /** Faults injected (cuts, dropped replies, refused connections). */
  faultsInjected: number;
  /** BEGIN messages forwarded (explicit transactions opened). */
  begins: number;
  /** RUN messages forwarded outside an explicit transaction (auto-commit queries). */
  autoCommits: number;
}

interface Link {
  readonly client: Socket;
  readonly server: Socket;
  readonly reader: BoltMessageReader;
  /** Server bytes seen before the greeting was complete. */
  greeting: Buffer;
  /** Set once COMMIT went through with its reply to be dropped: everything from the server is. */
  swallowReplies: boolean;
  /** Whether swallowing ends with the first reply (a COMMIT's) or on a timer (an auto-commit's). */
  cutOnReply: boolean;
  /** Between BEGIN and COMMIT / ROLLBACK / RESET: a RUN is part of that transaction. */
  inTransaction: boolean;
}

/**
 * A TCP proxy between a driver and Neo4j that injects the network faults users meet: a cut
 * connection, a path that goes silent, a refused connection, and a COMMIT whose reply is lost.
 * Point the driver at {@link FaultProxy.uri}; the proxy forwards to `target` until told otherwise.
 *
 * It binds to the loopback address only.
 */
export class FaultProxy {
  readonly #targetHost: string;
  readonly #targetPort: number;
  readonly #links = new Set<Link>();
  #server: Server | undefined;
  #port = 0;
  #frozen = false;
  #commitFault: CommitFault | undefined;
  #autoCommitFault: CommitFault | undefined;
  readonly stats: FaultProxyStats = {
    connections: 0,
    commitsForwarded: 0,
    faultsInjected: 0,
    begins: 0,
    autoCommits: 0,
  };

  private constructor(target: URL) {
    this.#targetHost = target.hostname;
    this.#targetPort = Number(target.port || 7687);
  }

  /** Starts a proxy in front of the server at `targetUri` (a `bolt://host:port` address). */
  static async start(targetUri: string): Promise<FaultProxy> {
    const proxy = new FaultProxy(new URL(targetUri));
    await proxy.#listen(0);
    return proxy;
  }

  /** The `bolt://` address drivers should use to go through the proxy. */
  get uri(): string {
    return `bolt://127.0.0.1:${this.#port}`;
  }

  /** The same address with the `neo4j://` (routing) scheme. */
  get routingUri(): string {
    return `neo4j://127.0.0.1:${this.#port}`;
  }

  /** Closes every open connection at once, as a reset network would. New connections still work. */
  cut(): void {
    if (this.#links.size > 0) this.stats.faultsInjected++;
    for (const link of this.#links) this.#destroy(link);
  }

  /**
   * Stops forwarding in both directions while keeping every socket open, as a silent network path
   * does: bytes sent are dropped and nothing is ever answered. New connections freeze too.
   */
  freeze(): void {
    this.#frozen = true;
    this.stats.faultsInjected++;
  }

  /** Stops listening, so new connections are refused (ECONNREFUSED); open ones are cut. */
  async refuse(): Promise<void> {
    for (const link of this.#links) this.#destroy(link);
    const server = this.#server;
    this.#server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
    this.stats.faultsInjected++;
  }

  /**
   * Arms a fault for the next COMMIT any client sends: `cut-before-commit` cuts that connection
   * instead of forwarding the COMMIT (the transaction rolls back); `drop-commit-reply` forwards it
   * (the server commits) and then cuts the connection without passing the reply on.
   */
  failNextCommit(fault: CommitFault): void {
    this.#commitFault = fault;
  }

  /** Whether an armed COMMIT fault has not fired yet. */
  get commitFaultPending(): boolean {
    return this.#commitFault !== undefined;
  }

  /**
   * Arms a fault for the next auto-commit query (a RUN outside an explicit transaction, which
   * commits when it completes): `cut-before-commit` cuts that connection instead of forwarding it
   * (nothing runs); `drop-commit-reply` forwards it with the PULL sent alongside (the server runs and
   * commits it), drops every reply and then cuts the connection.
   */
  failNextAutoCommit(fault: CommitFault): void {
    this.#autoCommitFault = fault;
  }

  /** Whether an armed auto-commit fault has not fired yet. */
  get autoCommitFaultPending(): boolean {
    return this.#autoCommitFault !== undefined;
  }

  /**
   * Back to plain forwarding: listens again on the same port, disarms COMMIT faults, and ends a
   * freeze (cutting the frozen connections, whose byte streams lost data).
   */
  async heal(): Promise<void> {
    // A frozen connection lost bytes in both directions: its protocol state is gone for good.
    if (this.#frozen) for (const link of this.#links) this.#destroy(link);
    this.#frozen = false;
    this.#commitFault = undefined;
    this.#autoCommitFault = undefined;
    if (!this.#server) await this.#listen(this.#port);
  }

  /** Stops the proxy and closes every connection. */
  async close(): Promise<void> {
    await this.refuse();
  }

  #listen(port: number): Promise<void> {
    const server = createServer((client) => this.#accept(client));
    this.#server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        const address = server.address();
        if (address && typeof address === 'object') this.#port = address.port;
        resolve();
      });
    });
  }

  #accept(client: Socket): void {
    this.stats.connections++;
    const server = tcpConnect(this.#targetPort, this.#targetHost);
    const link: Link = {
      client,
      server,
      reader: new BoltMessageReader(),
      greeting: Buffer.alloc(0),
      swallowReplies: false,
      cutOnReply: true,
      inTransaction: false,
    };
    this.#links.add(link);
    client.setNoDelay(true);
    server.setNoDelay(true);
    client.on('data', (bytes) => this.#fromClient(link, bytes));
    server.on('data', (bytes) => this.#fromServer(link, bytes));
    for (const socket of [client, server]) {
      socket.on('error', () => this.#destroy(link));
      socket.on('close', () => this.#destroy(link));
    }
  }

  #fromClient(link: Link, bytes: Buffer): void {
    if (this.#frozen) return;
    for (const unit of link.reader.push(bytes)) {
      const kind = requestKind(unit.body);
      if (kind === 'BEGIN') {
        link.inTransaction = true;
        this.stats.begins++;
      } else if (kind === 'COMMIT' || kind === 'ROLLBACK' || kind === 'RESET') link.inTransaction = false;
      else if (kind === 'RUN' && !link.inTransaction) {
        this.stats.autoCommits++;
        const fault = this.#autoCommitFault;
        if (fault) {
          this.#autoCommitFault = undefined;
          this.stats.faultsInjected++;
          if (fault === 'cut-before-commit') {
            this.#destroy(link);
            return;
          }
          // The PULL that makes the server run and commit the query travels with the RUN; replies
          // are dropped, and the connection is cut once the server had time to commit.
          link.swallowReplies = true;
          link.cutOnReply = false;
          setTimeout(() => this.#destroy(link), AUTO_COMMIT_GRACE_MS);
        }
      }
      if (isCommit(unit.body) && this.#commitFault) {
        const fault = this.#commitFault;
        this.#commitFault = undefined;
        this.stats.faultsInjected++;
        if (fault === 'cut-before-commit') {
          this.#destroy(link);
          return;
        }
        link.swallowReplies = true;
        this.stats.commitsForwarded++;
        // The COMMIT reaches the server, which commits; its reply (proof that it did) closes
        // the connection instead of reaching the client (see #fromServer).
        link.server.write(unit.raw);
        return;
      }
      if (isCommit(unit.body)) this.stats.commitsForwarded++;
      link.server.write(unit.raw);
    }
  }

  #fromServer(link: Link, bytes: Buffer): void {
    if (link.swallowReplies) {
      if (link.cutOnReply) this.#destroy(link);
      return;
    }
    if (this.#frozen) return;
    if (link.reader.awaitingServer) {
      link.greeting = Buffer.concat([link.greeting, bytes]);
      if (link.greeting.length < 4) return;
      link.reader.serverGreeting(link.greeting);
      link.client.write(link.greeting);
      // Client bytes that arrived with or after the handshake can be split now.
      this.#fromClient(link, Buffer.alloc(0));
      return;
    }
    link.client.write(bytes);
  }

  #destroy(link: Link): void {
    if (!this.#links.delete(link)) return;
    link.client.destroy();
    link.server.destroy();
  }
}
