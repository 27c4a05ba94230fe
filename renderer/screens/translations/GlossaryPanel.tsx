/**
 * The channel's glossary (DESIGN §4): agreed terms in Hebrew, Arabic and English with their forbidden variants and a
 * note. Translators and supervisors add, change and remove entries, import CSV or TBX files and export them; every
 * change goes to every post as a signed envelope, and the safety checks use it at once. The shipped glossary is
 * under the channel's own entries (an entry with the same id replaces the shipped one).
 */
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../electron/common/settings';
import { glossaryFromCsv, glossaryToCsv } from '../../../electron/common/translation/glossary-csv';
import { GlossaryEntry } from '../../../electron/common/translation/glossary-entry';
import type { GlossaryImport } from '../../../electron/common/translation/glossary-import';
import { glossaryFromTbx, glossaryToTbx } from '../../../electron/common/translation/glossary-tbx';
import { channelTerminology } from '../../../electron/common/translation/terminology';
import { getCore } from '../../core/client';
import { ErrorMessage } from '../../core-ui/ErrorMessage';
import { useGlossary } from '../../core-ui/queries';
import { useCoreAction } from '../../core-ui/useCoreAction';
import { downloadText } from './download';

type Form = Record<Language, string> & Record<`forbidden-${Language}`, string> & { id: string; note: string };
const EMPTY_FORM: Form = { id: '', en: '', he: '', ar: '', 'forbidden-en': '', 'forbidden-he': '', 'forbidden-ar': '', note: '' };

/** One variant per line. */
const variants = (text: string): string[] => text.split('\n').map((line) => line.trim()).filter((line) => line !== '');

/** An id from the English term (or a random one): stable once chosen, since edits replace the entry by it. */
const newId = (form: Form): string => {
  const fromTerm = form.en.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 48);
  return fromTerm !== '' ? fromTerm : `entry-${crypto.getRandomValues(new Uint32Array(1))[0]!.toString(36)}`;
};

