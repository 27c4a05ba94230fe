#!/usr/bin/env node
// Independent client for the Liaison Hotline protocol, version 1.
//
// Written from electron/common/protocol/PROTOCOL.md ALONE (no project code is read or imported) to test whether the
// document is enough to interoperate with the relay. Only node: built-ins, `ws` and `libsodium-wrappers-sumo`.
//
//   node test/interop/independent-client.mjs --url ws://127.0.0.1:PORT/ --token BIND_TOKEN
//
// Prints one JSON line per step {"step","ok","detail"}; exits 0 only if every step passed, 1 otherwise.
// Every wait has a timeout and the whole run is limited to 60 s.

import { parseArgs } from 'node:util';
import { TextEncoder, TextDecoder } from 'node:util';
import WebSocket from 'ws';
import sodium from 'libsodium-wrappers-sumo';

const RUN_LIMIT_MS = 60_000;
const WAIT_MS = 8_000;

const startedAt = Date.now();
let failed = false;
const runTimer = setTimeout(() => {
  emit('run', false, `global limit of ${RUN_LIMIT_MS / 1000} s exceeded; aborting`);
  process.exit(1);
}, RUN_LIMIT_MS);

function emit(step, ok, detail) {
  if (!ok) failed = true;
  process.stdout.write(JSON.stringify({ step, ok, detail }) + '\n');
}

class CheckError extends Error {}
function check(cond, msg) {
  if (!cond) throw new CheckError(msg);
}

