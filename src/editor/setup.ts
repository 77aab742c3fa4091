/**
 * Assembles rete: the editor, the 2D area, wires by drag, rendering, history and minimap.
 *
 * Rendering uses @retejs/lit-plugin: of rete's render plugins it is the only one that
 * brings no UI framework (react, vue, svelte and angular each ship one), about 22 KB
 * gzipped with lit; its nodes are web components with their own shadow roots, which suits
 * a game whose other screens are plain DOM.
 */
import { html } from 'lit';
import { NodeEditor } from 'rete';
import { AreaExtensions, AreaPlugin } from 'rete-area-plugin';
import { ClassicFlow, ConnectionPlugin, type SocketData } from 'rete-connection-plugin';
import { LitPlugin, Presets as LitPresets, type LitArea2D } from '@retejs/lit-plugin';
import { HistoryPlugin, Presets as HistoryPresets } from 'rete-history-plugin';
import { MinimapPlugin, type MinimapExtra } from 'rete-minimap-plugin';
import { getDOMSocketPosition } from 'rete-render-utils';
import { LoopConnection, type LoopNode, type Schemes } from './schemes';
import './render/nodeElement';
import './render/socketElement';
import './render/connectionElement';
import { themeMinimap } from './render/minimapTheme';

export type AreaExtra = LitArea2D<Schemes> | MinimapExtra;

export interface EditorParts {
  readonly editor: NodeEditor<Schemes>;
  readonly area: AreaPlugin<Schemes, AreaExtra>;
  readonly history: HistoryPlugin<Schemes>;
  readonly selector: ReturnType<typeof AreaExtensions.selector>;
  readonly selectable: ReturnType<typeof AreaExtensions.selectableNodes>;
  readonly accumulating: ReturnType<typeof AreaExtensions.accumulateOnCtrl>;
}

export interface WireRules {
  /** Why a wire from `from` to `to` may not be made, or null when it may. */
  refuse(from: LoopNode, to: LoopNode): string | null;
  /** Told when a wire was refused. */
  refused(reason: string): void;
  /** Told when the player made a wire from `from`. */
  made(from: LoopNode): void;
  /** Is this wire the selected one (drawn highlighted)? */
  isSelected(id: string): boolean;
}

export function setupEditor(host: HTMLElement, rules: WireRules): EditorParts {
  const editor = new NodeEditor<Schemes>();
  const area = new AreaPlugin<Schemes, AreaExtra>(host);
  const connection = new ConnectionPlugin<Schemes, AreaExtra>();
  const render = new LitPlugin<Schemes, AreaExtra>();
  const history = new HistoryPlugin<Schemes>();
  const minimap = new MinimapPlugin<Schemes>({ boundViewport: true });

  render.addPreset(
    LitPresets.classic.setup({
      // Sockets sit on the node's edge, so a wire ends at the socket's centre.
      socketPositionWatcher: getDOMSocketPosition({ offset: (position) => position }),
      customize: {
        node: (data) => (props) =>
          html`<lw-node .data=${data.payload} .emit=${props.emit}></lw-node>`,
        socket: () => () => html`<lw-socket></lw-socket>`,
        connection: (data) => (props) =>
          html`<lw-connection
            .path=${props.path}
            .wireId=${data.payload.id}
            .selected=${rules.isSelected(data.payload.id)}
          ></lw-connection>`,
      },
    }),
  );
  themeMinimap();
  render.addPreset(LitPresets.minimap.setup({ size: 132 }));

  const pair = (a: SocketData, b: SocketData): [SocketData, SocketData] | null => {
    if (a.side === b.side) return null;
    return a.side === 'output' ? [a, b] : [b, a];
  };
  connection.addPreset(
    () =>
      new ClassicFlow<Schemes, AreaExtra[]>({
        canMakeConnection: (a, b) => pair(a, b) !== null,
        makeConnection: (a, b, context) => {
          const ends = pair(a, b);
          if (!ends) return false;
          const from = context.editor.getNode(ends[0].nodeId);
          const to = context.editor.getNode(ends[1].nodeId);
          if (!from || !to) return false;
          const reason = rules.refuse(from, to);
          if (reason) {
            rules.refused(reason);
            return false;
          }
          void context.editor
            .addConnection(new LoopConnection(from, ends[0].key, to, ends[1].key))
            .then((added) => {
              if (added) rules.made(from);
            });
          return true;
        },
      }),
  );
  history.addPreset(HistoryPresets.classic.setup());

  editor.use(area);
  area.use(connection);
  area.use(render);
  area.use(history);
  area.use(minimap);

  const selector = AreaExtensions.selector();
  const accumulating = AreaExtensions.accumulateOnCtrl();
  const selectable = AreaExtensions.selectableNodes(area, selector, { accumulating });
  return { editor, area, history, selector, selectable, accumulating };
}
