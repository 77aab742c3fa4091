/** Registers the Python code view: the current wiring as the program it stands for. */
import { registerPanel } from '../../shell/panels';

registerPanel({
  id: 'code',
  title: 'Python',
  slot: 'side',
  order: 40,
  async mount(host, context) {
    const { mountCodeView } = await import('./codeView');
    return mountCodeView(host, context);
  },
});
