/**
 * This device's messages, newest first, and a search over all of them (run in the core, on its sealed index). The
 * list is virtual: it fetches and renders only the page of messages around what is on screen, so it stays light with
 * 100,000 messages, and a catch-up's change events re-read one page rather than the whole inbox.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shortcutLabel } from '../../app/shortcuts';
import { useOpenMessage } from '../../app/open-message';
import { EmptyState } from '../../components/EmptyState';
import { Kbd } from '../../components/Kbd';
import { VirtualList } from '../../components/VirtualList';
import { pageAround, type RowRange } from '../../components/virtual-range';
import { ErrorMessage } from '../../core-ui/ErrorMessage';
import { useInboxPage, useOpenMessages } from '../../core-ui/queries';
import { OPEN_MESSAGES_LIMIT, type InboxFilter, type MessageSummary } from '../../core/api';
import { precedenceRank } from '../../../electron/common/message/precedence';
import { useDeadlineClock, useOverdueList } from '../../messages/useOverdue';
import { InboxFilters } from './InboxFilters';
import { isFiltered, setInboxFilter, useInboxFilter } from './inbox-filter-store';
import { MESSAGE_ROW_HEIGHT, MessageItem } from './MessageItem';
import { useDebouncedValue } from './useDebouncedValue';

const SEARCH_PAUSE_MS = 200;
/** Page edges are rounded to this many messages, so small scrolls ask the core for nothing new. */
const PAGE_STEP = 25;

/** `searchRequest`: changed by the search shortcut, which puts the cursor in the search box. */
export function InboxScreen(props: { searchRequest: number }) {
  const { t } = useTranslation('messages');
  const searchId = useId();
  const searchBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (props.searchRequest > 0) searchBox.current?.focus();
  }, [props.searchRequest]);
  const keys = shortcutLabel('search');
  const filter = useInboxFilter();
  const [query, setQuery] = useState(filter.search ?? '');
  const settledQuery = useDebouncedValue(query, SEARCH_PAUSE_MS);
  // The search joins the filter once typing pauses; the store keeps it for the message view's next and previous.
  useEffect(() => {
    if ((filter.search ?? '') !== settledQuery) setInboxFilter({ ...filter, search: settledQuery });
  }, [filter, settledQuery]);
  return (
    <section className="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" className="screen__title">
        {t('inbox.title', { ns: 'screens' })}
      </h1>
      <div className="form__field search">
        <label htmlFor={searchId}>
          {t('inbox.search')} <Kbd name="search" />
        </label>
        <input
          id={searchId}
          ref={searchBox}
          type="search"
          autoComplete="off"
          dir="auto"
          aria-keyshortcuts={keys.aria}
          data-testid="inbox-search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      <InboxFilters filter={filter} />
      {!isFiltered(filter) && <OpenMessages />}
      <InboxList filter={filter} />
    </section>
  );
}

/** How many waiting messages the block above the list shows; the rest are in the list below. */
const OPEN_SHOWN = 5;

/**
 * Messages waiting for an acknowledgement, most urgent first (FLASH before IMMEDIATE …), then newest: the top of the
 * inbox, one compact line each (during a catch-up this block changes with every batch, so it stays small). Each is
 * also in the full list below, in time order.
 */
