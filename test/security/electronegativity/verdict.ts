/**
 * The pure half of the Electronegativity scan: findings + allow-list → verdict. No I/O here, so every rule is
 * unit-tested (test/unit/security/electronegativity-verdict.test.ts); scan.ts does the running and the printing.
 *
 * The rules:
 * - a HIGH finding fails the scan, always;
 * - a MEDIUM finding fails the scan unless allow-list.json names its check and file (with a reason);
 * - LOW and INFORMATIONAL findings are printed and do not fail;
 * - a source file that Electronegativity could not parse or check fails the scan (it was not scanned at all);
 * - an allow-list that names a fixed check (FIXED_CHECKS), an unknown check, or lacks a reason is refused;
 * - an allow-list entry that waives no finding is stale: a warning, so the list does not outlive the code.
 */

export const SEVERITIES = ['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** One Electronegativity finding, with `file` relative to the repo root ("N/A" for app-wide global checks). */
export interface Finding {
  check: string;
  severity: Severity;
  confidence: string;
  file: string;
  line: number;
  column: number;
  description: string;
  /** Electronegativity's own "*Review Required*" flag. */
  reviewRequired: boolean;
}

/** A file Electronegativity reported an error for. `fatal`: the file was not scanned (parse error or checker crash). */
export interface ScanError {
  file: string;
  message: string;
  fatal: boolean;
}

export interface AllowListEntry {
  check: string;
  file: string;
  reason: string;
}

/**
 * Checks whose findings mean "this is misconfigured: fix it". The scan refuses an allow-list that names any of them.
 * The ids are those of @doyensec/electronegativity 1.10.3 (dist/finder/checks/{AtomicChecks,GlobalChecks}/*.js).
 */
export const FIXED_CHECKS: ReadonlySet<string> = new Set([
  // Content-Security-Policy
  'CSP_GLOBAL_CHECK',
  'CSP_JS_CHECK',
  'CSP_HTML_CHECK',
  // navigation and new windows
  'LIMIT_NAVIGATION_GLOBAL_CHECK',
  'LIMIT_NAVIGATION_JS_CHECK',
  'ALLOWPOPUPS_HTML_CHECK',
  'AUXCLICK_JS_CHECK',
  'AUXCLICK_HTML_CHECK',
  // permissions
  'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
  'PERMISSION_REQUEST_HANDLER_JS_CHECK',
  // renderer isolation
  'SANDBOX_JS_CHECK',
  'CONTEXT_ISOLATION_JS_CHECK',
  'NODE_INTEGRATION_JS_CHECK',
  'NODE_INTEGRATION_HTML_CHECK',
  'NODE_INTEGRATION_ATTACH_EVENT_JS_CHECK',
  'HTTP_RESOURCES_WITH_NODE_INTEGRATION_GLOBAL_CHECK',
  'REMOTE_MODULE_JS_CHECK',
  // web security, insecure content, plain-HTTP loads
  'WEB_SECURITY_JS_CHECK',
  'WEB_SECURITY_HTML_CHECK',
  'INSECURE_CONTENT_JS_CHECK',
  'INSECURE_CONTENT_HTML_CHECK',
  'HTTP_RESOURCES_JS_CHECK',
  'HTTP_RESOURCES_HTML_CHECK',
  // experimental / Blink features, silenced warnings, dangerous Chromium switches
  'EXPERIMENTAL_FEATURES_JS_CHECK',
  'EXPERIMENTAL_FEATURES_HTML_CHECK',
  'BLINK_FEATURES_JS_CHECK',
  'BLINK_FEATURES_HTML_CHECK',
  'SECURITY_WARNINGS_DISABLED_JS_CHECK',
  'SECURITY_WARNINGS_DISABLED_JSON_CHECK',
  'CUSTOM_ARGUMENTS_JS_CHECK',
  'CUSTOM_ARGUMENTS_JSON_CHECK',
  // an Electron with known security fixes available: upgrade it
  'AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK',
]);

/** "Review this" checks: legitimate uses exist, so a reviewed finding may be allow-listed with its reason. */
export const REVIEW_CHECKS: ReadonlySet<string> = new Set([
  'PRELOAD_JS_CHECK',
  'OPEN_EXTERNAL_JS_CHECK',
  'DANGEROUS_FUNCTIONS_JS_CHECK',
  'PROTOCOL_HANDLER_JS_CHECK',
  'CERTIFICATE_VERIFY_PROC_JS_CHECK',
  'CERTIFICATE_ERROR_EVENT_JS_CHECK',
  'AFFINITY_JS_CHECK',
  'AFFINITY_HTML_CHECK',
  'AFFINITY_GLOBAL_CHECK',
  'ELECTRON_VERSION_JSON_CHECK',
]);

const ENTRY_KEYS = ['check', 'file', 'reason'] as const;
const PLACEHOLDER_REASON = /^(todo|tbd|fixme|n\/?a|none|ok|-+|\.+)$/i;
const MIN_REASON_LENGTH = 15;

/** Validates allow-list.json (`{ "entries": [{ check, file, reason }] }`); any problem means the list is refused. */
export function parseAllowList(raw: unknown): { entries: AllowListEntry[]; problems: string[] } {
  const problems: string[] = [];
  const entries: AllowListEntry[] = [];
  const list = isRecord(raw) ? raw['entries'] : undefined;
  if (!Array.isArray(list)) return { entries, problems: ['the allow-list must be an object with an "entries" array'] };

  const seen = new Set<string>();
  list.forEach((item: unknown, index) => {
    const where = `entry #${index + 1}`;
    if (!isRecord(item)) {
      problems.push(`${where}: not an object`);
      return;
    }
    const extra = Object.keys(item).filter((key) => !(ENTRY_KEYS as readonly string[]).includes(key));
    if (extra.length > 0) problems.push(`${where}: unexpected key(s) ${extra.join(', ')} (allowed: ${ENTRY_KEYS.join(', ')})`);
    const { check, file, reason } = item;
    if (typeof check !== 'string' || typeof file !== 'string' || typeof reason !== 'string') {
      problems.push(`${where}: "check", "file" and "reason" must all be strings`);
      return;
    }
    const label = `${where} (${check} in ${file})`;
    if (FIXED_CHECKS.has(check)) {
      problems.push(`${label}: ${check} is a fixed check: fix the code, it cannot be allow-listed`);
    } else if (!REVIEW_CHECKS.has(check)) {
      problems.push(`${label}: unknown check id (allow-listable: ${[...REVIEW_CHECKS].join(', ')})`);
    }
    if (file === '' || file.startsWith('/') || file.includes('\\') || /^[A-Za-z]:/.test(file) || file.split('/').some((part) => part === '..' || part === '.')) {
      problems.push(`${label}: "file" must be a path relative to the repo root, with forward slashes, e.g. electron/preload/index.ts`);
    }
    const trimmed = reason.trim();
    if (trimmed.length < MIN_REASON_LENGTH || PLACEHOLDER_REASON.test(trimmed)) {
      problems.push(`${label}: "reason" must say why the reviewed use is safe (at least ${MIN_REASON_LENGTH} characters)`);
    }
    const key = `${check}\u0000${file}`;
    if (seen.has(key)) problems.push(`${label}: duplicate entry`);
    seen.add(key);
    entries.push({ check, file, reason: trimmed });
  });
  return { entries, problems };
}

export interface Failure {
  finding: Finding;
  why: string;
}

export interface Verdict {
  passed: boolean;
  /** Findings that fail the scan. */
  failures: Failure[];
  /** Files that were not scanned (fail the scan). */
  unscanned: ScanError[];
  /** MEDIUM findings waived by an allow-list entry. */
  allowListed: { finding: Finding; entry: AllowListEntry }[];
  /** LOW and INFORMATIONAL findings: printed, never failing. */
  notes: Finding[];
  /** Allow-list entries that waived nothing. */
  stale: AllowListEntry[];
  warnings: string[];
  counts: Record<Severity, number>;
}

export function decide(findings: readonly Finding[], allowList: readonly AllowListEntry[], scanErrors: readonly ScanError[] = []): Verdict {
  const failures: Failure[] = [];
  const allowListed: Verdict['allowListed'] = [];
  const notes: Finding[] = [];
  const used = new Set<AllowListEntry>();
  const counts: Record<Severity, number> = { HIGH: 0, MEDIUM: 0, LOW: 0, INFORMATIONAL: 0 };

  for (const finding of findings) {
    counts[finding.severity] += 1;
    if (finding.severity === 'HIGH') {
      failures.push({ finding, why: 'HIGH severity (never allow-listable)' });
    } else if (finding.severity === 'MEDIUM') {
      const entry = allowList.find((e) => e.check === finding.check && e.file === finding.file);
      if (entry) {
        used.add(entry);
        allowListed.push({ finding, entry });
      } else {
        const why = FIXED_CHECKS.has(finding.check)
          ? 'MEDIUM severity, fixed check (cannot be allow-listed: fix the code)'
          : 'MEDIUM severity, not in allow-list.json';
        failures.push({ finding, why });
      }
    } else {
      notes.push(finding);
    }
  }

  const unscanned = scanErrors.filter((e) => e.fatal);
  const stale = allowList.filter((entry) => !used.has(entry));
  const warnings = [
    ...scanErrors.filter((e) => !e.fatal).map((e) => `${e.file}: parsed with recoverable errors, findings may be incomplete: ${e.message}`),
    ...stale.map((e) => `stale allow-list entry: ${e.check} in ${e.file} waives no finding; remove it`),
  ];
  return { passed: failures.length === 0 && unscanned.length === 0, failures, unscanned, allowListed, notes, stale, warnings, counts };
}

/** `CHECK_ID [SEVERITY] file:line  description`, for every line the scan prints about a finding. */
export function formatFinding(finding: Finding): string {
  const location = finding.file === 'N/A' ? '(application-wide)' : `${finding.file}:${finding.line}`;
  const review = finding.reviewRequired ? ' [review required]' : '';
  return `${finding.check} [${finding.severity}] ${location}  ${finding.description}${review}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
