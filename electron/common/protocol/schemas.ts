/** The building blocks every protocol schema uses: posts, roles, binary fields, names, times. */
import { z } from 'zod';
import { MAX_NAME_LENGTH } from './limits';

export const POSTS = ['IL', 'SY', 'US'] as const;
export type Post = (typeof POSTS)[number];
export const PostSchema = z.enum(POSTS);

/** The U.S. desk: every envelope is sealed to it and delivered to it. */
export const DESK_POST: Post = 'US';

export const ROLES = ['officer', 'translator', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];

const base64UrlLength = (bytes: number) => Math.ceil((bytes * 4) / 3);

/** Exactly `bytes` bytes as unpadded base64url (strictly decoded again where it is used). */
export const Bytes = (bytes: number) =>
  z
    .string()
    .length(base64UrlLength(bytes))
    .regex(/^[A-Za-z0-9_-]+$/, 'base64url');

/** Variable-length binary as unpadded base64url. */
export const VarBytes = (maxBytes: number) =>
  z
    .string()
    .max(base64UrlLength(maxBytes))
    .regex(/^[A-Za-z0-9_-]*$/, 'base64url');

export const PublicKey = Bytes(32);
export const Signature = Bytes(64);
export const Hash = Bytes(32);
/** A device id: 16 bytes derived from the device's signing key (see identity.ts). */
export const DeviceId = Bytes(16);
/** A channel id: 16 bytes derived from the channel's root key (see identity.ts). */
export const ChannelId = Bytes(16);

/** Milliseconds since the Unix epoch. */
export const Time = z.number().int().min(0).max(8_640_000_000_000_000);

/** Sorted, without duplicates, non-empty: one canonical form so signatures over it are unambiguous. */
export function sortedUnique<T extends string>(item: z.ZodType<T>, max: number) {
  return z
    .array(item)
    .min(1)
    .max(max)
    .refine((list) => list.every((value, i) => i === 0 || list[i - 1]! < value), 'must be sorted and without duplicates');
}

export const RolesSchema = sortedUnique(z.enum(ROLES), ROLES.length);
export const PostsSchema = sortedUnique(PostSchema, POSTS.length);

// Control characters, and bidi embeddings/overrides/isolates that could make one name look like another.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_NAME = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u;

/** A person's or device's display name: shown to others, so no invisible controls that could disguise it. */
export const DisplayName = z
  .string()
  .refine((name) => name.trim().length > 0, 'name is empty')
  .refine((name) => [...name].length <= MAX_NAME_LENGTH, `name is longer than ${MAX_NAME_LENGTH} characters`)
  .refine((name) => !FORBIDDEN_IN_NAME.test(name), 'name contains control or bidi formatting characters')
  .refine((name) => !/\p{Cs}/u.test(name), 'name is not well-formed Unicode (lone surrogate)');
