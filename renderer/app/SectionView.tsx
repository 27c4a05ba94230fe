/** The screen of the selected section. */
import type { Identity } from '../core/api';
import { ComposeScreen } from '../screens/compose/ComposeScreen';
import { DeskScreen } from '../screens/desk/DeskScreen';
import { InboxScreen } from '../screens/inbox/InboxScreen';
import { TranslationsScreen } from '../screens/translations/TranslationsScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import type { Section } from './sections';

export function SectionView(props: { section: Section; identity: Identity; searchRequest: number }) {
  switch (props.section) {
    case 'inbox':
      return <InboxScreen searchRequest={props.searchRequest} />;
    case 'compose':
      return <ComposeScreen identity={props.identity} />;
    case 'translations':
      return <TranslationsScreen identity={props.identity} />;
    case 'desk':
      return <DeskScreen identity={props.identity} />;
    case 'settings':
      return <SettingsScreen />;
  }
}
