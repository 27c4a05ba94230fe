/** Protocol limits, shared by the relay (which enforces them) and clients (which stay inside them). See PROTOCOL.md. */
export const PROTOCOL_VERSION = 1;

/** The largest envelope, as canonical JSON bytes. A hotline message is short; this leaves room for many recipients. */
export const MAX_ENVELOPE_BYTES = 256 * 1024;
/** The largest WebSocket frame either side accepts (the envelope plus the frame around it). */
export const MAX_FRAME_BYTES = MAX_ENVELOPE_BYTES + 16 * 1024;
/**
 * The most leaves one `get-inclusions` may ask proofs for: a catch-up proves thousands of envelopes, and one frame per
 * leaf cost the relay and the client more than the proofs themselves. At most 64 hashes a proof, the answer stays
 * within a frame.
 */
export const MAX_INCLUSIONS_PER_REQUEST = 64;
/** The most devices one envelope may be sealed to. */
export const MAX_SEALED_KEYS = 64;
/** Display names: characters (code points). */
export const MAX_NAME_LENGTH = 64;
/** How long an authentication challenge stays valid. */
export const AUTH_NONCE_TTL_MS = 30_000;
/**
 * The most envelopes one `deliver` burst leaves unacknowledged before the relay waits for an ack. A client stores
 * deliveries a batch at a time and acknowledges each batch once committed: the window holds several batches, so the
 * next ones are already on the wire while one is being stored (with one batch's room, a catch-up stalls on every ack).
 */
export const DELIVERY_WINDOW = 4096;
