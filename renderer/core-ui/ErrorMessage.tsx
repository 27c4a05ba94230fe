/** A failed core call, translated, announced to screen readers as it appears. */
import { useCoreErrorText } from './useCoreErrorText';

export function ErrorMessage(props: { error: unknown; testId: string }) {
  const describe = useCoreErrorText();
  if (props.error === undefined) return null;
  return (
    <p className="error" role="alert" data-testid={props.testId}>
      {describe(props.error)}
    </p>
  );
}
