/** The local relay's description is used only when it is exactly what the preview server promises. */
import { describe, expect, it } from 'vitest';
import { fetchLocalRelay } from '../../../../renderer/host/local-relay';

const answering = (status: number, body: unknown): typeof fetch =>
  (async () => new Response(JSON.stringify(body), { status })) as typeof fetch;

describe('fetchLocalRelay', () => {
  it('returns the address and token the server describes', async () => {
    expect(await fetchLocalRelay(answering(200, { url: 'ws://127.0.0.1:8787', bindToken: 'abc123' }))).toEqual({
      url: 'ws://127.0.0.1:8787',
      bindToken: 'abc123',
    });
    expect(await fetchLocalRelay(answering(200, { url: 'ws://127.0.0.1:8787', bindToken: null }))).toEqual({
      url: 'ws://127.0.0.1:8787',
      bindToken: null,
    });
  });

  it('returns null for a missing endpoint, a wrong shape, a non-relay address or a network failure', async () => {
    expect(await fetchLocalRelay(answering(404, {}))).toBeNull();
    expect(await fetchLocalRelay(answering(200, { url: 42 }))).toBeNull();
    expect(await fetchLocalRelay(answering(200, { url: 'http://evil.example', bindToken: null }))).toBeNull();
    expect(await fetchLocalRelay((async () => Promise.reject(new TypeError('offline'))) as typeof fetch)).toBeNull();
  });
});
