/** Share links as full URLs of this copy of the game, wherever it is served from. */
import type { Level } from '../../model/level';
import type { Solution } from '../../model/solution';
import { levelHash, solutionHash } from '../../share/link';
import { isCampaignLevel } from './campaignLookup';

/**
 * The URL that opens this wiring of this contract: it names a campaign contract, and carries
 * any other contract whole.
 * @throws ShareEncodeError when the wiring holds a value a link cannot carry.
 */
export function shareUrl(level: Level, solution: Solution): string {
  const hash = isCampaignLevel(level) ? solutionHash(level, solution) : levelHash(level, solution);
  const url = new URL(window.location.href);
  url.hash = hash;
  return url.toString();
}

/** Takes the link out of the address bar, so a reload starts the game as usual. */
export function clearLinkFromAddressBar(): void {
  const url = new URL(window.location.href);
  url.hash = '';
  window.history.replaceState(window.history.state, '', url.toString().replace(/#$/, ''));
}
