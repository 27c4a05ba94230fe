/** The section list. Buttons, not links: the app never navigates its page, it only switches the visible section. */
import { useTranslation } from 'react-i18next';
import { Kbd } from '../components/Kbd';
import { SECTIONS, type Section } from './sections';
import { shortcutLabel } from './shortcuts';

export function Navigation(props: { current: Section; onSelect: (section: Section) => void }) {
  const { t } = useTranslation();
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      <ul className="nav__list">
        {SECTIONS.map((section) => (
          <li key={section}>
            <button
              type="button"
              className="nav__item"
              aria-current={section === props.current ? 'page' : undefined}
              onClick={() => props.onSelect(section)}
              data-testid={`nav-${section}`}
              aria-keyshortcuts={section === 'compose' ? shortcutLabel('compose').aria : undefined}
            >
              {t(`nav.${section}`)}
              {section === 'compose' && <Kbd name="compose" />}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
