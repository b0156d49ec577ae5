// The messages our marks and card show, asked of our background once per page
// that names MgT (messages.ts, StringsRequest), so the page's process need not
// load the extension's message bundle through its own i18n API (i18n.ts,
// `useStrings`). Asked when the scanner starts; the answer comes while the first
// pass reads and detects, long before it renders. Until it comes, or if it never
// does, the page asks its i18n API as before.
import { askBackground } from '../shared/content-messaging';
import { isStringsAnswer } from '../shared/strings-guards';
import { useStrings } from '../shared/i18n';

let asked = false;

export function loadStrings(): void {
  if (asked) return;
  asked = true;
  void askBackground({ type: 'strings' }).then((answer) => {
    if (isStringsAnswer(answer) && Object.keys(answer).length > 0) useStrings(answer);
  });
}
