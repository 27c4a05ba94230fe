/**
 * The inbox's filters: precedence, category, state, post and overdue, each "any" until chosen, and a way back to the
 * whole inbox. Changing one re-reads the list from the core, which filters its in-memory index.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, PRECEDENCES, type Category, type Precedence } from '../../../electron/common/message/precedence';
import { POSTS, type Post } from '../../../electron/common/protocol/schemas';
import { INBOX_STATES, type InboxFilter, type InboxState } from '../../core/api';
import { isFiltered, setInboxFilter } from './inbox-filter-store';

const ANY = '';

export function InboxFilters(props: { filter: InboxFilter }) {
  const { t } = useTranslation('messages');
  const { filter } = props;
  const id = useId();
  /** The filter with one field set, or removed when set back to "any". */
  const change = <K extends keyof InboxFilter>(key: K, value: InboxFilter[K] | undefined) => {
    const { [key]: _dropped, ...rest } = filter;
    setInboxFilter(value === undefined ? rest : { ...rest, [key]: value });
  };
  return (
    <fieldset className="inbox-filters" data-testid="inbox-filters">
      <legend>{t('filters.title')}</legend>
      <div className="form__row">
        <div className="form__field">
          <label htmlFor={`${id}-precedence`}>{t('compose.precedence')}</label>
          <select id={`${id}-precedence`} data-testid="filter-precedence" value={filter.precedence ?? ANY} onChange={(event) => change('precedence', (event.target.value || undefined) as Precedence | undefined)}>
            <option value={ANY}>{t('filters.any')}</option>
            {PRECEDENCES.map((value) => (
              <option key={value} value={value}>
                {t(`precedence.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form__field">
          <label htmlFor={`${id}-category`}>{t('compose.category')}</label>
          <select id={`${id}-category`} data-testid="filter-category" value={filter.category ?? ANY} onChange={(event) => change('category', (event.target.value || undefined) as Category | undefined)}>
            <option value={ANY}>{t('filters.any')}</option>
            {CATEGORIES.map((value) => (
              <option key={value} value={value}>
                {t(`category.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form__field">
          <label htmlFor={`${id}-state`}>{t('filters.state')}</label>
          <select id={`${id}-state`} data-testid="filter-state" value={filter.state ?? ANY} onChange={(event) => change('state', (event.target.value || undefined) as InboxState | undefined)}>
            <option value={ANY}>{t('filters.any')}</option>
            {INBOX_STATES.map((value) => (
              <option key={value} value={value}>
                {t(`filters.states.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form__field">
          <label htmlFor={`${id}-post`}>{t('filters.post')}</label>
          <select id={`${id}-post`} data-testid="filter-post" value={filter.post ?? ANY} onChange={(event) => change('post', (event.target.value || undefined) as Post | undefined)}>
            <option value={ANY}>{t('filters.any')}</option>
            {POSTS.map((value) => (
              <option key={value} value={value}>
                {t(`post.${value}`, { ns: 'common' })}
              </option>
            ))}
          </select>
        </div>
        <label className="form__choice">
          <input type="checkbox" data-testid="filter-overdue" checked={filter.overdue === true} onChange={(event) => change('overdue', event.target.checked ? true : undefined)} />
          <span>{t('filters.overdue')}</span>
        </label>
      </div>
      {isFiltered({ ...filter, search: undefined }) && (
        <button type="button" className="button button--link" data-testid="filter-clear" onClick={() => setInboxFilter(filter.search ? { search: filter.search } : {})}>
          {t('filters.clear')}
        </button>
      )}
    </fieldset>
  );
}
