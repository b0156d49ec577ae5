// The evidence card, loaded on first use (dynamic import) so pages pay for it
// only when a reader opens one. A non-modal toggletip: it lives in the marker's
// shadow root, in the top layer (popover) when available so page overflow and
// z-index cannot clip it, and is positioned next to its anchor by floating-ui.
import { autoUpdate, computePosition, flip, inline, offset, shift, type ReferenceElement } from '@floating-ui/dom';
import type { Marker } from '../markers';
import type { CardAnchor, CardCallbacks, CardData } from '../card-types';
import { buildCardContent } from './content';
import { cardCss } from './styles';
import { t } from '../../shared/i18n';

export interface OpenCard {
  marker: Marker;
  element: HTMLElement;
  close(): void;
}

let idCounter = 0;

function reference(anchor: CardAnchor): ReferenceElement {
  if (anchor instanceof Range) {
    const parent = anchor.startContainer.parentElement ?? undefined;
    return {
      getBoundingClientRect: () => anchor.getBoundingClientRect(),
      getClientRects: () => anchor.getClientRects(),
      contextElement: parent,
    };
  }
  return anchor;
}

export function showCard(marker: Marker, anchor: CardAnchor, data: CardData, callbacks: CardCallbacks): OpenCard {
  const doc = marker.host.ownerDocument;
  const root = marker.root;
  root.querySelector('.card-style')?.remove();
  root.querySelector('.card')?.remove();

  const style = doc.createElement('style');
  style.className = 'card-style';
  style.textContent = cardCss(data.report.verdict);

  const card = doc.createElement('div');
  card.className = 'card';
  card.id = `evidence-lens-card-${++idCounter}`;
  // A labelled, non-modal group; its content is announced once as a status message.
  card.setAttribute('role', 'group');
  card.setAttribute('aria-label', t('cardLabel', data.label));
  const live = doc.createElement('div');
  live.setAttribute('role', 'status');
  live.append(buildCardContent(doc, data));
  card.append(live);

  const usePopover = typeof card.showPopover === 'function';
  if (usePopover) card.setAttribute('popover', 'manual');
  root.append(style, card);
  if (usePopover) {
    try {
      card.showPopover();
    } catch {
      // Not shown as popover (e.g. marker detached): it still renders as position:fixed.
    }
  }
  marker.button.setAttribute('aria-expanded', 'true');
  marker.button.setAttribute('aria-controls', card.id);

  card.addEventListener('pointerenter', () => callbacks.onPointerEnter());
  card.addEventListener('pointerleave', () => callbacks.onPointerLeave());
  card.querySelector('button.details')?.addEventListener('click', (e) => {
    e.stopPropagation();
    callbacks.onDetails();
  });

  const ref = reference(anchor);
  const update = (): void => {
    void computePosition(ref, card, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [offset(6), inline(), flip({ padding: 8 }), shift({ padding: 8 })],
    })
      .then(({ x, y }) => {
        card.style.left = `${Math.round(x)}px`;
        card.style.top = `${Math.round(y)}px`;
      })
      .catch(() => {
        // Anchor gone mid-update: the card is closed by the next pass.
      });
  };
  const stop = autoUpdate(ref, card, update);

  return {
    marker,
    element: card,
    close() {
      stop();
      marker.button.setAttribute('aria-expanded', 'false');
      marker.button.removeAttribute('aria-controls');
      card.remove();
      style.remove();
    },
  };
}
