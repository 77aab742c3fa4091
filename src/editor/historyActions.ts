/**
 * Undoable edits the history plugin's classic preset does not know: changing a parameter
 * and moving a node into or out of a container. Both redraw the node and refit the
 * containers involved through `refresh`.
 */
import type { HistoryAction } from 'rete-history-plugin';
import type { NodeEditor } from 'rete';
import type { Schemes } from './schemes';

type Refresh = (ids: readonly (string | undefined)[]) => Promise<void>;

export class ParamAction implements HistoryAction {
  constructor(
    private readonly editor: NodeEditor<Schemes>,
    private readonly refresh: Refresh,
    private readonly nodeId: string,
    private readonly name: string,
    private readonly before: unknown,
    private readonly after: unknown,
  ) {}

  private async set(value: unknown): Promise<void> {
    const node = this.editor.getNode(this.nodeId);
    if (!node) return;
    node.params = { ...node.params, [this.name]: value };
    await this.refresh([this.nodeId]);
  }

  undo(): Promise<void> {
    return this.set(this.before);
  }

  redo(): Promise<void> {
    return this.set(this.after);
  }
}

export class ReparentAction implements HistoryAction {
  constructor(
    private readonly editor: NodeEditor<Schemes>,
    private readonly refresh: Refresh,
    private readonly nodeId: string,
    private readonly before: string | undefined,
    private readonly after: string | undefined,
  ) {}

  private async set(parent: string | undefined): Promise<void> {
    const node = this.editor.getNode(this.nodeId);
    if (!node) return;
    node.parent = parent;
    await this.refresh([this.before, this.after]);
  }

  undo(): Promise<void> {
    return this.set(this.before);
  }

  redo(): Promise<void> {
    return this.set(this.after);
  }
}
