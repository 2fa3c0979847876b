import { randomUUID } from 'node:crypto';
import pg from 'pg';

/** Where migration 012 NOTIFYs the id of a pilot whose `data_version` is new, changed or gone. */
export const VERSION_CHANNEL = 'wegwijzer_pilot_version';
/** Where each instance's listener proves to itself that it has heard everything up to now. */
const PING_CHANNEL = 'wegwijzer_version_ping';
/** How often the listener proves that; a ping costs one tiny autocommitted NOTIFY. */
const PING_MS = 200;
/**
 * The staleness bound (docs/adr/0012-serving-caches.md): a remembered version is used only while
 * the listener has heard back, within this long, a ping it sent. PostgreSQL delivers
 * notifications in commit order, so by then it has heard of every commit before that ping; a
 * stalled or lagging listener makes every read ask the database again.
 */
export const VERSION_MAX_LAG_MS = 1_000;
/** Wait before connecting again after the listener connection failed or was dropped. */
const RECONNECT_MS = 1_000;
/** Remembered pilots at most; a pilot beyond that is asked for, as without the watch. */
const MAX_PILOTS = 10_000;

/**
 * The committed `data_version` of each pilot an instance serves, kept in memory on PostgreSQL
 * and told of every change by the database: a dedicated connection LISTENs for the pilot ids
 * migration 012 NOTIFYs at commit, and each forgets that pilot's version until it is read again.
 * While the listener is down, connecting, or has not confirmed a ping within
 * `VERSION_MAX_LAG_MS`, every read asks the database, as before.
 */
export class PilotVersionWatch {
  readonly #config: pg.ClientConfig;
  readonly #nonce = randomUUID();
  readonly #known = new Map<string, number>();
  /** Notifications heard per pilot, so a read that raced one is not remembered. */
  readonly #heard = new Map<string, number>();
  /** Bumped whenever everything is forgotten, for the same reason. */
  #epoch = 0;
  #client: pg.Client | null = null;
  #starting = false;
  #closed = false;
  /** No new listener before this (`performance.now()`): a database that refuses is not hammered. */
  #retryAt = 0;
  #timer: NodeJS.Timeout | null = null;
  /** Send time (`performance.now()`) of the latest of our own pings heard back. */
  #confirmed = -Infinity;
  /** Reads answered from the database rather than from memory: for tests and diagnosis. */
  queries = 0;

  constructor(config: pg.ClientConfig) {
    this.#config = config;
  }

  /** True while remembered versions may be used: the listener is up and recently confirmed. */
  get current(): boolean {
    return this.#client !== null && performance.now() - this.#confirmed <= VERSION_MAX_LAG_MS;
  }

  /** The backend process id of the listener connection, or null while there is none. */
  get listenerPid(): number | null {
    return (this.#client as unknown as { processID?: number } | null)?.processID ?? null;
  }

  /** The pilot's committed version when it is remembered and may be used now; else undefined. */
  remembered(pilotId: string): number | undefined {
    this.#start();
    return this.current ? this.#known.get(pilotId) : undefined;
  }

  /**
   * The pilot's committed version: from memory when current, else from `read` (which asks the
   * database) and remembered, unless a change was heard or everything forgotten meanwhile.
   */
  async version(pilotId: string, read: () => Promise<number | null>): Promise<number | null> {
    this.#start();
    if (this.current) {
      const known = this.#known.get(pilotId);
      if (known !== undefined) return known;
    }
    const epoch = this.#epoch;
    const heard = this.#heard.get(pilotId) ?? 0;
    this.queries++;
    const version = await read();
    if (
      version !== null &&
      this.#client !== null &&
      epoch === this.#epoch &&
      heard === (this.#heard.get(pilotId) ?? 0) &&
      (this.#known.has(pilotId) || this.#known.size < MAX_PILOTS)
    )
      this.#known.set(pilotId, version);
    return version;
  }

  /** Forgets every version: after this instance's own writes, before their notifications come. */
  forget(): void {
    this.#epoch++;
    this.#known.clear();
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearInterval(this.#timer);
    const client = this.#client;
    this.#drop(client);
    await client?.end().catch(() => undefined);
  }

  #start(): void {
    if (this.#client || this.#starting || this.#closed || performance.now() < this.#retryAt) return;
    this.#starting = true;
    const client = new pg.Client(this.#config);
    client.on('notification', (n) => this.#heardOf(n));
    client.on('error', () => this.#lost(client));
    client.on('end', () => this.#lost(client));
    void (async () => {
      try {
        await client.connect();
        // Listening before any version is remembered: no commit falls between a read and LISTEN.
        await client.query(`LISTEN ${VERSION_CHANNEL}`);
        await client.query(`LISTEN ${PING_CHANNEL}`);
        if (this.#closed) {
          await client.end();
          return;
        }
        this.forget();
        this.#client = client;
        this.#ping();
        this.#timer ??= setInterval(() => this.#ping(), PING_MS).unref();
      } catch {
        this.#lost(client);
      } finally {
        this.#starting = false;
      }
    })();
  }

  #ping(): void {
    const client = this.#client;
    if (!client) return;
    client
      .query('SELECT pg_notify($1, $2)', [PING_CHANNEL, `${this.#nonce} ${performance.now()}`])
      .catch(() => this.#lost(client));
  }

  #heardOf(n: pg.Notification): void {
    if (n.channel === PING_CHANNEL) {
      const [nonce, sent] = (n.payload ?? '').split(' ');
      if (nonce === this.#nonce) this.#confirmed = Math.max(this.#confirmed, Number(sent));
      return;
    }
    const pilotId = n.payload ?? '';
    this.#heard.set(pilotId, (this.#heard.get(pilotId) ?? 0) + 1);
    this.#known.delete(pilotId);
  }

  /** The listener is gone: nothing remembered is trusted; a read after a while starts another. */
  #lost(client: pg.Client): void {
    if (this.#client === client || this.#client === null)
      this.#retryAt = performance.now() + RECONNECT_MS;
    this.#drop(client);
    client.end().catch(() => undefined);
  }

  #drop(client: pg.Client | null): void {
    if (client && this.#client === client) {
      this.#client = null;
      this.#confirmed = -Infinity;
      this.forget();
    }
  }
}
