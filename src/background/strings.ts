// Answers a content script's StringsRequest (messages.ts) with the extension's
// messages, each with i18n.ts's stand-ins for $1…$9. The background's i18n API
// answers in the language the page's would, so the page's marks and card read the
// same words without loading the message bundle into the page's process
// (i18n.ts, `useStrings`).
import en from '../../_locales/en/messages.json';
import { stringsWithStandIns } from '../shared/i18n';
import { isStringsRequest } from '../shared/strings-guards';
import type { StringsAnswer } from '../shared/messages';

type GetMessage = (name: string, substitutions?: string | string[]) => string;

/** The names of the messages: the default locale's, which has every one (a translation missing one falls back to it). */
const KEYS = Object.keys(en);

/** Every message, in `getMessage`'s language. */
export function strings(getMessage: GetMessage): StringsAnswer {
  return stringsWithStandIns(KEYS, getMessage);
}

/** A runtime.onMessage listener that answers StringsRequest (made once) and leaves other messages to other listeners. */
export function stringsListener(getMessage: GetMessage): (message: unknown) => Promise<StringsAnswer> | undefined {
  let made: StringsAnswer | null = null;
  return (message) => {
    if (!isStringsRequest(message)) return undefined;
    made ??= strings(getMessage);
    return Promise.resolve(made);
  };
}
