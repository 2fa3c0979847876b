import type { Role } from '@wegwijzer/domain';
import type { Store, Tx } from '@wegwijzer/db';
import type { Config } from '../config.ts';
import type { ActorCache } from '../auth/actor-cache.ts';
import type { ReplyCache } from '../cache/replies.ts';
import type { ExportFileCache } from '../cache/export-files.ts';

/** The acting user, resolved from a session cookie or a bearer token. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Pilots granted to this user; admins see every pilot (a demo admin: every synthetic one). */
  pilots: ReadonlySet<string>;
  /** One of the demo accounts, whose passwords are public: confined to synthetic pilots (SPEC §6). */
  demo: boolean;
  via: 'session' | 'token';
  /** The token a token-borne request came with, and when it ends (null: never). */
  token?: { id: string; expiresAt: string | null };
}

export interface Deps {
  store: Store;
  config: Config;
  /** Key of researchers' pseudonyms, kept in the database so it survives restarts. */
  pseudonymKey: string;
  /** Sessions and tokens resolved in the last seconds (auth/actor-cache.ts). */
  actors: ActorCache;
  /** Serialized replies keyed by their pilot's data version (cache/replies.ts). */
  replies: ReplyCache;
  /** The deflated files of recent cohort exports (cache/export-files.ts). */
  exportFiles: ExportFileCache;
}

export interface AppEnv {
  Variables: {
    deps: Deps;
    actor: Actor | null;
    requestId: string;
    clientRequestId: string | null;
    /** Set when this request's reply was put in the reply cache (cache/replies.ts). */
    replyKey?: string;
  };
}

/** What a use case gets: storage, settings, who acts, and the request id for the audit log. */
export interface UseCaseCtx extends Deps {
  actor: Actor;
  requestId: string;
  clientRequestId: string | null;
  /** The transaction the use case runs in, set by `withTransaction` (usecases/context.ts). */
  tx?: Tx;
}
