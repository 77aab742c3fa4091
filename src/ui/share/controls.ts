/**
 * The workbench's share controls: "Copy link" for the wiring on the workbench, and, while
 * that wiring came from someone's link, "Save to my solutions".
 */
import type { PanelContext } from '../../shell/panels';
import { ShareEncodeError } from '../../share/solutionBody';
import { h, replace } from '../../shell/dom';
import { shareUrl } from './linkUrl';
import { setSharedWiring, sharedWiring } from './sharedWiring';
import { isCampaignLevel } from './campaignLookup';
import './share.css';

/** A popover under the button with the link, selected, for copying by hand if need be. */
function linkPopover(url: string, copied: boolean): HTMLElement {
  const input = h('input', {
    class: 'share-link-input mono',
    attrs: { readonly: true, value: url, 'aria-label': 'Share link', 'data-testid': 'share-link' },
  });
  const popover = h(
    'div',
    { class: 'share-popover', attrs: { role: 'dialog', 'aria-label': 'Share link' } },
    h(
      'p',
      null,
      copied
        ? 'Link copied. Anyone who opens it sees this wiring run on this contract.'
        : 'Copy this link (Ctrl+C). Anyone who opens it sees this wiring run on this contract.',
    ),
    input,
    h('p', { class: 'faint' }, `${url.length} characters`),
  );
  queueMicrotask(() => {
    input.focus();
    input.select();
  });
  return popover;
}

async function copyToClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function mountShareControls(host: HTMLElement, context: PanelContext): () => void {
  const popoverSlot = h('div', { class: 'share-popover-slot' });
  const copy = h(
    'button',
    {
      class: 'btn',
      data: { action: 'copy-link' },
      attrs: { title: 'Copy a link to this wiring' },
      on: { click: () => void copyLink() },
    },
    'Copy link',
  );
  const keep = h(
    'button',
    {
      class: 'btn primary',
      data: { action: 'keep-shared' },
      attrs: { title: 'Add this shared wiring to your own solutions of the contract' },
      on: { click: () => keepShared() },
    },
    'Save to my solutions',
  );
  const badge = h(
    'span',
    { class: 'share-badge', data: { testid: 'shared-badge' } },
    'Shared wiring',
  );
  const wrap = h('div', { class: 'share-controls' });
  host.append(wrap);

  const closePopover = (): void => replace(popoverSlot);
  const onKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') closePopover();
  };
  const onPointer = (event: PointerEvent): void => {
    if (!wrap.contains(event.target as Node)) closePopover();
  };
  document.addEventListener('keydown', onKey);
  document.addEventListener('pointerdown', onPointer);

  async function copyLink(): Promise<void> {
    const { level, solution } = context;
    if (!level || !solution) return;
    let url: string;
    try {
      url = shareUrl(level, solution);
    } catch (error) {
      if (!(error instanceof ShareEncodeError)) throw error;
      context.notify(`This wiring cannot be shared as a link: ${error.message}.`, 'bad');
      return;
    }
    const copied = await copyToClipboard(url);
    replace(popoverSlot, linkPopover(url, copied));
    if (copied) context.notify('Link copied to the clipboard.', 'good');
  }

  /** Is the wiring on the workbench the one a link brought, not yet kept? */
  function showingShared(): boolean {
    const shared = sharedWiring();
    return (
      shared !== null &&
      context.level !== null &&
      shared.level.id === context.level.id &&
      isCampaignLevel(context.level)
    );
  }

  function keepShared(): void {
    const shared = sharedWiring();
    if (!shared || !context.solution) return;
    setSharedWiring(null);
    context.keepSolution(context.solution, shared.solution.name ?? 'Shared solution');
    context.notify('Saved to your solutions of this contract.', 'good');
    render();
  }

  function render(): void {
    const shared = showingShared();
    copy.disabled = !context.solution;
    replace(wrap, shared ? badge : null, shared ? keep : null, copy, popoverSlot);
  }

  const stop = context.onChange((change) => {
    if (!host.isConnected) {
      teardown();
      return;
    }
    if (change.type === 'level') {
      // Another wiring or contract was opened: unless it is the shared one, the link is done with.
      const shared = sharedWiring();
      if (shared && context.solution !== shared.solution) setSharedWiring(null);
      closePopover();
    }
    if (change.type === 'level' || change.type === 'solution') render();
  });

  function teardown(): void {
    stop();
    document.removeEventListener('keydown', onKey);
    document.removeEventListener('pointerdown', onPointer);
  }

  render();
  return teardown;
}
