/** A shortcut's keys beside a control's label: left to right, in every language (see app/shortcuts.ts). */
import { shortcutLabel, type ShortcutName } from '../app/shortcuts';

export function Kbd(props: { name: ShortcutName }) {
  return (
    <kbd className="kbd" dir="ltr" data-testid={`kbd-${props.name}`}>
      {shortcutLabel(props.name).shown}
    </kbd>
  );
}
