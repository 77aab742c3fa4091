/**
 * Opening a share link from the address bar: read it (never trusting it), then either open
 * its contract and wiring on the workbench, or explain why not. A refused link changes
 * nothing the player owns; an opened one is shown unsaved until the player keeps it.
 */
import type { PanelContext } from '../../shell/panels';
import * as loader from '../../model/load';
import { readShareHash, type SharedLink } from '../../share/link';
import { borrowedIdProblem, campaignLevel } from './campaignLookup';
import { clearLinkFromAddressBar } from './linkUrl';
import { showNotice } from './notice';
import { setSharedWiring } from './sharedWiring';

/** Opens what a link carries; the wiring is simulated afresh by the workbench, never taken on trust. */
export function openShared(link: SharedLink, context: PanelContext): void {
  if (link.kind === 'level') {
    setSharedWiring(null);
    context.openContract(link.level, undefined, 'outside');
    return;
  }
  setSharedWiring({ level: link.level, solution: link.solution, customLevel: link.customLevel });
  // Run it once the workbench has loaded it into the editor, so the run view and the score
  // show this wiring's run, not just its live score.
  const stop = context.onChange((change) => {
    if (change.type !== 'solution') return;
    stop();
    void context.run();
  });
  context.openContract(link.level, link.solution, link.customLevel ? 'outside' : 'link');
  if (link.madeForRevision < link.level.revision)
    context.notify(
      `This link was made for an earlier revision of “${link.level.title}”; the contract has changed since, so the wiring may fit less well.`,
      'info',
    );
}

/** Handles the link in `location.hash`. Returns whether it opened a contract. */
export function openLinkInHash(context: PanelContext): boolean {
  const result = readShareHash(window.location.hash, { findLevel: campaignLevel, loader });
  if (result === null) return false;
  clearLinkFromAddressBar();
  const borrowed = result.ok ? borrowedIdProblem(result.value) : null;
  if (!result.ok || borrowed !== null) {
    // Not awaited: the inbox shows behind the notice.
    void showNotice({
      title: 'This link could not be opened',
      message: result.ok ? (borrowed as string) : result.message,
      // Validation errors name JSON paths a contract's author can act on; the other
      // refusals' specifics are about bytes and would only puzzle a player.
      details: !result.ok && result.reason === 'invalid' ? result.details : [],
      reason: result.ok ? 'borrowedId' : result.reason,
    });
    return false;
  }
  openShared(result.value, context);
  return true;
}
