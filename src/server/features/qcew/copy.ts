import type { Tx } from "../../../db/open.js";

/**
 * `COPY ... FROM STDIN` over a transaction's own connection, on either engine: the fastest way
 * into PostgreSQL, and the one the import is measured against.
 *
 * node-postgres has no COPY of its own; it accepts any "submittable" (what pg-copy-streams and
 * pg-cursor build on): an object that sends its query and receives the protocol's messages. This
 * one sends a whole CSV text once the server asks for it. PGlite reads COPY data from a Blob.
 */
export type CopyInto = (statement: string, csv: Buffer) => Promise<void>;

interface PgConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

interface PgClient {
  query(submittable: object): unknown;
}

interface PgliteClient {
  query(statement: string, params: unknown[], options: { blob: Blob }): Promise<unknown>;
}

/** The largest CopyData message sent at once (PostgreSQL accepts larger; this keeps each write modest). */
const CHUNK = 1 << 20;

class CopyFromText {
  readonly done: Promise<void>;
  private resolve!: () => void;
  private reject!: (error: unknown) => void;
  private failed = false;

  constructor(
    readonly text: string,
    private readonly data: Buffer,
  ) {
    this.done = new Promise<void>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  submit(connection: PgConnection) {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: PgConnection) {
    for (let start = 0; start < this.data.length; start += CHUNK)
      connection.sendCopyFromChunk(this.data.subarray(start, start + CHUNK));
    connection.endCopyFrom();
  }

  handleCommandComplete() {}

  handleReadyForQuery() {
    if (!this.failed) this.resolve();
  }

  handleError(error: unknown) {
    this.failed = true;
    this.reject(error);
  }

  // Messages a COPY FROM does not get; present so that an unexpected one does not throw in pg.
  handleRowDescription() {}
  handleDataRow() {}
  handleEmptyQuery() {}
  handlePortalSuspended() {}
  handleCopyData() {}
}

/** The COPY of this transaction's engine. */
export function copyInto(tx: Tx, engine: "pglite" | "postgres"): CopyInto {
  // Drizzle keeps the transaction's connection (pg's pool client, PGlite's transaction) here.
  const client = (tx as unknown as { session: { client: unknown } }).session.client;
  if (engine === "postgres") {
    const pg = client as PgClient;
    return async (statement, csv) => {
      const copy = new CopyFromText(`${statement} from stdin with (format csv)`, csv);
      void pg.query(copy);
      await copy.done;
    };
  }
  const pglite = client as PgliteClient;
  return async (statement, csv) => {
    await pglite.query(`${statement} from '/dev/blob' with (format csv)`, [], {
      blob: new Blob([new Uint8Array(csv)]),
    });
  };
}