function withTimeout(promise, ms, what) {
  let t;
  const timeout = new Promise((_, reject) => {
    t = setTimeout(() => reject(new CheckError(`timeout after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(t));
}

// ---------------------------------------------------------------------------------------------------------------
// §2 Encodings

const enc = new TextEncoder();
const dec = new TextDecoder('utf-8', { fatal: true });
const utf8 = (s) => enc.encode(s);

function concat(...parts) {
  const n = parts.reduce((a, p) => a + p.length, 0);
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function bytesEqual(a, b) {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a[i] ^ b[i];
  return d === 0;
}

const b64u = (bytes) => Buffer.from(bytes).toString('base64url'); // Node writes no padding for base64url

/** Strict base64url decoding per §2: no padding, no + or /, canonical trailing bits, optional fixed length. */
function fromB64u(s, len, what = 'value') {
  check(typeof s === 'string', `${what}: not a string`);
  check(/^[A-Za-z0-9_-]*$/.test(s), `${what}: not unpadded base64url: ${JSON.stringify(s)}`);
  check(s.length % 4 !== 1, `${what}: impossible base64url length`);
  const bytes = new Uint8Array(Buffer.from(s, 'base64url'));
  check(b64u(bytes) === s, `${what}: non-canonical base64url`);
  if (len !== undefined) check(bytes.length === len, `${what}: expected ${len} bytes, got ${bytes.length}`);
  return bytes;
}

/** Strict standard base64 with padding (checkpoints, §2/§6). */
function fromB64Std(s, what = 'value') {
  check(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s), `${what}: not padded std base64`);
  const bytes = new Uint8Array(Buffer.from(s, 'base64'));
  check(Buffer.from(bytes).toString('base64') === s, `${what}: non-canonical base64`);
  return bytes;
}

/** Canonical JSON (RFC 8785 restricted as in §2). */
function canonicalJSON(v) {
  if (v === null) return 'null';
  if (v === true) return 'true';
  if (v === false) return 'false';
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v) || Object.is(v, -0)) throw new Error(`canonicalJSON: number not allowed: ${v}`);
    return String(v);
  }
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return '[' + v.map(canonicalJSON).join(',') + ']';
  if (typeof v === 'object') {
    const keys = Object.keys(v).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)); // UTF-16 code-unit order
    const parts = [];
    for (const k of keys) {
      if (v[k] === undefined) throw new Error(`canonicalJSON: member ${k} is undefined`);
      parts.push(JSON.stringify(k) + ':' + canonicalJSON(v[k]));
    }
    return '{' + parts.join(',') + '}';
  }
  throw new Error(`canonicalJSON: unsupported value of type ${typeof v}`);
}

const signingInput = (context, value) => utf8(`liaison-hotline/v1/${context}\n` + canonicalJSON(value));
const sha256 = (bytes) => sodium.crypto_hash_sha256(bytes);
const codeUnitCompare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

// ---------------------------------------------------------------------------------------------------------------
// §3 Identities

const channelIdOf = (rootPk) => b64u(sha256(concat(utf8('liaison-hotline/v1/channel-id\n'), rootPk)).slice(0, 16));
const deviceIdOf = (signPk) => b64u(sha256(concat(utf8('liaison-hotline/v1/device-id\n'), signPk)).slice(0, 16));

function fingerprint(signPk, boxPk) {
  const D = sha256(concat(utf8('liaison-hotline/v1/fingerprint\n'), signPk, boxPk));
  const groups = [];
  for (let g = 0; g < 6; g++) {
    let n = 0n;
    for (let i = 0; i < 5; i++) n = (n << 8n) | BigInt(D[5 * g + i]);
    groups.push(String(n % 100000n).padStart(5, '0'));
  }
  return groups.join(' ');
}

const POSTS = ['IL', 'SY', 'US'];
const ROLES = ['officer', 'supervisor', 'translator'];

function isSortedUnique(list) {
  for (let i = 1; i < list.length; i++) if (codeUnitCompare(list[i - 1], list[i]) >= 0) return false;
  return true;
}

function makeDevice(post, roles, name) {
  const sign = sodium.crypto_sign_keypair();
  const box = sodium.crypto_box_keypair();
  return {
    post,
    roles,
    name,
    signPk: sign.publicKey,
    signSk: sign.privateKey,
    boxPk: box.publicKey,
    boxSk: box.privateKey,
    deviceId: deviceIdOf(sign.publicKey),
  };
}

function signObject(context, body, sk) {
  return { body, sig: b64u(sodium.crypto_sign_detached(signingInput(context, body), sk)) };
}

function exactMembers(obj, required, optional = [], what = 'object') {
  check(obj !== null && typeof obj === 'object' && !Array.isArray(obj), `${what}: not an object`);
  for (const k of required) check(Object.hasOwn(obj, k), `${what}: missing member ${k}`);
  for (const k of Object.keys(obj))
    check(required.includes(k) || optional.includes(k), `${what}: unknown member ${k}`);
}

function isTime(t) {
  return Number.isSafeInteger(t) && t >= 0;
}

function checkName(name, what) {
  check(typeof name === 'string', `${what}: name not a string`);
  check(name.isWellFormed(), `${what}: name has lone surrogates`);
  const cps = [...name];
  check(cps.length >= 1 && cps.length <= 64, `${what}: name length`);
  check(name.trim().length > 0, `${what}: name only white space`);
  // eslint-disable-next-line no-control-regex -- the spec's forbidden characters include C0 controls
  check(!/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/.test(name), `${what}: forbidden chars`);
}

/** §4.1: verify a signed device certificate under the channel root. Returns the body. */
function verifyCertificate(signed, rootPk, channelId, what = 'certificate') {
  exactMembers(signed, ['body', 'sig'], [], what);
  const b = signed.body;
  exactMembers(
    b,
    ['type', 'v', 'channel', 'deviceId', 'post', 'roles', 'name', 'signKey', 'boxKey', 'notBefore', 'notAfter'],
    [],
    `${what}.body`,
  );
  check(b.type === 'device-certificate' && b.v === 1, `${what}: wrong type/v`);
  check(b.channel === channelId, `${what}: wrong channel`);
  const signPk = fromB64u(b.signKey, 32, `${what}.signKey`);
  fromB64u(b.boxKey, 32, `${what}.boxKey`);
  check(b.deviceId === deviceIdOf(signPk), `${what}: deviceId not derived from signKey`);
  check(POSTS.includes(b.post), `${what}: bad post`);
  check(Array.isArray(b.roles) && b.roles.length > 0 && isSortedUnique(b.roles), `${what}: roles not sorted/unique`);
  check(b.roles.every((r) => ROLES.includes(r)), `${what}: unknown role`);
  checkName(b.name, what);
  check(isTime(b.notBefore) && isTime(b.notAfter) && b.notBefore < b.notAfter, `${what}: bad validity`);
  const sig = fromB64u(signed.sig, 64, `${what}.sig`);
  check(sodium.crypto_sign_verify_detached(sig, signingInput('device-certificate', b), rootPk), `${what}: bad root signature`);
  return b;
}

function isCurrent(certBody, t, revocations) {
  if (!(certBody.notBefore <= t && t < certBody.notAfter)) return false;
  if (revocations && revocations.body.revoked.some((r) => r.deviceId === certBody.deviceId)) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// §6 RFC 9162 Merkle tree (own implementation)

const EMPTY_ROOT = () => sha256(new Uint8Array(0));
const leafHash = (d) => sha256(concat(Uint8Array.of(0), d));
const nodeHash = (l, r) => sha256(concat(Uint8Array.of(1), l, r));

function largestPow2Below(n) {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}
// MTH over leaf hashes (for the self-test)
function mth(leaves) {
  if (leaves.length === 0) return EMPTY_ROOT();
  if (leaves.length === 1) return leaves[0];
  const k = largestPow2Below(leaves.length);
  return nodeHash(mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}
function pathOf(m, leaves) {
  if (leaves.length <= 1) return [];
  const k = largestPow2Below(leaves.length);
  if (m < k) return [...pathOf(m, leaves.slice(0, k)), mth(leaves.slice(k))];
  return [...pathOf(m - k, leaves.slice(k)), mth(leaves.slice(0, k))];
}
function subproof(m, leaves, b) {
  const n = leaves.length;
  if (m === n) return b ? [] : [mth(leaves)];
  const k = largestPow2Below(n);
  if (m <= k) return [...subproof(m, leaves.slice(0, k), b), mth(leaves.slice(k))];
  return [...subproof(m - k, leaves.slice(k), false), mth(leaves.slice(0, k))];
}

/** RFC 9162 §2.1.3.2 */
function verifyInclusion(index, size, leaf, proof, root) {
  if (!(index < size)) return false;
  let fn = BigInt(index);
  let sn = BigInt(size - 1);
  let r = leaf;
  for (const p of proof) {
    if (sn === 0n) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      r = nodeHash(p, r);
      if ((fn & 1n) === 0n) {
        while ((fn & 1n) === 0n && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n && bytesEqual(r, root);
}

/** RFC 9162 §2.1.4.2 */
function verifyConsistency(first, second, firstHash, secondHash, proof) {
  if (first > second) return false;
  if (first === second) return proof.length === 0 && bytesEqual(firstHash, secondHash);
  if (first === 0) return false; // proves nothing; never served (§6)
  let path = proof.slice();
  if ((first & (first - 1)) === 0) path = [firstHash, ...path];
  if (path.length === 0) return false;
  let fn = BigInt(first - 1);
  let sn = BigInt(second - 1);
  if ((fn & 1n) === 1n) {
    while ((fn & 1n) === 1n) {
      fn >>= 1n;
      sn >>= 1n;
    }
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0n) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if ((fn & 1n) === 0n) {
        while ((fn & 1n) === 0n && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return bytesEqual(fr, firstHash) && bytesEqual(sr, secondHash) && sn === 0n;
}

function merkleSelfTest() {
  const leaves = [];
  for (let i = 0; i < 33; i++) leaves.push(leafHash(utf8(`leaf ${i}`)));
  let checks = 0;
  for (let n = 1; n <= leaves.length; n++) {
    const tree = leaves.slice(0, n);
    const root = mth(tree);
    for (let m = 0; m < n; m++) {
      check(verifyInclusion(m, n, tree[m], pathOf(m, tree), root), `self-test inclusion ${m}/${n}`);
      const bad = pathOf(m, tree);
      if (bad.length) {
        bad[0] = sha256(bad[0]);
        check(!verifyInclusion(m, n, tree[m], bad, root), `self-test tampered inclusion accepted ${m}/${n}`);
      }
      checks++;
    }
    for (let m = 1; m <= n; m++) {
      const proof = m === n ? [] : subproof(m, tree, true);
      check(verifyConsistency(m, n, mth(tree.slice(0, m)), root, proof), `self-test consistency ${m}->${n}`);
      if (m < n) check(!verifyConsistency(m, n, mth(tree.slice(0, m)), sha256(root), proof), `self-test bad root ${m}->${n}`);
      checks++;
    }
  }
  return checks;
}

// ---------------------------------------------------------------------------------------------------------------
// §6 Checkpoints

function parseAndVerifyCheckpoint(text, relayPk, channelId) {
  check(typeof text === 'string', 'checkpoint: not a string');
  check(text.endsWith('\n'), 'checkpoint: does not end with a newline');
  const split = text.indexOf('\n\n');
  check(split > 0, 'checkpoint: no blank line');
  const body = text.slice(0, split + 1);
  const bodyLines = body.split('\n');
  check(bodyLines.length === 4 && bodyLines[3] === '', `checkpoint: body is not three lines: ${JSON.stringify(body)}`);
  const [origin, sizeText, rootText] = bodyLines;
  const expectedOrigin = `liaison-hotline.relay/${channelId}`;
  check(origin === expectedOrigin, `checkpoint: origin ${JSON.stringify(origin)} != ${JSON.stringify(expectedOrigin)}`);
  check(/^(0|[1-9][0-9]*)$/.test(sizeText), 'checkpoint: size not decimal');
  const size = Number(sizeText);
  check(Number.isSafeInteger(size), 'checkpoint: size too large');
  const root = fromB64Std(rootText, 'checkpoint root');
  check(root.length === 32, 'checkpoint: root not 32 bytes');
  if (size === 0) check(bytesEqual(root, EMPTY_ROOT()), 'checkpoint: size 0 but root is not SHA-256("")');

  const sigLines = text.slice(split + 2, -1).split('\n');
  check(sigLines.length >= 1 && sigLines[0] !== '', 'checkpoint: no signature line');
  const keyId = sha256(concat(utf8(origin + '\n'), Uint8Array.of(1), relayPk)).slice(0, 4);
  let verified = false;
  for (const line of sigLines) {
    check(line.startsWith('\u2014 '), 'checkpoint: signature line does not start with EM DASH + space');
    const rest = line.slice(2);
    const sp = rest.lastIndexOf(' ');
    check(sp > 0, 'checkpoint: malformed signature line');
    const name = rest.slice(0, sp);
    const blob = fromB64Std(rest.slice(sp + 1), 'checkpoint signature');
    if (name !== origin || blob.length !== 68 || !bytesEqual(blob.slice(0, 4), keyId)) continue;
    if (sodium.crypto_sign_verify_detached(blob.slice(4), utf8(body), relayPk)) verified = true;
  }
  check(verified, 'checkpoint: no valid relay signature for the pinned relay key');
  return { size, root, text };
}

// ---------------------------------------------------------------------------------------------------------------
// §7 Transport

const RELAY_FRAMES = {
  challenge: [['v', 'nonce', 'relay', 'channel', 'expiresAt']],
  bound: [['channel', 'relay']],
  ready: [['device', 'cursor', 'checkpoint']],
  receipt: [['hash', 'index', 'checkpoint']],
  deliver: [['index', 'envelope']],
  checkpoint: [['checkpoint']],
  inclusion: [['index', 'size', 'proof']],
  consistency: [['from', 'to', 'proof']],
  directory: [['certificates', 'revocations']],
  'enrol-received': [['deviceId']],
  enrolments: [['requests']],
  'enrolment-refused': [['deviceId']],
  certificate: [['deviceId', 'certificate']],
  published: [['deviceId']],
  'revocations-published': [['number']],
  error: [['code', 'message'], ['ref']],
};

let ridCounter = 0;

class Conn {
  constructor(url, label) {
    this.url = url;
    this.label = label;
    this.pending = new Map();
    this.deliveries = [];
    this.deliveryWaiters = [];
    this.unsolicited = [];
    this.problems = [];
    this.closed = false;
  }

  static async open(url, label) {
    const c = new Conn(url, label);
    const ws = new WebSocket(url);
    c.ws = ws;
    ws.on('message', (data, isBinary) => c.onMessage(data, isBinary));
    ws.on('close', (code) => {
      c.closed = true;
      c.closeCode = code;
      for (const [, p] of c.pending) p.reject(new CheckError(`${label}: connection closed (code ${code})`));
      c.pending.clear();
    });
    ws.on('error', () => {});
    await withTimeout(
      new Promise((resolve, reject) => {
        ws.once('open', resolve);
        ws.once('error', (e) => reject(new CheckError(`${label}: cannot connect to ${url}: ${e.message}`)));
      }),
      WAIT_MS,
      `${label}: WebSocket open`,
    );
    return c;
  }

  onMessage(data, isBinary) {
    if (isBinary) {
      this.problems.push('relay sent a binary message');
      return;
    }
    let f;
    try {
      f = JSON.parse(data.toString('utf8'));
    } catch {
      this.problems.push('relay sent non-JSON');
      return;
    }
    const shape = RELAY_FRAMES[f?.type];
    if (!shape) this.problems.push(`relay sent unknown frame type ${f?.type}`);
    else {
      try {
        exactMembers(f, ['type', ...shape[0]], [...(shape[1] ?? []), ...(f.type === 'deliver' ? [] : ['rid'])], `${f.type} frame`);
      } catch (e) {
        this.problems.push(e.message);
      }
    }
    if (f.rid !== undefined && this.pending.has(f.rid)) {
      const p = this.pending.get(f.rid);
      this.pending.delete(f.rid);
      p.resolve(f);
    } else if (f.type === 'deliver') {
      const w = this.deliveryWaiters.shift();
      if (w) w(f);
      else this.deliveries.push(f);
    } else {
      this.unsolicited.push(f);
    }
  }

  send(frame) {
    this.ws.send(JSON.stringify(frame));
  }

  /** Send a request with a fresh rid; resolve with the answer frame (or error frame) carrying that rid. */
  request(frame, ms = WAIT_MS) {
    const rid = `r${++ridCounter}`;
    const p = new Promise((resolve, reject) => this.pending.set(rid, { resolve, reject }));
    this.send({ ...frame, rid });
    return withTimeout(p, ms, `${this.label}: answer to ${frame.type} (rid ${rid})`).finally(() => this.pending.delete(rid));
  }

  async expect(frame, type, ms) {
    const a = await this.request(frame, ms);
    check(this.problems.length === 0, `${this.label}: frame problems: ${this.problems.join('; ')}`);
    check(
      a.type === type,
      `${this.label}: ${frame.type} answered ${a.type}${a.type === 'error' ? ` ${a.code} (${a.message})` : ''}, expected ${type}`,
    );
    return a;
  }

  async expectError(frame, code, ms) {
    const a = await this.request(frame, ms);
    check(a.type === 'error', `${this.label}: ${frame.type} answered ${a.type}, expected error ${code}`);
    check(a.code === code, `${this.label}: ${frame.type} answered error ${a.code} (${a.message}), expected ${code}`);
    return a;
  }

  nextDelivery(ms = WAIT_MS) {
    if (this.deliveries.length) return Promise.resolve(this.deliveries.shift());
    const p = new Promise((resolve) => this.deliveryWaiters.push(resolve));
    return withTimeout(p, ms, `${this.label}: deliver frame`);
  }

  close() {
    try {
      this.ws.close();
    } catch {
      // already closed
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// §5 Envelopes

function envelopeHash(env) {
  return leafHash(utf8(canonicalJSON(env)));
}

function sealEnvelope({ sender, seq, prev, recipients, plaintext, devices }) {
  const header = {
    v: 1,
    id: b64u(sodium.randombytes_buf(16)),
    kind: 'message',
    sender: sender.deviceId,
    senderPost: sender.post,
    recipients,
    createdAt: Date.now(),
    seq,
    prev,
  };
  const key = sodium.crypto_aead_xchacha20poly1305_ietf_keygen();
  const nonce = sodium.randombytes_buf(24);
  const ct = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
    utf8(plaintext),
    signingInput('envelope-header', header),
    null,
    nonce,
    key,
  );
  const keys = devices
    .map((d) => ({ device: d.deviceId, sealed: b64u(sodium.crypto_box_seal(key, fromB64u(d.boxKey, 32))) }))
    .sort((a, b) => codeUnitCompare(a.device, b.device));
  const unsigned = { header, keys, nonce: b64u(nonce), ciphertext: b64u(ct) };
  const sig = b64u(sodium.crypto_sign_detached(signingInput('envelope', unsigned), sender.signSk));
  return { ...unsigned, sig };
}

/** A receiving device verifies and opens an envelope (§5 "Opening"). */
function openEnvelope(env, me, certsById, chainState) {
  exactMembers(env, ['header', 'keys', 'nonce', 'ciphertext', 'sig'], [], 'envelope');
  const h = env.header;
  exactMembers(h, ['v', 'id', 'kind', 'sender', 'senderPost', 'recipients', 'createdAt', 'seq', 'prev'], [], 'header');
  check(h.v === 1, 'header.v');
  fromB64u(h.id, 16, 'header.id');
  check(Array.isArray(h.recipients) && h.recipients.length > 0 && isSortedUnique(h.recipients), 'recipients sorted');
  const cert = certsById.get(h.sender);
  check(cert, `sender ${h.sender} has no certificate in the directory`);
  check(isCurrent(cert, Date.now(), null), 'sender certificate not current');
  check(cert.post === h.senderPost, 'senderPost differs from the certificate');
  const sig = fromB64u(env.sig, 64, 'envelope.sig');
  const { sig: _s, ...unsigned } = env;
  check(
    sodium.crypto_sign_verify_detached(sig, signingInput('envelope', unsigned), fromB64u(cert.signKey, 32)),
    'sender signature does not verify',
  );
  // chain
  const last = chainState.get(h.sender) ?? { seq: 0, hash: null };
  check(h.seq === last.seq + 1, `sender chain: seq ${h.seq} after ${last.seq}`);
  check(h.prev === last.hash, 'sender chain: prev does not match the previous envelope hash');
  chainState.set(h.sender, { seq: h.seq, hash: b64u(envelopeHash(env)) });
  // keys
  check(isSortedUnique(env.keys.map((k) => k.device)), 'keys not sorted by device');
  const mine = env.keys.find((k) => k.device === me.deviceId);
  check(mine, `no sealed key for ${me.deviceId}`);
  const sealed = fromB64u(mine.sealed, 80, 'sealed');
  let key;
  try {
    key = sodium.crypto_box_seal_open(sealed, me.boxPk, me.boxSk);
  } catch {
    throw new CheckError('sealed box does not open');
  }
  let pt;
  try {
    pt = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      fromB64u(env.ciphertext, undefined, 'ciphertext'),
      signingInput('envelope-header', h),
      fromB64u(env.nonce, 24, 'nonce'),
      key,
    );
  } catch {
    throw new CheckError('AEAD decryption failed');
  }
  return dec.decode(pt);
}

// ---------------------------------------------------------------------------------------------------------------
// Run

const { values: args } = parseArgs({ options: { url: { type: 'string' }, token: { type: 'string' } } });
if (!args.url || !args.token) {
  process.stderr.write('usage: node test/interop/independent-client.mjs --url ws://HOST:PORT/ --token BIND_TOKEN\n');
  process.exit(2);
}

await sodium.ready;

const S = {}; // shared state between steps
const conns = [];
const steps = [];
const step = (name, fn) => steps.push({ name, fn });

async function openConn(label) {
  const c = await Conn.open(args.url, label);
  conns.push(c);
  return c;
}

/** hello → challenge, checking the relay key against the pinned one. */
async function hello(c) {
  const ch = await c.expect({ type: 'hello', v: 1 }, 'challenge');
  check(ch.v === 1, 'challenge.v != 1');
  fromB64u(ch.nonce, 32, 'challenge.nonce');
  const relayPk = fromB64u(ch.relay, 32, 'challenge.relay');
  check(isTime(ch.expiresAt) && ch.expiresAt > Date.now() - 5000, 'challenge.expiresAt not in the future');
  if (S.relayPk) check(bytesEqual(relayPk, S.relayPk), 'relay key differs from the pinned one');
  if (S.bound) check(ch.channel === S.channelId, `challenge.channel ${ch.channel} != ${S.channelId}`);
  return ch;
}

function authFrame(device, nonce) {
  const body = { purpose: 'relay-auth', nonce, relay: b64u(S.relayPk), channel: S.channelId, device: device.deviceId };
  return { type: 'auth', device: device.deviceId, nonce, sig: b64u(sodium.crypto_sign_detached(signingInput('relay-auth', body), device.signSk)) };
}

const checkpointsSeen = []; // in the order seen
function acceptCheckpoint(text, what) {
  const cp = parseAndVerifyCheckpoint(text, S.relayPk, S.channelId);
  const last = checkpointsSeen.at(-1);
  if (last) check(cp.size >= last.size, `${what}: checkpoint size ${cp.size} below earlier ${last.size}`);
  if (last && cp.size === last.size) check(bytesEqual(cp.root, last.root), `${what}: same size, different root`);
  checkpointsSeen.push(cp);
  return cp;
}

async function authenticate(label, device) {
  const c = await openConn(label);
  const ch = await hello(c);
  const ready = await c.expect(authFrame(device, ch.nonce), 'ready');
  check(ready.device === device.deviceId, 'ready.device');
  check(Number.isSafeInteger(ready.cursor) && ready.cursor >= -1, 'ready.cursor');
  const cp = acceptCheckpoint(ready.checkpoint, 'ready');
  return { c, ready, cp, nonce: ch.nonce };
}

function certBody(device, now) {
  return {
    type: 'device-certificate',
    v: 1,
    channel: S.channelId,
    deviceId: device.deviceId,
    post: device.post,
    roles: device.roles,
    name: device.name,
    signKey: b64u(device.signPk),
    boxKey: b64u(device.boxPk),
    notBefore: now - 60_000,
    notAfter: now + 365 * 24 * 3600_000,
  };
}

// ---- steps -----------------------------------------------------------------------------------------------------

step('merkle-selftest', async () => {
  const n = merkleSelfTest();
  return `own RFC 9162 inclusion/consistency verifiers agree with own tree builder on ${n} proofs (sizes 1..33)`;
});

step('bind', async () => {
  const root = sodium.crypto_sign_keypair();
  S.rootPk = root.publicKey;
  S.rootSk = root.privateKey;
  S.channelId = channelIdOf(S.rootPk);
  const c = await openConn('desk-bind');
  S.bindConn = c;
  const ch = await hello(c);
  check(ch.channel === null, `unbound relay announced channel ${ch.channel}`);
  S.relayPk = fromB64u(ch.relay, 32, 'relay key');
  const body = { purpose: 'relay-bind', token: args.token, relay: ch.relay, root: b64u(S.rootPk) };
  const bound = await c.expect(
    { type: 'bind', token: args.token, root: b64u(S.rootPk), sig: b64u(sodium.crypto_sign_detached(signingInput('relay-bind', body), S.rootSk)) },
    'bound',
  );
  check(bound.channel === S.channelId, `bound.channel ${bound.channel} != own ${S.channelId}`);
  check(bound.relay === ch.relay, 'bound.relay differs from the challenge');
  S.bound = true;
  // a second bind must be refused
  const again = await c.request({ type: 'bind', token: args.token, root: b64u(S.rootPk), sig: b64u(sodium.crypto_sign_detached(signingInput('relay-bind', body), S.rootSk)) });
  check(again.type === 'error' && again.code === 'already-bound', `second bind answered ${again.type} ${again.code}`);
  return `channel ${S.channelId} bound to relay ${ch.relay}; second bind refused with already-bound`;
});

step('health', async () => {
  const u = new URL(args.url);
  u.protocol = u.protocol === 'wss:' ? 'https:' : 'http:';
  u.pathname = '/health';
  const ctl = AbortSignal.timeout(WAIT_MS);
  const res = await fetch(u, { signal: ctl });
  check(res.ok, `GET /health status ${res.status}`);
  const h = await res.json();
  check(h.status === 'ok' && h.state === 'bound', `health: ${JSON.stringify(h)}`);
  check(h.relay === b64u(S.relayPk) && h.channel === S.channelId && h.logSize === 0, `health: ${JSON.stringify(h)}`);
  return JSON.stringify(h);
});

step('certificates', async () => {
  const now = Date.now();
  S.il = makeDevice('IL', ['officer'], 'קצין קישור ישראלי');
  S.sy = makeDevice('SY', ['officer'], 'ضابط الارتباط السوري');
  S.us = makeDevice('US', ['supervisor'], 'U.S. desk supervisor');
  const out = [];
  for (const d of [S.us, S.il, S.sy]) {
    const cert = signObject('device-certificate', certBody(d, now), S.rootSk);
    verifyCertificate(cert, S.rootPk, S.channelId); // own check of own certificate
    const a = await S.bindConn.expect({ type: 'publish-certificate', certificate: cert }, 'published');
    check(a.deviceId === d.deviceId, 'published.deviceId');
    out.push(`${d.post}:${d.deviceId}`);
  }
  return `published ${out.join(', ')}`;
});

step('enrolment', async () => {
  S.sy2 = makeDevice('SY', ['translator'], 'مترجم سوري');
  const e = await openConn('sy2-enrol');
  const req = signObject(
    'enrolment-request',
    {
      type: 'enrolment-request',
      v: 1,
      channel: S.channelId,
      deviceId: S.sy2.deviceId,
      post: S.sy2.post,
      roles: S.sy2.roles,
      name: S.sy2.name,
      signKey: b64u(S.sy2.signPk),
      boxKey: b64u(S.sy2.boxPk),
      createdAt: Date.now(),
    },
    S.sy2.signSk,
  );
  // no hello: the table says `enrol` and `get-certificate` are allowed whenever the relay is bound
  const rec = await e.expect({ type: 'enrol', request: req }, 'enrol-received');
  check(rec.deviceId === S.sy2.deviceId, 'enrol-received.deviceId');
  const before = await e.expect({ type: 'get-certificate', deviceId: S.sy2.deviceId }, 'certificate');
  check(before.deviceId === S.sy2.deviceId && before.certificate === null, 'certificate should be null before approval');

  // the desk (US supervisor) authenticates and looks at pending requests
  const desk = await authenticate('us', S.us);
  S.usConn = desk.c;
  S.usReady = desk.ready;
  const list = await desk.c.expect({ type: 'get-enrolments' }, 'enrolments');
  check(Array.isArray(list.requests), 'enrolments.requests not a list');
  const entry = list.requests.find((r) => r?.request?.body?.deviceId === S.sy2.deviceId);
  check(entry, 'the pending request is not in get-enrolments');
  exactMembers(entry, ['request', 'receivedAt'], [], 'enrolments entry');
  check(isTime(entry.receivedAt), 'receivedAt');
  const r = entry.request;
  exactMembers(r, ['body', 'sig'], [], 'request');
  exactMembers(r.body, ['type', 'v', 'channel', 'deviceId', 'post', 'roles', 'name', 'signKey', 'boxKey', 'createdAt'], [], 'request.body');
  check(r.body.type === 'enrolment-request' && r.body.v === 1 && r.body.channel === S.channelId, 'request type/v/channel');
  const signPk = fromB64u(r.body.signKey, 32, 'request.signKey');
  const boxPk = fromB64u(r.body.boxKey, 32, 'request.boxKey');
  check(deviceIdOf(signPk) === r.body.deviceId, 'request deviceId not derived from signKey');
  check(
    sodium.crypto_sign_verify_detached(fromB64u(r.sig, 64, 'request.sig'), signingInput('enrolment-request', r.body), signPk),
    'request self-signature does not verify',
  );
  // "read aloud": the desk's recomputation must equal what the new device shows its officer
  const deskFp = fingerprint(signPk, boxPk);
  const deviceFp = fingerprint(S.sy2.signPk, S.sy2.boxPk);
  check(/^\d{5}( \d{5}){5}$/.test(deskFp), `fingerprint format ${deskFp}`);
  check(deskFp === deviceFp, `fingerprints differ: ${deskFp} vs ${deviceFp}`);

  const now = Date.now();
  const cert = signObject(
    'device-certificate',
    {
      type: 'device-certificate',
      v: 1,
      channel: S.channelId,
      deviceId: r.body.deviceId,
      post: r.body.post,
      roles: r.body.roles,
      name: r.body.name,
      signKey: r.body.signKey,
      boxKey: r.body.boxKey,
      notBefore: now - 60_000,
      notAfter: now + 365 * 24 * 3600_000,
    },
    S.rootSk,
  );
  const pub = await desk.c.expect({ type: 'publish-certificate', certificate: cert }, 'published');
  check(pub.deviceId === S.sy2.deviceId, 'published.deviceId');
  const list2 = await desk.c.expect({ type: 'get-enrolments' }, 'enrolments');
  check(!list2.requests.some((x) => x?.request?.body?.deviceId === S.sy2.deviceId), 'request still pending after publication');

  // the new device polls for its certificate
  let got = null;
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    const a = await e.expect({ type: 'get-certificate', deviceId: S.sy2.deviceId }, 'certificate');
    if (a.certificate !== null) {
      got = a.certificate;
      break;
    }
    await new Promise((res) => setTimeout(res, 200));
  }
  check(got, 'certificate never appeared');
  const b = verifyCertificate(got, S.rootPk, S.channelId, 'enrolled certificate');
  check(b.signKey === b64u(S.sy2.signPk) && b.boxKey === b64u(S.sy2.boxPk), 'enrolled certificate carries other keys');
  e.close();
  return `fingerprint ${deskFp}; certificate for ${S.sy2.deviceId} published by the desk and fetched by the device`;
});

step('authenticate', async () => {
  const il = await authenticate('il', S.il);
  const sy = await authenticate('sy', S.sy);
  const sy2 = await authenticate('sy2', S.sy2);
  S.ilConn = il.c;
  S.ilNonce = il.nonce;
  S.syConn = sy.c;
  S.sy2Conn = sy2.c;
  for (const [n, r] of [['il', il], ['sy', sy], ['sy2', sy2], ['us', { ready: S.usReady }]])
    check(r.ready.cursor === -1, `${n}: fresh device cursor ${r.ready.cursor} != -1`);
  check(il.cp.size === 0, 'log should be empty');
  return `IL, SY, SY(enrolled) and US authenticated; ready checkpoints verified (size ${il.cp.size}, root = SHA-256(""))`;
});

step('directory', async () => {
  const d = await S.ilConn.expect({ type: 'get-directory' }, 'directory');
  check(Array.isArray(d.certificates), 'directory.certificates');
  check(d.revocations === null, 'revocations should be null (none published)');
  S.certsById = new Map();
  for (const c of d.certificates) {
    const b = verifyCertificate(c, S.rootPk, S.channelId, 'directory certificate');
    S.certsById.set(b.deviceId, b);
  }
  for (const dev of [S.il, S.sy, S.sy2, S.us]) check(S.certsById.has(dev.deviceId), `directory lacks ${dev.post} ${dev.deviceId}`);
  check(S.certsById.size === 4, `directory has ${S.certsById.size} certificates, expected 4`);
  return `${d.certificates.length} certificates, all verified under the root`;
});

function audienceDevices(senderPost, recipients) {
  const audience = new Set([...recipients, senderPost, 'US']);
  const now = Date.now();
  return [...S.certsById.values()].filter((b) => audience.has(b.post) && isCurrent(b, now, null));
}

async function submitAndVerify(conn, env, label) {
  const expectedHash = b64u(envelopeHash(env));
  const canon = canonicalJSON(env);
  const rc = await conn.expect({ type: 'submit', envelope: env }, 'receipt');
  check(rc.hash === expectedHash, `${label}: receipt hash ${rc.hash} != own ${expectedHash}`);
  check(Number.isSafeInteger(rc.index) && rc.index >= 0, `${label}: receipt index`);
  const cp = acceptCheckpoint(rc.checkpoint, `${label} receipt`);
  check(cp.size > rc.index, `${label}: checkpoint size ${cp.size} not above index ${rc.index}`);
  const inc = await conn.expect({ type: 'get-inclusion', index: rc.index, size: cp.size }, 'inclusion');
  check(inc.index === rc.index && inc.size === cp.size, `${label}: inclusion answer index/size`);
  check(Array.isArray(inc.proof), `${label}: proof not a list`);
  const proof = inc.proof.map((p, i) => fromB64u(p, 32, `proof[${i}]`));
  check(verifyInclusion(rc.index, cp.size, fromB64u(expectedHash, 32), proof, cp.root), `${label}: inclusion proof does not verify`);
  return { index: rc.index, hash: expectedHash, cp, canon, proofLen: proof.length };
}

step('submit', async () => {
  const devices = audienceDevices('IL', ['SY']);
  check(devices.length === 4, `audience IL→SY should be 4 devices, got ${devices.length}`);
  S.plain = ['שלום — مرحبا — hello: line check 1', 'Message 2: ✓ تأكيد / אישור'];
  const e1 = sealEnvelope({ sender: S.il, seq: 1, prev: null, recipients: ['SY'], plaintext: S.plain[0], devices });
  const r1 = await submitAndVerify(S.ilConn, e1, 'envelope 1');
  const e2 = sealEnvelope({ sender: S.il, seq: 2, prev: r1.hash, recipients: ['SY'], plaintext: S.plain[1], devices });
  const r2 = await submitAndVerify(S.ilConn, e2, 'envelope 2');
  check(r2.index === r1.index + 1, 'indices not consecutive');
  S.sent = [
    { env: e1, ...r1 },
    { env: e2, ...r2 },
  ];
  // resubmission is idempotent (§7.5)
  const again = await S.ilConn.expect({ type: 'submit', envelope: e1 }, 'receipt');
  check(again.hash === r1.hash && again.index === r1.index, 'resubmission did not return the same receipt');
  acceptCheckpoint(again.checkpoint, 'resubmission receipt');
  return `receipts: #${r1.index} ${r1.hash} (cp size ${r1.cp.size}, proof ${r1.proofLen}), #${r2.index} ${r2.hash} (cp size ${r2.cp.size}, proof ${r2.proofLen}); hashes, checkpoint signatures/origin and inclusion proofs verified; resubmission idempotent`;
});

step('deliver', async () => {
  const out = [];
  for (const [label, conn, dev] of [
    ['SY', S.syConn, S.sy],
    ['SY(enrolled)', S.sy2Conn, S.sy2],
    ['US', S.usConn, S.us],
    ['IL(sender)', S.ilConn, S.il],
  ]) {
    // each receiver verifies against certificates it fetched itself
    const dir = await conn.expect({ type: 'get-directory' }, 'directory');
    const certMap = new Map();
    for (const c of dir.certificates) {
      const b = verifyCertificate(c, S.rootPk, S.channelId);
      certMap.set(b.deviceId, b);
    }
    const chain = new Map();
    for (let i = 0; i < S.sent.length; i++) {
      const f = await conn.nextDelivery();
      const want = S.sent[i];
      check(f.index === want.index, `${label}: deliver index ${f.index}, expected ${want.index}`);
      check(canonicalJSON(f.envelope) === want.canon, `${label}: delivered envelope differs from the submitted one`);
      check(b64u(envelopeHash(f.envelope)) === want.hash, `${label}: delivered hash differs`);
      const pt = openEnvelope(f.envelope, dev, certMap, chain);
      check(pt === S.plain[i], `${label}: plaintext mismatch`);
    }
    for (const s of S.sent) conn.send({ type: 'ack', index: s.index });
    // frames are processed in order per connection: an error for an ack would precede this answer
    const cp = await conn.expect({ type: 'get-checkpoint' }, 'checkpoint');
    acceptCheckpoint(cp.checkpoint, `${label} get-checkpoint`);
    const errs = conn.unsolicited.filter((f) => f.type === 'error');
    check(errs.length === 0, `${label}: errors after ack: ${JSON.stringify(errs)}`);
    out.push(label);
  }
  return `${out.join(', ')} each received both envelopes in log order, verified signature + chain, opened sealed box + XChaCha20-Poly1305, plaintext matches, acked`;
});

step('ack-cursor', async () => {
  const again = await authenticate('sy-reconnect', S.sy);
  check(again.ready.cursor === S.sent.at(-1).index, `cursor after ack is ${again.ready.cursor}, expected ${S.sent.at(-1).index}`);
  // nothing should be re-delivered
  let extra = null;
  try {
    extra = await again.c.nextDelivery(500);
  } catch {
    // a timeout is the expected outcome: nothing was re-delivered
  }
  check(extra === null, `re-delivered index ${extra?.index} after ack`);
  again.c.close();
  return `reconnected SY device: cursor ${again.ready.cursor}, no re-delivery`;
});

async function consistency(first, last, label) {
  const c = await S.ilConn.expect({ type: 'get-consistency', from: first.size, to: last.size }, 'consistency');
  check(c.from === first.size && c.to === last.size, `${label}: answer from/to`);
  check(Array.isArray(c.proof), `${label}: proof`);
  const proof = c.proof.map((p, i) => fromB64u(p, 32, `proof[${i}]`));
  check(verifyConsistency(first.size, last.size, first.root, last.root, proof), `${label}: consistency proof does not verify`);
  return proof.length;
}

step('consistency', async () => {
  const nonEmpty = checkpointsSeen.filter((c) => c.size > 0);
  const first = nonEmpty[0];
  const last = nonEmpty.at(-1);
  check(first && last && first.size < last.size, `need two different non-empty checkpoints, have sizes ${checkpointsSeen.map((c) => c.size)}`);
  const n = await consistency(first, last, 'consistency');
  // from size 0: never served
  const zero = await S.ilConn.request({ type: 'get-consistency', from: 0, to: last.size });
  return `${first.size} → ${last.size} verified (${n} hashes); from 0 answered ${zero.type}${zero.code ? ' ' + zero.code : ''}`;
});

step('negative-chain-fork', async () => {
  const devices = audienceDevices('IL', ['SY']);
  const bad = sealEnvelope({ sender: S.il, seq: 3, prev: b64u(sodium.randombytes_buf(32)), recipients: ['SY'], plaintext: 'fork', devices });
  const a = await S.ilConn.expectError({ type: 'submit', envelope: bad }, 'chain-fork');
  return `seq 3 with a random prev refused: ${a.code}${a.ref ? ` (ref ${a.ref})` : ''}`;
});

step('negative-not-sealed-to-desk', async () => {
  const devices = audienceDevices('IL', ['SY']).filter((d) => d.post !== 'US');
  const bad = sealEnvelope({ sender: S.il, seq: 3, prev: S.sent.at(-1).hash, recipients: ['SY'], plaintext: 'no desk', devices });
  const a = await S.ilConn.expectError({ type: 'submit', envelope: bad }, 'not-sealed-to-desk');
  return `envelope sealed to IL+SY devices only refused: ${a.code}`;
});

step('negative-auth-nonce-reuse', async () => {
  // (a) the nonce IL already used successfully, presented on a new connection
  const c1 = await openConn('nonce-a');
  await hello(c1);
  await c1.expectError(authFrame(S.il, S.ilNonce), 'auth-nonce-unknown');
  // (b) a nonce consumed by a failed auth, presented again on the same connection
  const c2 = await openConn('nonce-b');
  const ch = await hello(c2);
  const wrong = authFrame(S.sy, ch.nonce);
  wrong.sig = b64u(sodium.crypto_sign_detached(utf8('not the auth input'), S.sy.signSk));
  await c2.expectError(wrong, 'auth-failed');
  await c2.expectError(authFrame(S.sy, ch.nonce), 'auth-nonce-unknown');
  // after a refusal the client may say hello again
  const ch2 = await hello(c2);
  await c2.expect(authFrame(S.sy, ch2.nonce), 'ready');
  c1.close();
  c2.close();
  return 'used nonce on another connection → auth-nonce-unknown; nonce consumed by a failed auth → auth-failed then auth-nonce-unknown; fresh hello then auth → ready';
});

step('chain-intact', async () => {
  // A refused envelope leaves the chain where it was (§7.5): seq 3 with the right prev is accepted
  const devices = audienceDevices('IL', ['SY']);
  const e3 = sealEnvelope({ sender: S.il, seq: 3, prev: S.sent.at(-1).hash, recipients: ['SY'], plaintext: 'third', devices });
  const r3 = await submitAndVerify(S.ilConn, e3, 'envelope 3');
  const first = checkpointsSeen.find((c) => c.size > 0);
  const mid = checkpointsSeen.find((c) => c.size === 2);
  const n1 = await consistency(first, r3.cp, '1→3');
  const n2 = mid ? await consistency(mid, r3.cp, '2→3') : 0;
  return `seq 3 accepted at index ${r3.index}; consistency ${first.size}→${r3.cp.size} (${n1} hashes) and 2→${r3.cp.size} (${n2} hashes) verified`;
});

// ---- runner ----------------------------------------------------------------------------------------------------

let aborted = null;
for (const s of steps) {
  if (aborted) {
    emit(s.name, false, `not run: step ${aborted} failed`);
    continue;
  }
  try {
    const detail = await s.fn();
    emit(s.name, true, detail);
  } catch (e) {
    emit(s.name, false, e instanceof CheckError ? e.message : `exception: ${e?.stack ?? e}`);
    aborted = s.name;
  }
}
for (const c of conns) c.close();
clearTimeout(runTimer);
emit('summary', !failed, `${steps.length} steps, ${failed ? 'FAILED' : 'all passed'} in ${Date.now() - startedAt} ms`);
process.exit(failed ? 1 : 0);
