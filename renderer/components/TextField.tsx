/** A labelled one-line text input, with an optional hint read out as its description. */
import { useId, type HTMLAttributes } from 'react';

export function TextField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  /** 'ltr' for addresses, keys and tokens; 'auto' for names a person types in any script. */
  dir: 'ltr' | 'auto';
  hint?: string;
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
}) {
  const ids = { input: useId(), hint: useId() };
  return (
    <div className="form__field">
      <label htmlFor={ids.input}>{props.label}</label>
      <input
        id={ids.input}
        type="text"
        dir={props.dir}
        autoComplete="off"
        spellCheck={false}
        inputMode={props.inputMode}
        data-testid={props.testId}
        aria-describedby={props.hint === undefined ? undefined : ids.hint}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
      />
      {props.hint !== undefined && (
        <p id={ids.hint} className="form__hint">
          {props.hint}
        </p>
      )}
    </div>
  );
}
