/**
 * The relay's store in one SQLite file (better-sqlite3). WAL with synchronous=FULL: a transaction is on disk when
 * commit returns, so a receipt sent after it is a promise kept. Envelopes are stored as the canonical bytes that
 * arrived (ciphertext and routing header only — the relay holds no key that opens them).
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { SignedCertificate, SignedEnrolmentRequest, SignedRevocationList } from '../../common/protocol/certificates';
import type { NewLogEntry, RelayStore, SenderState, StoredEnvelope, TreeNode } from './relay-store';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
  CREATE TABLE IF NOT EXISTS certificates (device_id TEXT PRIMARY KEY, body TEXT NOT NULL) STRICT;
  CREATE TABLE IF NOT EXISTS enrolments (device_id TEXT PRIMARY KEY, body TEXT NOT NULL, received_at INTEGER NOT NULL) STRICT;
  CREATE TABLE IF NOT EXISTS envelopes (
    idx INTEGER PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,
    sender TEXT NOT NULL,
    seq INTEGER NOT NULL,
    audience INTEGER NOT NULL,
    received_at INTEGER NOT NULL,
    body BLOB NOT NULL,
    UNIQUE (sender, seq)
  ) STRICT;
  CREATE TABLE IF NOT EXISTS senders (device_id TEXT PRIMARY KEY, seq INTEGER NOT NULL, hash TEXT NOT NULL) STRICT;
  CREATE TABLE IF NOT EXISTS tree (level INTEGER NOT NULL, idx INTEGER NOT NULL, hash BLOB NOT NULL, PRIMARY KEY (level, idx)) STRICT, WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS checkpoints (size INTEGER PRIMARY KEY, note TEXT NOT NULL) STRICT;
  CREATE TABLE IF NOT EXISTS cursors (device_id TEXT PRIMARY KEY, idx INTEGER NOT NULL) STRICT;
`;

export const DATABASE_FILE = 'relay.sqlite';

export function openSqliteStore(dataDir: string): RelayStore {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = new Database(path.join(dataDir, DATABASE_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);

  const statements = {
    getMeta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
    setMeta: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    deleteMeta: db.prepare('DELETE FROM meta WHERE key = ?'),
    putCertificate: db.prepare('INSERT INTO certificates (device_id, body) VALUES (?, ?) ON CONFLICT (device_id) DO UPDATE SET body = excluded.body'),
    listCertificates: db.prepare<[], { body: string }>('SELECT body FROM certificates ORDER BY device_id'),
    putEnrolment: db.prepare('INSERT INTO enrolments (device_id, body, received_at) VALUES (?, ?, ?) ON CONFLICT (device_id) DO UPDATE SET body = excluded.body, received_at = excluded.received_at'),
    listEnrolments: db.prepare<[], { body: string; received_at: number }>('SELECT body, received_at FROM enrolments ORDER BY received_at, device_id'),
    deleteEnrolment: db.prepare('DELETE FROM enrolments WHERE device_id = ?'),
    insertEnvelope: db.prepare('INSERT INTO envelopes (idx, hash, sender, seq, audience, received_at, body) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    upsertSender: db.prepare('INSERT INTO senders (device_id, seq, hash) VALUES (?, ?, ?) ON CONFLICT (device_id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash'),
    insertNode: db.prepare('INSERT OR REPLACE INTO tree (level, idx, hash) VALUES (?, ?, ?)'),
    insertCheckpoint: db.prepare('INSERT OR REPLACE INTO checkpoints (size, note) VALUES (?, ?)'),
    logSize: db.prepare<[], { size: number | null }>('SELECT MAX(idx) + 1 AS size FROM envelopes'),
    indexOfHash: db.prepare<[string], { idx: number }>('SELECT idx FROM envelopes WHERE hash = ?'),
    senderState: db.prepare<[string], { seq: number; hash: string }>('SELECT seq, hash FROM senders WHERE device_id = ?'),
    treeNode: db.prepare<[number, number], { hash: Buffer }>('SELECT hash FROM tree WHERE level = ? AND idx = ?'),
    latestCheckpoint: db.prepare<[], { note: string }>('SELECT note FROM checkpoints ORDER BY size DESC LIMIT 1'),
    // The stored bytes are UTF-8 JSON: read as text, they come out as the string a delivery sends.
    envelopesAfter: db.prepare<[number, number, number], { idx: number; json: string }>(
      'SELECT idx, CAST(body AS TEXT) AS json FROM envelopes WHERE idx > ? AND (audience & ?) != 0 ORDER BY idx LIMIT ?',
    ),
    getCursor: db.prepare<[string], { idx: number }>('SELECT idx FROM cursors WHERE device_id = ?'),
    setCursor: db.prepare('INSERT INTO cursors (device_id, idx) VALUES (?, ?) ON CONFLICT (device_id) DO UPDATE SET idx = MAX(idx, excluded.idx)'),
  };

  function writeCursors(cursors: ReadonlyMap<string, number>): void {
    for (const [deviceId, index] of cursors) statements.setCursor.run(deviceId, index);
  }

  const append = db.transaction((entries: readonly NewLogEntry[], nodes: readonly TreeNode[], checkpoint: { size: number; note: string }, cursors: ReadonlyMap<string, number>) => {
    let index = statements.logSize.get()?.size ?? 0;
    const lastOfSender = new Map<string, NewLogEntry>();
    for (const entry of entries) {
      statements.insertEnvelope.run(index, entry.hash, entry.sender, entry.seq, entry.audience, entry.receivedAt, entry.bytes);
      lastOfSender.set(entry.sender, entry);
      index += 1;
    }
    // Only each sender's last envelope in the batch is its chain's head.
    for (const entry of lastOfSender.values()) statements.upsertSender.run(entry.sender, entry.seq, entry.hash);
    for (const node of nodes) statements.insertNode.run(node.level, node.index, node.hash);
    statements.insertCheckpoint.run(checkpoint.size, checkpoint.note);
    writeCursors(cursors);
  });

  const advance = db.transaction(writeCursors);

  return {
    getMeta: (key) => statements.getMeta.get(key)?.value ?? null,
    setMeta: (key, value) => void statements.setMeta.run(key, value),
    deleteMeta: (key) => void statements.deleteMeta.run(key),

    putCertificate: (certificate: SignedCertificate) => void statements.putCertificate.run(certificate.body.deviceId, JSON.stringify(certificate)),
    listCertificates: () => statements.listCertificates.all().map((row) => JSON.parse(row.body) as SignedCertificate),
    getRevocationList: () => {
      const stored = statements.getMeta.get('revocations')?.value;
      return stored ? (JSON.parse(stored) as SignedRevocationList) : null;
    },
    putRevocationList: (list) => void statements.setMeta.run('revocations', JSON.stringify(list)),

    putEnrolment: (request: SignedEnrolmentRequest, receivedAt) => void statements.putEnrolment.run(request.body.deviceId, JSON.stringify(request), receivedAt),
    listEnrolments: () => statements.listEnrolments.all().map((row) => ({ request: JSON.parse(row.body) as SignedEnrolmentRequest, receivedAt: row.received_at })),
    deleteEnrolment: (deviceId) => void statements.deleteEnrolment.run(deviceId),

    appendToLog: (entries, nodes, checkpoint, cursors) => append.immediate(entries, nodes, checkpoint, cursors),
    logSize: () => statements.logSize.get()?.size ?? 0,
    indexOfHash: (hash) => statements.indexOfHash.get(hash)?.idx ?? null,
    senderState: (deviceId): SenderState | null => statements.senderState.get(deviceId) ?? null,
    treeNode: (level, index) => {
      const row = statements.treeNode.get(level, index);
      if (!row) throw new Error(`tree node ${level}/${index} missing`);
      return new Uint8Array(row.hash);
    },
    latestCheckpoint: () => statements.latestCheckpoint.get()?.note ?? null,
    envelopesAfter: (afterIndex, audienceMask, limit): StoredEnvelope[] =>
      statements.envelopesAfter.all(afterIndex, audienceMask, limit).map((row) => ({ index: row.idx, json: row.json })),

    getCursor: (deviceId) => statements.getCursor.get(deviceId)?.idx ?? -1,
    advanceCursors: (cursors) => advance(cursors),

    close: () => db.close(),
  };
}
