/**
 * The frame of the screens shown before the app opens (onboarding, unlock, waiting for enrolment): the app's name,
 * the language choice (reachable before anything else), and one task in the middle.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../components/LanguageSwitcher';

export function GateLayout(props: { title: string; testId: string; children: ReactNode; actions?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="gate" data-testid={props.testId}>
      <header className="gate__header">
        <p className="app__name">{t('appName')}</p>
        <LanguageSwitcher />
        {props.actions}
      </header>
      <main id="main" className="gate__main" tabIndex={-1}>
        <section className="gate__card" aria-labelledby="screen-title">
          <h1 id="screen-title" className="screen__title">
            {props.title}
          </h1>
          {props.children}
        </section>
      </main>
    </div>
  );
}
