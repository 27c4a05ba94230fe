// `npm run --silent qa -- FILE.jsonl`, run for real on files written here: what an auditor sees on stdout, stderr and
// in the exit code.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const folder = mkdtempSync(path.join(os.tmpdir(), 'qa-'));

function qa(content: string | null): { status: number | null; stdout: string; stderr: string } {
  const file = path.join(folder, `input-${Math.random().toString(36).slice(2)}.jsonl`);
  if (content !== null) writeFileSync(file, content);
  const run = spawnSync('npm', ['run', '--silent', 'qa', '--', file], { cwd: repoRoot, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr.replaceAll(file, 'FILE') };
}

const line = (id: string, source: [string, string], target: [string, string]) =>
  JSON.stringify({ id, source: { lang: source[0], text: source[1] }, target: { lang: target[0], text: target[1] } });

describe('npm run qa', () => {
  it('prints one JSON line per pair, only that, and exits 0 with or without findings', () => {
    const input = [
      '\uFEFF' + line('clean', ['en', '2 km north of Quneitra?'], ['he', '2 ק"מ צפונית לקונייטרה?']),
      '',
      line('faulty', ['en', 'The ceasefire holds at 14:30Z'], ['ar', 'الهدنة صامدة الساعة 14:30']),
      '   ',
      line('empty', ['ar', 'نسمعكم'], ['he', '']),
    ].join('\r\n');
    const { status, stdout, stderr } = qa(`${input}\r\n`);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout.endsWith('\n')).toBe(true);
    expect(stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as unknown)).toEqual([
      { id: 'clean', findings: [] },
      {
        id: 'faulty',
        findings: [
          { check: 'time', detail: 'the time 14:30 UTC of the original is missing from the translation (same value, same zone)' },
          { check: 'time', detail: 'the time 14:30 of the translation is not in the original, nor a conversion of one of its times' },
          { check: 'forbidden', detail: '"هدنة" is a forbidden variant for "ceasefire"; the agreed term is "وقف إطلاق النار"' },
        ],
      },
      { id: 'empty', findings: [{ check: 'empty', detail: 'the translation is empty' }] },
    ]);
  });

  it('checks the whole corpus, keeping the order of the file', () => {
    const { status, stdout } = spawnSync('npm', ['run', '--silent', 'qa', '--', 'test/fixtures/translation/corpus.jsonl'], { cwd: repoRoot, encoding: 'utf8' });
    expect(status).toBe(0);
    const ids = stdout.trimEnd().split('\n').map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids.length).toBeGreaterThanOrEqual(150);
    expect(ids[0]).toMatch(/^001-/);
  });

  it('refuses bad input with a message naming each bad line, and prints no results', () => {
    const good = line('ok', ['he', 'שלום'], ['en', 'Hello']);
    const { status, stdout, stderr } = qa(
      [good, '{"id": "a", "source": ', JSON.stringify({ id: 'b', source: { lang: 'fr', text: 'x' }, target: { lang: 'en', text: 'y' } }), JSON.stringify({ id: 'c', source: { lang: 'he', text: 'x' } }), JSON.stringify({ id: 4, source: { lang: 'he', text: 'x' }, target: { lang: 'en', text: 'y' } })].join('\n'),
    );
    expect(status).toBe(1);
    expect(stdout).toBe('');
    const messages = stderr.trimEnd().split('\n');
    expect(messages).toHaveLength(4);
    expect(messages[0]).toMatch(/^qa: FILE line 2: not valid JSON/);
    expect(messages[1]).toMatch(/^qa: FILE line 3: source\.lang: /);
    expect(messages[2]).toMatch(/^qa: FILE line 4: target: /);
    expect(messages[3]).toMatch(/^qa: FILE line 5: id: /);
  });

  it('refuses a file it cannot read, and a missing argument', () => {
    const missing = qa(null);
    expect(missing.status).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/^qa: cannot read FILE/);
    const usage = spawnSync('npm', ['run', '--silent', 'qa'], { cwd: repoRoot, encoding: 'utf8' });
    expect(usage.status).toBe(1);
    expect(usage.stderr).toMatch(/usage: npm run --silent qa -- FILE\.jsonl/);
  });

  it('prints nothing for a file of blank lines', () => {
    expect(qa('\n\r\n  \n')).toEqual({ status: 0, stdout: '', stderr: '' });
  });
});
