// Card styles: px sizes (the page's rem is not ours), a system font stack,
// light and dark colours, and no motion when the user asks for less.
import { CARD_BACKGROUND, VERDICT_STYLES } from '../../core/evidence/verdicts';
import type { Verdict } from '../../core/types';

export function cardCss(verdict: Verdict): string {
  const s = VERDICT_STYLES[verdict];
  return `
.card{all:initial;box-sizing:border-box;position:fixed;inset:auto;top:0;left:0;margin:0;z-index:2147483647;
  width:max-content;max-width:min(340px, calc(100vw - 16px));padding:12px 14px;
  background:${CARD_BACKGROUND.light};color:#1f2937;border:1px solid #d1d5db;border-radius:8px;
  box-shadow:0 6px 24px rgba(0,0,0,.18);
  font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
  text-align:left;white-space:normal;overflow-wrap:anywhere;}
.card[hidden]{display:none;}
.card *{box-sizing:border-box;}
@media (prefers-reduced-motion: no-preference){.card{animation:el-in .12s ease-out;}}
@keyframes el-in{from{opacity:0;transform:translateY(2px);}to{opacity:1;transform:none;}}
.verdict{display:inline-flex;gap:6px;align-items:center;padding:2px 8px;border-radius:10px;
  font-weight:600;font-size:13px;background:${s.light.bg};color:${s.light.fg};}
.label{display:block;margin:8px 0 2px;font-weight:600;font-size:14px;}
.stance{display:block;margin:2px 0;color:#4b5563;font-size:13px;font-style:italic;}
.note{display:block;margin:6px 0 8px;}
.source{display:block;margin:0 0 2px;font-size:13px;}
.design{display:block;margin:0 0 4px;color:#4b5563;font-size:12px;}
.links{display:flex;gap:12px;font-size:13px;}
a{color:#1d4ed8;text-decoration:underline;cursor:pointer;}
a:focus-visible{outline:2px solid currentColor;outline-offset:2px;border-radius:2px;}
.more{display:block;margin-top:8px;color:#4b5563;font-size:12px;}
.details{all:initial;display:block;margin-top:8px;color:#1d4ed8;font:inherit;font-size:12px;text-decoration:underline;cursor:pointer;}
.details:focus-visible{outline:2px solid currentColor;outline-offset:2px;border-radius:2px;}
.disclaimer{display:block;margin-top:4px;color:#6b7280;font-size:12px;}
@media (prefers-color-scheme: dark){
  .card{background:${CARD_BACKGROUND.dark};color:#e5e7eb;border-color:#3f434a;box-shadow:0 6px 24px rgba(0,0,0,.5);}
  .verdict{background:${s.dark.bg};color:${s.dark.fg};}
  .stance,.design,.more{color:#b6bcc6;}
  .details{color:#93c5fd;}
  .disclaimer{color:#9ca3af;}
  a{color:#93c5fd;}
}`;
}
