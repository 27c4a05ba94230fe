/**
 * `npm run --silent qa -- FILE.jsonl`: the translation safety checks as a batch, for audits. Reads one JSON object per
 * line, `{"id", "source": {"lang", "text"}, "target": {"lang", "text"}}` (extra fields ignored), and prints one line
 * per object, `{"id", "findings": [{"check", "detail"}]}`, with the glossary and gazetteer shipped with the app.
 * The whole file is read and validated before anything is printed: an audit never gets half an answer. Bad input (an
 * unreadable file, a line that is not JSON or lacks a field, an unknown language) is reported on stderr with its line
 * number, and the exit code is 1; findings are not an error (exit 0). A UTF-8 byte order mark and CRLF line ends are
 * accepted; blank lines are skipped (a trailing newline, or lines left between groups, are not pairs).
 */
import { readFileSync } from 'node:fs';
import { CheckRequest } from '../common/translation/check-request';
import { runSafetyChecks } from '../common/translation/safety-checks';
import { shippedTerminology } from '../common/translation/terminology';

function fail(messages: readonly string[]): never {
  for (const message of messages) process.stderr.write(`qa: ${message}\n`);
  process.exit(1);
}

function describeIssues(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  return error.issues.map((issue) => `${issue.path.length === 0 ? 'the line' : issue.path.map(String).join('.')}: ${issue.message}`).join('; ');
}

const args = process.argv.slice(2);
if (args.length !== 1 || args[0] === undefined) fail(['usage: npm run --silent qa -- FILE.jsonl']);
const file = args[0];

let content: string;
try {
  content = readFileSync(file, 'utf8');
} catch (error) {
  fail([`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`]);
}

const requests: CheckRequest[] = [];
const problems: string[] = [];
content
  .replace(/^\uFEFF/u, '')
  .split(/\r?\n/u)
  .forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `${file} line ${index + 1}`;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      problems.push(`${where}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
      return;
    }
    const parsed = CheckRequest.safeParse(json);
    if (parsed.success) requests.push(parsed.data);
    else problems.push(`${where}: ${describeIssues(parsed.error)}`);
  });
if (problems.length > 0) fail(problems);

const terminology = shippedTerminology();
const output = requests.map((request) => {
  const findings = runSafetyChecks({ source: request.source, target: request.target }, terminology);
  return JSON.stringify({ id: request.id, findings: findings.map((f) => ({ check: f.check, detail: f.detail })) });
});
process.stdout.write(output.length === 0 ? '' : `${output.join('\n')}\n`);
