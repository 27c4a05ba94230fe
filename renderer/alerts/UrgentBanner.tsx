/**
 * Incoming FLASH and IMMEDIATE messages this post has not acknowledged: a banner at the top of every screen that stays
 * until an officer acknowledges (it is derived from the messages' states, so dismissing is not possible). Each newly
 * seen one plays the alert sound once, and a FLASH also raises an OS notification (a browser one in browser mode,
 * where the person allowed it) — with the precedence and post only, never the message's words.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Post } from '../../electron/common/protocol/schemas';
import urgentSound from '../../assets/sounds/urgent.wav';
import { useOpenMessage } from '../app/open-message';
import type { MessageSummary } from '../core/api';
import { useUrgentMessages } from '../core-ui/queries';
import { useHost } from '../host/HostContext';

export function UrgentBanner() {
  const { t } = useTranslation('messages');
  const { data: urgent } = useUrgentMessages();
  const open = useOpenMessage();
  useAnnounce(urgent ?? []);
  if (!urgent || urgent.length === 0) return null;
  const [first] = urgent as [MessageSummary, ...MessageSummary[]];
  const postName = (post: Post) => t(`post.${post}`, { ns: 'common' });
  return (
    <section className="urgent-region" aria-label={t(`alert.${first.precedence === 'FLASH' ? 'FLASH' : 'IMMEDIATE'}`, { post: postName(first.senderPost) })}>
      <div className="alarm-banner urgent-banner" role="alert" data-testid="urgent-banner" data-precedence={first.precedence} data-message={first.id}>
        <p>
          <strong>{t(`alert.${first.precedence === 'FLASH' ? 'FLASH' : 'IMMEDIATE'}`, { post: postName(first.senderPost) })}</strong>{' '}
          <bdi dir="auto" lang={first.lang} data-testid="urgent-subject">
            {first.subject}
          </bdi>
          {urgent.length > 1 && <span> {t('alert.more', { count: urgent.length - 1 })}</span>}
        </p>
        <button type="button" className="button" data-testid="urgent-open" onClick={() => open(first.id)}>
          {t('alert.open')}
        </button>
      </div>
    </section>
  );
}

/** Sound and notification, once per message: the ids already announced are remembered while the app is open. */
function useAnnounce(urgent: readonly MessageSummary[]): void {
  const { t } = useTranslation('messages');
  const host = useHost();
  const announced = useRef(new Set<string>());
  useEffect(() => {
    const fresh = urgent.filter((message) => !announced.current.has(message.id));
    if (fresh.length === 0) return;
    for (const message of fresh) announced.current.add(message.id);
    // Autoplay may be refused until the person has interacted with the page; the banner is there regardless.
    new Audio(urgentSound).play().catch(() => undefined);
    for (const message of fresh.filter((candidate) => candidate.precedence === 'FLASH')) {
      host.notifyUrgent(t('alert.FLASH', { post: t(`post.${message.senderPost}`, { ns: 'common' }) })).catch(() => undefined);
    }
  }, [urgent, host, t]);
}
