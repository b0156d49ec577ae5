// A message a patient might paste (claims in reported speech, a tag that must stay
// text): the paste page's and the selection menu's tests use it, in Chromium and Firefox.
export const PASTED = [
  'Hi doctor, my friend says Magtein improves memory and that magnesium L-threonate',
  'reverses brain aging by 9 years. Should I take Neuro-Mag?',
  '',
  'The label says: <b>clinically proven</b> to cross the blood-brain barrier.',
].join('\n');
