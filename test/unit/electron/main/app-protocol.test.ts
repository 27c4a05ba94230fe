import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppFile, responseHeaders } from '../../../../electron/main/app-protocol';
import { profileFromArgv } from '../../../../electron/main/profile';

describe('app:// file resolution', () => {
  const root = path.resolve('/srv/app/renderer');

  it('serves the index page and files inside the renderer folder', () => {
    expect(resolveAppFile(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, '/assets/index-abc.js')).toBe(path.join(root, 'assets/index-abc.js'));
  });

  it('refuses paths that climb out of the renderer folder, however they are written', () => {
    for (const attempt of ['/../main/index.js', '/assets/../../preload/index.cjs', '/%2e%2e/secret', '/..%2f..%2fetc/passwd', '/a%00.js', '/%E0%A4%A']) {
      expect(resolveAppFile(root, attempt), attempt).toBeNull();
    }
  });

  it('sends the CSP and nosniff with every file', () => {
    const headers = responseHeaders(path.join(root, 'index.html'), 'ws://127.0.0.1:8787');
    expect(headers['content-type']).toBe('text/html; charset=utf-8');
    expect(headers['content-security-policy']).toContain("default-src 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('--profile', () => {
  it('gives a separate profile name, or the default', () => {
    expect(profileFromArgv(['electron', '.', '--profile', 'syria-post'])).toBe('syria-post');
    expect(profileFromArgv(['electron', '.', '--profile=desk_1'])).toBe('desk_1');
    expect(profileFromArgv(['electron', '.'])).toBe('default');
  });

  it('refuses a name that could escape its folder', () => {
    for (const name of ['../other', 'a/b', '', 'x'.repeat(65), 'con sole']) {
      expect(() => profileFromArgv(['--profile', name]), name).toThrow(/--profile/);
    }
  });
});
