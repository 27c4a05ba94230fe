/** Exports the translation memory's certified sentence pairs as a TMX file (for other tools and for the record). */
import { useTranslation } from 'react-i18next';
import { pairsToTmx } from '../../../electron/common/translation/tmx';
import { getCore } from '../../core/client';
import { ErrorMessage } from '../../core-ui/ErrorMessage';
import { useCoreAction } from '../../core-ui/useCoreAction';
import { downloadText } from './download';

const TOOL_VERSION = '0.1.0';

export function MemoryExport() {
  const { t } = useTranslation('translation');
  const action = useCoreAction();
  const exportTmx = () =>
    void action.run(async () => {
      const pairs = await getCore().memoryPairs();
      downloadText('translation-memory.tmx', pairsToTmx(pairs, { toolVersion: TOOL_VERSION, createdAt: new Date() }), 'application/x-tmx+xml');
    });
  return (
    <section aria-labelledby="memory-title">
      <h2 id="memory-title">{t('workspace.matches')}</h2>
      <p>{t('workspace.memoryIntro')}</p>
      <button type="button" className="button" data-testid="memory-export" disabled={action.pending} onClick={exportTmx}>
        {t('workspace.exportTmx')}
      </button>
      <ErrorMessage error={action.error} testId="memory-export-error" />
    </section>
  );
}
