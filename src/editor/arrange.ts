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

/** Space between the Source or the Sink and the program they open and close. */
const BOOKEND_GAP = 96;

/**
 * The Source opens the program on the left and the Sink closes it on the right, level with
 * the program's middle, however much of it is wired yet (ELK stacks what no wire joins).
 */
async function bookend(editor: LoopEditor): Promise<void> {
  const nodes = editor.nodes().filter((n) => n.parent === undefined);
  const source = nodes.find((n) => n.type === 'source');
  const sink = nodes.find((n) => n.type === 'sink');
  const program = nodes
    .filter((n) => n !== source && n !== sink)
    .map((n) => editor.containers.rect(n));
  if (!source || !sink || program.length === 0) return;
  const left = Math.min(...program.map((r) => r.x));
  const right = Math.max(...program.map((r) => r.x + r.width));
  const middle =
    (Math.min(...program.map((r) => r.y)) + Math.max(...program.map((r) => r.y + r.height))) / 2;
  await editor.containers.place(
    source.id,
    Math.round(left - BOOKEND_GAP - source.width),
    Math.round(middle - source.height / 2),
  );
  await editor.containers.place(
    sink.id,
    Math.round(right + BOOKEND_GAP),
    Math.round(middle - sink.height / 2),
  );
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
        // One layering for the whole board, pieces not yet wired included: otherwise ELK
        // stacks each unconnected piece on its own and the Sink can land above the Source.
        'elk.separateConnectedComponents': 'false',
        // Boxes are laid out with what they hold, and wires are routed through them.
        'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
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
  await bookend(editor);
  editor.containers.order();
  editor.changed('layout');
}
