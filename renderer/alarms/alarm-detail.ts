/**
 * How one value of an alarm's detail is shown. Names the UI knows get a translated label, and their values a
 * translation where they are codes (a post, an error); any other name is shown as it came, so nothing the worker
 * reports is hidden.
 */
import { ERROR_CODES, type ErrorCode } from '../../electron/common/protocol/error-codes';
import { POSTS, type Post } from '../../electron/common/protocol/schemas';
import { isCoreErrorCode, type CoreErrorCode } from '../core/core-error';

/**
 * The names the core's alarms use: the sender's post and device name, its sequence number, a log index, the sizes of
 * two checkpoints that disagree, a refusal code, a free-form diagnostic, and the vault table of a damaged record.
 */
export const LABELLED_DETAILS = ['post', 'name', 'seq', 'index', 'from', 'to', 'code', 'detail', 'table'] as const;
export type LabelledDetail = (typeof LABELLED_DETAILS)[number];

export type DetailValue =
  | { readonly kind: 'post'; readonly post: Post }
  | { readonly kind: 'error'; readonly code: CoreErrorCode }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'text'; readonly text: string };

export const isLabelledDetail = (name: string): name is LabelledDetail => (LABELLED_DETAILS as readonly string[]).includes(name);

const isPost = (value: string): value is Post => (POSTS as readonly string[]).includes(value);
const isProtocolErrorCode = (value: string): value is ErrorCode => (ERROR_CODES as readonly string[]).includes(value);

export function detailValue(name: string, value: string | number): DetailValue {
  if (typeof value === 'number') return { kind: 'number', value };
  if (name === 'post' && isPost(value)) return { kind: 'post', post: value };
  if (name === 'code') {
    // The relay's refusals arrive either as the protocol's code or already as the core's `relay.<code>`.
    if (isCoreErrorCode(value)) return { kind: 'error', code: value };
    if (isProtocolErrorCode(value)) return { kind: 'error', code: `relay.${value}` };
  }
  return { kind: 'text', text: value };
}
