/** A section whose feature is still to come: its title and an empty state saying what will be there. */
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';

export type PlaceholderSection = 'translations';

export function PlaceholderScreen(props: { section: PlaceholderSection }) {
  const { t } = useTranslation('screens');
  return (
    <section className="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" className="screen__title">
        {t(`${props.section}.title`)}
      </h1>
      <EmptyState title={t(`${props.section}.emptyTitle`)} body={t(`${props.section}.emptyBody`)} />
    </section>
  );
}
