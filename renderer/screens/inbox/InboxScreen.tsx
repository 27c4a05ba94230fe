/** This device's newest messages, and a search over all of them (run in the core, on its blind index). */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { MESSAGE_LIST_LIMIT } from '../../core/api';
import { ErrorMessage } from '../../core-ui/ErrorMessage';
import { useMessages } from '../../core-ui/queries';
import { MessageItem } from './MessageItem';
import { useDebouncedValue } from './useDebouncedValue';

const SEARCH_PAUSE_MS = 200;

export function InboxScreen() {
  const { t } = useTranslation('messages');
  const searchId = useId();
  const [query, setQuery] = useState('');
  const settledQuery = useDebouncedValue(query, SEARCH_PAUSE_MS);
  const searching = settledQuery.trim() !== '';
  const { data: messages, error } = useMessages(settledQuery);
  return (
    <section className="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" className="screen__title">
        {t('inbox.title', { ns: 'screens' })}
      </h1>
      <div className="form__field search">
        <label htmlFor={searchId}>{t('inbox.search')}</label>
        <input id={searchId} type="search" autoComplete="off" dir="auto" data-testid="inbox-search" value={query} onChange={(event) => setQuery(event.target.value)} />
      </div>
      <ErrorMessage error={error} testId="inbox-error" />
      {messages?.length === 0 &&
        (searching ? (
          <p data-testid="inbox-no-match">{t('inbox.noMatch')}</p>
        ) : (
          <EmptyState title={t('inbox.emptyTitle', { ns: 'screens' })} body={t('inbox.emptyBody', { ns: 'screens' })} />
        ))}
      {messages !== undefined && messages.length > 0 && (
        <ol className="messages" data-testid="message-list">
          {messages.map((message) => (
            <MessageItem key={message.id} message={message} />
          ))}
        </ol>
      )}
      {/* The core returns at most this many (the newest): say so, rather than let older messages seem lost. */}
      {messages?.length === MESSAGE_LIST_LIMIT && (
        <p className="form__hint" data-testid="inbox-limited">
          {t('inbox.limited', { count: MESSAGE_LIST_LIMIT })}
        </p>
      )}
    </section>
  );
}