function OpenMessages() {
  const { t } = useTranslation('messages');
  const open = useOpenMessage();
  const { data } = useOpenMessages();
  const overdue = useOverdueList(data ?? NONE);
  if (!data || data.length === 0) return null;
  const late = new Set(overdue.map((entry) => entry.message.id));
  const ordered = [...data].sort((a, b) => precedenceRank(a.precedence) - precedenceRank(b.precedence) || b.createdAt - a.createdAt);
  return (
    <section className="inbox-open" aria-labelledby="inbox-open-title" data-testid="inbox-open" data-count={data.length} data-overdue={overdue.length}>
      <h2 id="inbox-open-title" className="inbox-open__title">
        {data.length >= OPEN_MESSAGES_LIMIT ? t('inbox.openAtLeast', { count: data.length }) : t('inbox.open', { count: data.length })}
        {overdue.length > 0 && <span className="badge badge--overdue">{t('overdue.title', { count: overdue.length })}</span>}
      </h2>
      <ol className="inbox-open__list">
        {ordered.slice(0, OPEN_SHOWN).map((message) => (
          <li key={message.id} data-testid={`open-${message.id}`} data-overdue={late.has(message.id)}>
            <span className="badge badge--precedence" data-precedence={message.precedence}>
              {t(`precedence.${message.precedence}`)}
            </span>
            <button type="button" className="message__open" data-testid="message-open" onClick={() => open(message.id)}>
              <bdi dir="auto" lang={message.lang} data-testid="message-subject">
                {message.subject}
              </bdi>
            </button>
            {late.has(message.id) && <span className="badge badge--overdue">{t('view.overdue')}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}

const NONE: readonly MessageSummary[] = [];

/** The inbox as filtered, a page at a time, headed by its counts. */
function InboxList(props: { filter: InboxFilter }) {
  const { t } = useTranslation('messages');
  const [range, setRange] = useState<RowRange>({ first: 0, end: PAGE_STEP });
  const page = pageAround(range, PAGE_STEP);
  // What is overdue is judged by the screen's clock, which moves on as each of the soonest deadlines passes.
  const { data: waiting } = useOpenMessages();
  const now = useDeadlineClock(waiting?.map((message) => message.deadline) ?? NO_DEADLINES);
  const { data, error } = useInboxPage(props.filter, now, page.offset, page.limit);
  const filtered = isFiltered(props.filter);
  const at = (index: number): MessageSummary | undefined => (data ? data.messages[index - data.offset] : undefined);
  return (
    <>
      <ErrorMessage error={error} testId="inbox-error" />
      {data?.counts && (
        <p className="inbox-counts" data-testid="inbox-counts" data-unread={data.counts.unread} data-waiting={data.counts.waiting} data-overdue={data.counts.overdue}>
          <span>{t('inbox.unreadCount', { count: data.counts.unread })}</span> <span>{t('inbox.waitingCount', { count: data.counts.waiting })}</span>{' '}
          <span className={data.counts.overdue > 0 ? 'badge badge--overdue' : undefined}>{t('inbox.overdueCount', { count: data.counts.overdue })}</span>
        </p>
      )}
      {data && data.counts === null && <p className="form__hint" data-testid="inbox-indexing">{t('inbox.indexing')}</p>}
      {data?.total === 0 &&
        (filtered ? (
          <p data-testid="inbox-no-match">{props.filter.search?.trim() ? t('inbox.noMatch') : t('filters.noMatch')}</p>
        ) : (
          <EmptyState title={t('inbox.emptyTitle', { ns: 'screens' })} body={t('inbox.emptyBody', { ns: 'screens' })} />
        ))}
      {data !== undefined && data.total > 0 && <MessageList total={data.total} at={at} onRangeChange={setRange} />}
    </>
  );
}

const NO_DEADLINES: readonly number[] = [];

function MessageList(props: { total: number; at: (index: number) => MessageSummary | undefined; onRangeChange: (range: RowRange) => void }) {
  const { t } = useTranslation('messages');
  const { at } = props;
  const renderRow = useCallback((index: number) => {
    const message = at(index);
    return message ? <MessageItem message={message} /> : null;
  }, [at]);
  // Until its data arrives a row is keyed by position; then by its message, so React keeps it as the list moves.
  const rowKey = useCallback((index: number) => at(index)?.id ?? `row-${index}`, [at]);
  return (
    <VirtualList
      total={props.total}
      rowHeight={MESSAGE_ROW_HEIGHT}
      renderRow={renderRow}
      rowKey={rowKey}
      label={t('inbox.title', { ns: 'screens' })}
      testId="message-list"
      onRangeChange={props.onRangeChange}
    />
  );
}
