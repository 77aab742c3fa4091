/**
 * Registers the sound control in the workbench's top bar and the inbox's header, and
 * starts watching for the player's first gesture. Tiny: howler and the sounds load when
 * the control mounts.

 */
import { registerPanel } from '../shell/panels';
import { watchFirstGesture } from './gesture';

watchFirstGesture(window);

registerPanel({
  id: 'sound',
  title: 'Sound',
  slot: 'toolbar',
  order: 90,
  async mount(host, context) {
    const { mountSoundControls } = await import('./controls');
    return mountSoundControls(host, context, true);
  },
});

// The same settings in the inbox, so the music can be turned off before a contract opens.
registerPanel({
  id: 'sound-inbox',
  title: 'Sound',
  slot: 'inbox',
  order: 90,
  async mount(host, context) {
    const { mountSoundControls } = await import('./controls');
    return mountSoundControls(host, context, false);
  },
});
