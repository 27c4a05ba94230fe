/** Posts as bits, so "is this envelope for this device's post?" is one indexed comparison in the store. */
import type { Post } from '../common/protocol/schemas';

const BIT: Readonly<Record<Post, number>> = { IL: 1, SY: 2, US: 4 };

export const maskOf = (posts: Iterable<Post>): number => [...posts].reduce((mask, post) => mask | BIT[post], 0);

/** A device receives what its post is in the audience of (the desk is in every audience, so it receives all). */
export const deliveryMaskFor = (post: Post): number => BIT[post];
