/** The frame both onboarding paths share: what this step does, its fields, its error, and Back / go ahead. */
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoreAction } from '../core-ui/useCoreAction';
import { ErrorMessage } from '../core-ui/ErrorMessage';
import { GateLayout } from '../gate/GateLayout';

export function OnboardingForm(props: {
  title: string;
  intro: string;
  testId: string;
  submitLabel: string;
  canSubmit: boolean;
  action: CoreAction;
  onSubmit: () => Promise<void>;
  onBack: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation('gate');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void props.onSubmit();
  };
  return (
    <GateLayout title={props.title} testId={props.testId}>
      <p>{props.intro}</p>
      <form className="form" onSubmit={submit} noValidate>
        {props.children}
        <ErrorMessage error={props.action.error} testId="onboarding-error" />
        <div className="form__actions">
          <button type="button" className="button" data-testid="onboarding-back" onClick={props.onBack} disabled={props.action.pending}>
            {t('onboarding.back')}
          </button>
          <button
            type="submit"
            className="button button--primary"
            data-testid="onboarding-submit"
            disabled={!props.canSubmit || props.action.pending}
          >
            {props.action.pending ? t('onboarding.working') : props.submitLabel}
          </button>
        </div>
      </form>
    </GateLayout>
  );
}
