import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildContentSecurityPolicy, DOCUMENT_CONTENT_SECURITY_POLICY } from '../../../../electron/common/csp';

describe('content security policy', () => {
  const directives = (policy: string) =>
    new Map(policy.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values] as const;
    }));

  const policy = directives(buildContentSecurityPolicy('ws://127.0.0.1:8787/'));

  it('denies by default and allows script only from the app itself, with no inline script or eval', () => {
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    for (const values of policy.values()) {
      expect(values).not.toContain("'unsafe-inline'");
      expect(values).not.toContain("'unsafe-eval'");
      expect(values).not.toContain('*');
      expect(values).not.toContain('data:');
    }
  });

  it('lets the renderer connect to its own origin and the configured relay, and nowhere else', () => {
    expect(policy.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:8787']);
    expect(directives(buildContentSecurityPolicy('wss://relay.example.org:9443/hotline')).get('connect-src')).toEqual([
      "'self'",
      'wss://relay.example.org:9443',
    ]);
  });

  it('forbids plugins, framing, base rewriting and form submission', () => {
    for (const name of ['object-src', 'frame-src', 'frame-ancestors', 'base-uri', 'form-action']) {
      expect(policy.get(name), name).toEqual(["'none'"]);
    }
  });

  it('refuses to build a policy for a relay address that is not one', () => {
    expect(() => buildContentSecurityPolicy("ws://evil'; script-src *")).toThrow();
    expect(() => buildContentSecurityPolicy('http://127.0.0.1:8787')).toThrow();
  });
});

describe('the CSP meta tag in index.html', () => {
  it('is exactly the policy electron/common builds, so the two cannot drift apart', () => {
    const html = readFileSync(new URL('../../../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(DOCUMENT_CONTENT_SECURITY_POLICY);
  });

  it('allows no inline script, no eval and connections over WebSocket only', () => {
    expect(DOCUMENT_CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|'unsafe-eval'|\*|data:|https?:/);
    expect(DOCUMENT_CONTENT_SECURITY_POLICY).toContain("connect-src 'self' ws: wss:");
  });
});
