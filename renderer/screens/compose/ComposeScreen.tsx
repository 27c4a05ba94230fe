/**
 * The composer: recipient posts, precedence, category, subject and text in the author's language, or one of the
 * templates whose places, times and quantities are data (rendered in each reader's language). Sending puts the
 * message in the encrypted outbox; the sync client delivers it when the relay can be reached. FLASH and IMMEDIATE ask
 * for a confirmation first (they interrupt the other post), with a warning when the text is long. A failure keeps
 * everything as typed, and the form is kept as an encrypted draft as it is typed (useComposeDraft).
 */
import { useCallback, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, PRECEDENCES, URGENT_WORD_LIMIT, isUrgent, wordCount, type Category, type Precedence } from '../../../electron/common/message/precedence';
import { TEMPLATE_KINDS, categoryOf, type TemplateKind } from '../../../electron/common/message/template';
import { POSTS, type Post } from '../../../electron/common/protocol/schemas';
import { LANGUAGES, type Language } from '../../../electron/common/settings';
import type { ComposeDraft, ComposeInput, Identity } from '../../core/api';
import { shortcutLabel, useShortcut } from '../../app/shortcuts';
import { Kbd } from '../../components/Kbd';
import { getCore } from '../../core/client';
import { ErrorMessage } from '../../core-ui/ErrorMessage';
import { useCoreAction } from '../../core-ui/useCoreAction';
import { useSettings } from '../../settings/SettingsContext';
import { useLiveFindingsOfEach } from '../translations/useLiveFindings';
import { PresendTranslations } from './PresendTranslations';
import { buildTemplate, initialValues, type FieldProblem } from './template-form';
import { TemplateFields } from './TemplateFields';
import { useComposeDraft, type DraftState } from './useComposeDraft';

type TemplateChoice = TemplateKind | 'none';


export function ComposeScreen(props: { identity: Identity }) {
  const { settings } = useSettings();
  const empty = useCallback(
    (): ComposeDraft => ({ recipients: [], precedence: 'ROUTINE', category: 'administrative', template: 'none', values: {}, zone: 'UTC', subject: '', body: '', lang: settings.language }),
    [settings.language],
  );
  const draft = useComposeDraft(empty);
  if (!draft.form) return null;
  return <ComposeForm identity={props.identity} form={draft.form} update={draft.update} clear={draft.clear} saveError={draft.saveError} />;
}

