/**
 * A left-to-right isolate for numbers, DTGs, coordinates and call signs inside right-to-left text, so their digits and
 * signs never reorder (`<bdi dir="ltr">` isolates from both sides).
 */
import type { ReactNode } from 'react';

export function Ltr(props: { children: ReactNode; className?: string | undefined; testId?: string | undefined }) {
  return (
    <bdi dir="ltr" className={props.className} data-testid={props.testId}>
      {props.children}
    </bdi>
  );
}
