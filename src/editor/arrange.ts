/**
 * Auto-arrange: lays the wiring out left to right with ELK. ELK is large (about 450 KB),
 * so it and the rete plugin that drives it load only the first time a player asks.
 */
import type { AutoArrangePlugin, Preset } from 'rete-auto-arrange-plugin';
import type { LoopEditor } from './editor';
import type { Schemes } from './schemes';
import { CONTAINER_PAD, ROW, extraOutputs, headerHeight } from './nodeSize';

type Plugin = AutoArrangePlugin<Schemes>;
const plugins = new WeakMap<LoopEditor, Plugin>();

/** Ports where the node element draws them, so ELK routes wires to the right places. */
function preset(editor: LoopEditor): Preset {
  return (nodeId) => {
    const node = editor.parts.editor.getNode(nodeId);
    if (!node) return null;
    const extras = extraOutputs(node);
    return {
      port: ({ side, key, width }) => {
        const extra = extras.indexOf(key);
        const y =
          extra < 0
            ? ROW.title / 2
            : headerHeight(node) - ROW.bottom - (extras.length - extra - 0.5) * ROW.port;
        return {
          x: side === 'input' ? 0 : width,
          y,
          width: 1,
          height: 1,
          side: side === 'input' ? ('WEST' as const) : ('EAST' as const),
        };
      },
      options: (): Record<string, string> => {
        const options: Record<string, string> = {};
        // The Source opens the wiring and the Sink closes it, even before they are wired.
        if (node.type === 'source') options['elk.layered.layering.layerConstraint'] = 'FIRST';
        if (node.type === 'sink') options['elk.layered.layering.layerConstraint'] = 'LAST';
        if (node.isContainer)
          options['elk.padding'] =
            `[top=${headerHeight(node) + CONTAINER_PAD.gap},left=${CONTAINER_PAD.left},bottom=${CONTAINER_PAD.bottom},right=${CONTAINER_PAD.right}]`;
        return options;
      },
    };
  };
}

export async function arrange(editor: LoopEditor): Promise<void> {
  let plugin = plugins.get(editor);
  if (!plugin) {
    const arrangeModule = await import('rete-auto-arrange-plugin');
    plugin = new arrangeModule.AutoArrangePlugin<Schemes>();
    plugin.addPreset(preset(editor));
    editor.parts.area.use(plugin as never);
    plugins.set(editor, plugin);
  }
  editor.parts.history.separate();
  editor.containers.followEnabled = false;
  try {
    await plugin.layout({
      options: {
        'elk.direction': 'RIGHT',
        // Room under each node for the notes that pin a wiring issue on it.
        'elk.spacing.nodeNode': '64',
        'elk.layered.spacing.nodeNodeBetweenLayers': '64',
        'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      },
    });
  } finally {
    editor.containers.followEnabled = true;
  }
  await editor.containers.fitAll();
  editor.containers.order();
  editor.changed('layout');
}