function ComposeForm(props: { identity: Identity; form: ComposeDraft; update: DraftState['update']; clear: DraftState['clear']; saveError: unknown }) {
  const { t } = useTranslation('messages');
  const ids = { subject: useId(), text: useId(), lang: useId(), precedence: useId(), category: useId(), template: useId() };
  const otherPosts = POSTS.filter((post) => post !== props.identity.post);
  const { form, update } = props;
  const { recipients, precedence, template: templateKind, values, zone, subject, body: text, lang } = form;
  const [problems, setProblems] = useState<Readonly<Record<string, FieldProblem>>>({});
  const [confirming, setConfirming] = useState<ComposeInput | null>(null);
  const [queued, setQueued] = useState(false);
  /** Translations written here with findings: the first Send says so, the second sends them for certification as they are. */
  const [findingsShown, setFindingsShown] = useState(false);
  const isTranslator = props.identity.roles.includes('translator');
  const translations = useMemo(() => (isTranslator ? (form.translations ?? []) : []), [isTranslator, form.translations]);
  const source = useMemo(() => ({ lang, subject, body: text }), [lang, subject, text]);
  const translationFindings = useLiveFindingsOfEach(source, translations);
  const action = useCoreAction();
  const formElement = useRef<HTMLFormElement>(null);
  useShortcut('send', () => formElement.current?.requestSubmit(), confirming === null);

  const edit = (patch: Partial<ComposeDraft>) => {
    update(patch);
    setQueued(false);
    setConfirming(null);
    setFindingsShown(false);
  };
  const toggle = (post: Post, on: boolean) => edit({ recipients: otherPosts.filter((candidate) => (candidate === post ? on : recipients.includes(candidate))) });
  const chooseTemplate = (kind: TemplateChoice) => {
    edit({ template: kind, values: kind === 'none' ? {} : initialValues(kind) });
    setProblems({});
  };

  const send = async (input: ComposeInput) => {
    setConfirming(null);
    const outcome = await action.run(() => getCore().send(input));
    if (!outcome.ok) return;
    await props.clear();
    setQueued(true);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQueued(false);
    let input: ComposeInput = {
      recipients,
      precedence,
      category: form.category,
      subject,
      body: text,
      lang,
      ...(form.replyTo === undefined ? {} : { replyTo: form.replyTo }),
      ...(translations.length === 0 ? {} : { translations }),
    };
    if (templateKind !== 'none') {
      const built = buildTemplate(templateKind, values, zone);
      setProblems(built.ok ? {} : built.problems);
      if (!built.ok) return;
      input = { ...input, template: built.template, category: categoryOf(built.template) };
    }
    if (!findingsShown && translationFindings.some((findings) => findings.length > 0)) {
      setFindingsShown(true);
      return;
    }
    if (isUrgent(precedence)) setConfirming(input);
    else void send(input);
  };

  const category = templateKind === 'none' ? form.category : categoryOf({ kind: templateKind, sector: values['sector'] } as Parameters<typeof categoryOf>[0]);
  const words = wordCount(text);
  return (
    <section className="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" className="screen__title">
        {t('compose.title', { ns: 'screens' })}
      </h1>
      <form ref={formElement} className="form form--wide" onSubmit={submit} noValidate>
        <fieldset className="form__field form__choices">
          <legend>{t('compose.recipients')}</legend>
          {otherPosts.map((post) => (
            <label key={post} className="form__choice">
              <input
                type="checkbox"
                data-testid={`compose-recipient-${post}`}
                checked={recipients.includes(post)}
                onChange={(event) => toggle(post, event.target.checked)}
              />
              <span>{t(`post.${post}`, { ns: 'common' })}</span>
            </label>
          ))}
        </fieldset>
        <div className="form__row">
          <div className="form__field">
            <label htmlFor={ids.precedence}>{t('compose.precedence')}</label>
            <select
              id={ids.precedence}
              data-testid="compose-precedence"
              value={precedence}
              onChange={(event) => edit({ precedence: event.target.value as Precedence })}
            >
              {PRECEDENCES.map((value) => (
                <option key={value} value={value}>
                  {t(`precedence.${value}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="form__field">
            <label htmlFor={ids.template}>{t('compose.template')}</label>
            <select
              id={ids.template}
              data-testid="compose-template"
              value={templateKind}
              onChange={(event) => chooseTemplate(event.target.value as TemplateChoice)}
            >
              <option value="none">{t('compose.templateNone')}</option>
              {TEMPLATE_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`template.kind.${kind}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="form__field">
            <label htmlFor={ids.category}>{t('compose.category')}</label>
            {/* A template files its message under its own category. */}
            <select
              id={ids.category}
              data-testid="compose-category"
              value={category}
              disabled={templateKind !== 'none'}
              onChange={(event) => edit({ category: event.target.value as Category })}
            >
              {CATEGORIES.map((value) => (
                <option key={value} value={value}>
                  {t(`category.${value}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="form__field">
            <label htmlFor={ids.lang}>{t('compose.language')}</label>
            <select id={ids.lang} data-testid="compose-lang" value={lang} onChange={(event) => edit({ lang: event.target.value as Language })}>
              {LANGUAGES.map((language) => (
                <option key={language} value={language} lang={language}>
                  {t(`languageName.${language}`, { ns: 'settings' })}
                </option>
              ))}
            </select>
          </div>
        </div>
        {form.replyTo !== undefined && (
          <p className="form__hint" data-testid="compose-reply">
            {t('view.replyTo')}
          </p>
        )}
        <div className="form__field">
          <label htmlFor={ids.subject}>{t('compose.subject')}</label>
          <input
            id={ids.subject}
            type="text"
            autoComplete="off"
            dir="auto"
            lang={lang}
            data-testid="compose-subject"
            value={subject}
            onChange={(event) => edit({ subject: event.target.value })}
          />
        </div>
        {templateKind !== 'none' && (
          <TemplateFields
            kind={templateKind}
            values={values}
            zone={zone}
            lang={lang}
            problems={problems}
            onChange={(name, value) => edit({ values: { ...values, [name]: value } })}
            onZoneChange={(next) => edit({ zone: next })}
          />
        )}
        <div className="form__field">
          <label htmlFor={ids.text}>{templateKind === 'none' ? t('compose.body') : t('compose.bodyOptional')}</label>
          {/* autoComplete off: Chromium then never saves the text as form state (session restore writes that to disk). */}
          <textarea
            id={ids.text}
            autoComplete="off"
            dir="auto"
            lang={lang}
            rows={8}
            data-testid="compose-text"
            value={text}
            onChange={(event) => edit({ body: event.target.value })}
          />
        </div>
        {isTranslator && <PresendTranslations source={source} translations={translations} findings={translationFindings} onChange={(next) => edit({ translations: next })} />}
        {findingsShown && (
          <p className="form__error" role="alert" data-testid="compose-translation-findings">
            {t('compose.translationFindings')}
          </p>
        )}
        {Object.keys(problems).length > 0 && (
          <p className="form__error" role="alert" data-testid="compose-problems">
            {t('compose.problems')}
          </p>
        )}
        <ErrorMessage error={action.error} testId="compose-error" />
        <ErrorMessage error={props.saveError} testId="compose-draft-error" />
        <p className="form__status" role="status" data-testid="compose-result">
          {queued ? t('compose.queued') : ''}
        </p>
        {confirming ? (
          <div className="confirm" role="alertdialog" aria-labelledby={`${ids.precedence}-confirm`} data-testid="compose-confirm" data-precedence={confirming.precedence}>
            <p id={`${ids.precedence}-confirm`} className="confirm__title">
              {t('compose.confirmTitle', { precedence: t(`precedence.${confirming.precedence}`) })}
            </p>
            <p>{t('compose.confirmBody', { precedence: t(`precedence.${confirming.precedence}`) })}</p>
            {words >= URGENT_WORD_LIMIT && (
              <p className="form__error" data-testid="compose-long-warning">
                {t('compose.longWarning', { count: words, limit: URGENT_WORD_LIMIT })}
              </p>
            )}
            <div className="form__actions">
              <button type="button" className="button button--danger" data-testid="compose-confirm-send" autoFocus onClick={() => void send(confirming)}>
                {t('compose.confirmSend')}
              </button>
              <button type="button" className="button" data-testid="compose-confirm-cancel" onClick={() => setConfirming(null)}>
                {t('compose.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <div className="form__actions">
            <button type="button" className="button" data-testid="compose-clear" disabled={action.pending} onClick={() => void props.clear()}>
              {t('compose.clear')}
            </button>
            <button type="submit" className="button button--primary" data-testid="compose-send" disabled={action.pending} aria-keyshortcuts={shortcutLabel('send').aria}>
              {action.pending ? t('compose.sending') : t('compose.send')} <Kbd name="send" />
            </button>
          </div>
        )}
      </form>
    </section>
  );
}
