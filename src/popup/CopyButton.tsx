// A button that copies text and says so for a moment (announced to screen readers).
import { useEffect, useRef, useState } from 'preact/hooks';
import { copyText } from './clipboard';
import { S } from './strings';

export function CopyButton({ text, label, describedBy }: { text: () => string; label: string; describedBy?: string }) {
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const onClick = async () => {
    const ok = await copyText(text());
    setStatus(ok ? 'copied' : 'failed');
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setStatus('idle'), 1800);
  };

  return (
    <button type="button" class="copy" onClick={onClick} aria-describedby={describedBy}>
      <span>{label}</span>
      <span class="copy-status" role="status" aria-live="polite">
        {status === 'copied' ? ` ✓ ${S.copied}` : status === 'failed' ? ` ${S.copyFailed}` : ''}
      </span>
    </button>
  );
}
