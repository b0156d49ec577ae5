// Handing a report to the printable report page. The popup closes as soon as a
// tab opens, so the report goes into storage.session (memory only, cleared when
// the browser closes; extension pages only) under a fresh id, and the page's
// address carries just the id: no length limit, and no page text in the URL.
import type { ReportInput } from '../core/report/markdown';
import type { ScanResult } from '../core/types';
import { storageApi } from '../shared/settings-store';

const PREFIX = 'report:';
/** Older reports are removed past this many (a report is a few KB; the session area holds 10 MB). */
const KEEP = 20;

export const REPORT_PAGE = 'src/report/index.html';

/** Today as the CLI writes it (`scan --md`): the UTC date, YYYY-MM-DD. */
export function reportDate(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function reportInput(title: string, url: string | null, result: ScanResult, now?: Date): ReportInput {
  return { title, url, date: reportDate(now), result };
}

function sessionArea() {
  const area = storageApi()?.session;
  if (!area) throw new Error('storage.session is not available');
  return area;
}

/** Stores the report and returns its id. */
export async function storeReport(input: ReportInput): Promise<string> {
  const area = sessionArea();
  const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const all = await area.get(null);
  const old = Object.keys(all)
    .filter((k) => k.startsWith(PREFIX))
    .sort()
    .slice(0, -(KEEP - 1) || undefined);
  if (old.length > 0) await area.remove(old);
  await area.set({ [PREFIX + id]: input });
  return id;
}

export async function loadReport(id: string): Promise<ReportInput | null> {
  const got = await sessionArea().get(PREFIX + id);
  const v = got[PREFIX + id] as ReportInput | undefined;
  return v && typeof v === 'object' && v.result ? v : null;
}

/** Address of the printable page for a stored report (relative to the extension root). */
export function reportPagePath(id: string): string {
  return `${REPORT_PAGE}?id=${encodeURIComponent(id)}`;
}
