/**
 * Share links in the game: the "Copy link" control on the workbench, "Open a contract…"
 * in the inbox, and opening a link found in the URL. Kept tiny: the codec, the loader and
 * the dialogs load only when used.
 */
import { registerPanel, registerStartup, type PanelContext } from '../../shell/panels';
import { shareHashStart } from '../../share/hashStart';

/** Does the hash carry a share link at all? (Cheap: decides whether to load the reader.) */
const hasLink = (hash: string): boolean => shareHashStart(hash) === 0;

registerPanel({
  id: 'share',
  title: 'Share this wiring as a link',
  slot: 'toolbar',
  order: 10,
  async mount(host, context) {
    const { mountShareControls } = await import('./controls');
    return mountShareControls(host, context);
  },
});

registerPanel({
  id: 'custom-contract',
  title: 'Play a contract from a file or a link',
  slot: 'inbox',
  order: 10,
  async mount(host, context) {
    const { mountContractOpener } = await import('./contractOpener');
    return mountContractOpener(host, context);
  },
});

async function openHash(context: PanelContext): Promise<boolean> {
  if (!hasLink(window.location.hash)) return false;
  const { openLinkInHash } = await import('./openLink');
  return openLinkInHash(context);
}

registerStartup((context) => {
  // A link pasted into the address bar of an open game changes only the hash.
  window.addEventListener('hashchange', () => void openHash(context));
  return openHash(context);
});
