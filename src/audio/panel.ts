/**
 * Registers the sound control in the workbench's top bar and starts watching for the
 * player's first gesture. Tiny: howler and the sounds load when the control mounts.
 */
import { registerPanel } from '../app/panels';
import { watchFirstGesture } from './gesture';

watchFirstGesture(window);

registerPanel({
  id: 'sound',
  title: 'Sound',
  slot: 'toolbar',
  order: 90,
  async mount(host, context) {
    const { mountSoundControls } = await import('./controls');
    return mountSoundControls(host, context);
  },
});