export function GlossaryPanel(props: { canEdit: boolean }) {
  const { t } = useTranslation('translation');
  const { data: channel } = useGlossary();
  const entries = useMemo(() => channelTerminology(channel ?? []).glossary, [channel]);
  const own = useMemo(() => new Set((channel ?? []).map((entry) => entry.id)), [channel]);
  const action = useCoreAction();
  const [form, setForm] = useState<Form>(EMPTY_FORM);
  const [invalid, setInvalid] = useState(false);
  const [imported, setImported] = useState<GlossaryImport | null>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const candidate = GlossaryEntry.safeParse({
      id: form.id || newId(form),
      terms: Object.fromEntries(LANGUAGES.flatMap((language) => (form[language].trim() ? [[language, form[language].trim()]] : []))),
      forbidden: Object.fromEntries(LANGUAGES.flatMap((language) => (variants(form[`forbidden-${language}`]).length > 0 ? [[language, variants(form[`forbidden-${language}`])]] : []))),
      note: form.note.trim(),
    });
    setInvalid(!candidate.success);
    if (!candidate.success) return;
    const outcome = await action.run(() => getCore().saveGlossary([candidate.data], []));
    if (outcome.ok) setForm(EMPTY_FORM);
  };
  const edit = (entry: GlossaryEntry) =>
    setForm({
      id: entry.id,
      en: entry.terms.en ?? '',
      he: entry.terms.he ?? '',
      ar: entry.terms.ar ?? '',
      'forbidden-en': (entry.forbidden.en ?? []).join('\n'),
      'forbidden-he': (entry.forbidden.he ?? []).join('\n'),
      'forbidden-ar': (entry.forbidden.ar ?? []).join('\n'),
      note: entry.note,
    });
  const readFile = async (file: File) => {
    const text = await file.text();
    setImported(file.name.toLowerCase().endsWith('.tbx') ? glossaryFromTbx(text) : glossaryFromCsv(text));
  };
  const sendImported = async () => {
    if (!imported) return;
    const outcome = await action.run(() => getCore().saveGlossary(imported.entries, []));
    if (outcome.ok) setImported(null);
  };

  return (
    <section className="panel" aria-labelledby="glossary-title" data-testid="glossary">
      <h2 id="glossary-title" className="panel__title">
        {t('glossary.title')}
      </h2>
      <p>{t('glossary.intro', { count: entries.length })}</p>
      <div className="form__actions">
        <button type="button" className="button" data-testid="glossary-export-csv" onClick={() => downloadText('glossary.csv', glossaryToCsv(entries), 'text/csv')}>
          {t('glossary.exportCsv')}
        </button>
        <button type="button" className="button" data-testid="glossary-export-tbx" onClick={() => downloadText('glossary.tbx', glossaryToTbx(entries), 'application/x-tbx+xml')}>
          {t('glossary.exportTbx')}
        </button>
      </div>
      {props.canEdit && (
        <>
          <div className="form__field">
            <label htmlFor="glossary-import">{t('glossary.import')}</label>
            <input id="glossary-import" type="file" autoComplete="off" accept=".csv,.tbx,text/csv,application/xml" data-testid="glossary-import" onChange={(event) => event.target.files?.[0] && void readFile(event.target.files[0])} />
          </div>
          {imported && (
            <div data-testid="glossary-imported" data-entries={imported.entries.length} data-errors={imported.errors.length}>
              <p>{t('glossary.importedCount', { count: imported.entries.length })}</p>
              {imported.errors.length > 0 && (
                <ul className="findings">
                  {imported.errors.map((error, i) => (
                    <li key={i} className="finding" data-testid="glossary-import-error">
                      {t('glossary.importError', { line: error.line, problem: t(`glossary.importErrors.${error.code}`) })}
                    </li>
                  ))}
                </ul>
              )}
              <button type="button" className="button button--primary" data-testid="glossary-import-send" disabled={action.pending || imported.entries.length === 0} onClick={() => void sendImported()}>
                {t('glossary.importSend', { count: imported.entries.length })}
              </button>
            </div>
          )}
          <form className="form" onSubmit={(event) => void save(event)} noValidate data-testid="glossary-form">
            <div className="form__row">
              {LANGUAGES.map((language) => (
                <div className="form__field" key={language}>
                  <label htmlFor={`glossary-${language}`}>{t('glossary.term', { language: t(`languageInText.${language}`, { ns: 'settings' }) })}</label>
                  <input id={`glossary-${language}`} autoComplete="off" lang={language} dir="auto" data-testid={`glossary-term-${language}`} value={form[language]} onChange={(event) => setForm({ ...form, [language]: event.target.value })} />
                  <label htmlFor={`glossary-forbidden-${language}`}>{t('glossary.forbidden')}</label>
                  <textarea
                    id={`glossary-forbidden-${language}`}
                    autoComplete="off"
                    lang={language}
                    dir="auto"
                    rows={2}
                    data-testid={`glossary-forbidden-${language}`}
                    value={form[`forbidden-${language}`]}
                    onChange={(event) => setForm({ ...form, [`forbidden-${language}`]: event.target.value })}
                  />
                </div>
              ))}
            </div>
            <div className="form__field">
              <label htmlFor="glossary-note">{t('glossary.note')}</label>
              <input id="glossary-note" autoComplete="off" dir="auto" data-testid="glossary-note" value={form.note} onChange={(event) => setForm({ ...form, note: event.target.value })} />
            </div>
            {invalid && (
              <p className="error" role="alert" data-testid="glossary-invalid">
                {t('glossary.invalid')}
              </p>
            )}
            <div className="form__actions">
              <button type="submit" className="button button--primary" data-testid="glossary-save" disabled={action.pending}>
                {form.id ? t('glossary.update') : t('glossary.add')}
              </button>
            </div>
          </form>
        </>
      )}
      <ErrorMessage error={action.error} testId="glossary-error" />
      <table className="glossary-table" data-testid="glossary-entries">
        <thead>
          <tr>
            {LANGUAGES.map((language) => (
              <th key={language} scope="col">
                {t(`languageInText.${language}`, { ns: 'settings' })}
              </th>
            ))}
            <th scope="col">{t('glossary.note')}</th>
            {props.canEdit && <th scope="col">{t('glossary.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} data-testid={`glossary-entry-${entry.id}`} data-channel={own.has(entry.id)}>
              {LANGUAGES.map((language) => (
                <td key={language} lang={language} dir="auto">
                  {entry.terms[language] ?? ''}
                  {(entry.forbidden[language] ?? []).length > 0 && (
                    <>
                      <br />
                      <s>{(entry.forbidden[language] ?? []).join(' · ')}</s>
                    </>
                  )}
                </td>
              ))}
              <td dir="auto">{entry.note}</td>
              {props.canEdit && (
                <td>
                  <button type="button" className="button button--link" data-testid={`glossary-edit-${entry.id}`} onClick={() => edit(entry)}>
                    {t('glossary.edit')}
                  </button>
                  {own.has(entry.id) && (
                    <button type="button" className="button button--link" data-testid={`glossary-remove-${entry.id}`} onClick={() => void action.run(() => getCore().saveGlossary([], [entry.id]))}>
                      {t('glossary.remove')}
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
