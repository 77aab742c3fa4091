/**
 * The wiring editor a contract is solved in. It owns rete and exposes what the workbench
 * needs in the model's terms: load a Solution, hear about changes as Solutions, place
 * nodes from the palette, pin wiring issues on nodes, undo and redo.
 */
import type { Level } from '../model/level';
import { paramLimitProblem } from '../model/paramLimits';
import type { Solution } from '../model/solution';
import { NODE_SPECS, type NodeType } from '../model/vocabulary';
import type { WiringIssue } from '../engine/program';
import { Containers } from './containers';
import { IdAllocator } from './ids';
import { toSolution } from './mapping';
import { loadWiring } from './loadWiring';
import type { LoopNode } from './schemes';
import { setupEditor, type EditorParts } from './setup';
import { ParamAction } from './historyActions';
import { Commands } from './commands';
import type { ParamEditDetail } from './render/nodeElement';
import type { WireClickDetail } from './render/connectionElement';
import { wireRefusal } from './wireRules';
import { enableBoxSelect } from './boxSelect';
import { headerHeight } from './nodeSize';
import { Room } from './room';
import { BoardKeys } from './keyboard';
import { noteRooms } from './noteRoom';
import { enablePinchZoom } from './touchZoom';
import { enableTapWiring } from './touchWiring';

export interface EditorCallbacks {
  /**
   * The wiring changed. `structure`: nodes, wires, parameters or nesting (re-score it);
   * `layout`: only positions (save it, nothing to score).
   */
  onChange(solution: Solution, kind: 'structure' | 'layout'): void;
  onSelect(nodes: readonly string[]): void;
  /** Something the player should read (a refused wire, a palette limit). */
  onMessage(text: string): void;
}

export class LoopEditor {
  readonly parts: EditorParts;
  readonly containers: Containers;
  readonly commands: Commands;
  readonly room: Room;
  /** The node being dragged, while a drag lasts. */
  private dragging: string | null = null;
  private readonly ids = new IdAllocator();
  private loading = false;
  private replaying = false;
  private pending: 'structure' | 'layout' | null = null;
  private selection: readonly string[] = [];
  /** The name the loaded wiring carries, kept so the wiring read back (and shared) has it too. */
  private name: string | undefined;
  selectedWire: string | null = null;
  private readonly cleanups: (() => void)[] = [];

  constructor(
    readonly host: HTMLElement,
    readonly level: Level,
    private callbacks: EditorCallbacks,
  ) {
    this.parts = setupEditor(host, {
      refuse: (from, to) => wireRefusal(from, to),
      refused: (reason) => this.callbacks.onMessage(reason),
      made: (from) => void this.wired(from),
      isSelected: (id) => id === this.selectedWire,
    });
    this.containers = new Containers(this.parts.editor, this.parts.area as never);
    this.room = new Room(this.parts.editor, this.containers);
    this.commands = new Commands(this, this.parts, this.containers, this.ids);
    this.listen();
    this.cleanups.push(
      enableBoxSelect(this),
      new BoardKeys(this).bind(),
      enablePinchZoom(this),
      enableTapWiring(this),
    );
  }

  /** Tells a new listener what happens on this board: a kept board reopened on the workbench. */
  listenWith(callbacks: EditorCallbacks): void {
    this.callbacks = callbacks;
  }

  get busy(): boolean {
    return this.loading || this.replaying;
  }

  private listen(): void {
    const { editor, area } = this.parts;
    editor.addPipe((context) => {
      // A new wire's view is added on top; once it exists, put it back under the nodes.
      if (context.type === 'connectioncreated') setTimeout(() => this.containers.order(), 0);
      if (this.busy) return context;
      if (
        context.type === 'nodecreated' ||
        context.type === 'noderemoved' ||
        context.type === 'connectioncreated' ||
        context.type === 'connectionremoved'
      )
        this.changed('structure');
      return context;
    });
    area.addPipe((context) => {
      if (!context || typeof context !== 'object' || !('type' in context)) return context;
      switch (context.type) {
        case 'zoom':
          // Keep the view between "see the whole wiring" and "read a parameter closely".
          if (context.data.zoom < 0.15 || context.data.zoom > 2) return undefined;
          break;
        case 'nodepicked':
          this.dragging = context.data.id;
          if (!this.busy) this.parts.history.separate();
          this.containers.order();
          this.selectWire(null);
          this.scheduleSelection();
          break;
        case 'nodetranslated': {
          const node = editor.getNode(context.data.id);
          if (node?.isContainer && !this.busy) {
            const { position, previous } = context.data;
            void this.containers.follow(node.id, position.x - previous.x, position.y - previous.y);
          }
          if (this.dragging !== null && !this.busy)
            this.showReceiver(this.commands.receiver(this.dragging));
          break;
        }
        case 'nodedragged':
          this.dragging = null;
          this.showReceiver(null);
          if (!this.busy) void this.commands.dropped(context.data.id);
          break;
        case 'pointerdown':
          this.selectWire(null);
          // A mark a panel put on nodes lasts until the player touches the board.
          this.highlight([]);
          break;
        case 'pointerup':
          this.scheduleSelection();
          break;
      }
      return context;
    });
    const onParam = (event: Event): void => {
      const detail = (event as CustomEvent<ParamEditDetail>).detail;
      void this.setParam(detail.node, detail.name, detail.value);
    };
    const onWire = (event: Event): void => {
      this.selectWire((event as CustomEvent<WireClickDetail>).detail.id);
    };
    // Every press starts a new action, so undo never merges it with the one before. Captured
    // here because a press on a port never reaches the area (the wire plugin stops it).
    const onPress = (): void => {
      if (!this.busy) this.parts.history.separate();
    };
    this.host.addEventListener('pointerdown', onPress, { capture: true });
    this.host.addEventListener('lw-param', onParam);
    this.host.addEventListener('lw-wire', onWire);
    this.cleanups.push(() => {
      this.host.removeEventListener('pointerdown', onPress, { capture: true });
      this.host.removeEventListener('lw-param', onParam);
      this.host.removeEventListener('lw-wire', onWire);
    });
  }

  /** After the player made a wire from `from`: the box it runs in reads in wiring order again. */
  async wired(from: LoopNode): Promise<void> {
    const box = from.parent !== undefined ? this.parts.editor.getNode(from.parent) : undefined;
    if (!box || !(await this.room.lineUp(box))) return;
    this.containers.order();
    this.changed('layout');
  }

  /** Announces a change once the current burst of edits is over. */
  changed(kind: 'structure' | 'layout'): void {
    if (this.busy) return;
    if (this.pending === null) {
      setTimeout(() => {
        const pending = this.pending;
        this.pending = null;
        this.fitNotes();
        if (pending !== null) this.callbacks.onChange(this.solution(), pending);
      }, 0);
    }
    if (this.pending !== 'structure') this.pending = kind;
  }

  private scheduleSelection(): void {
    setTimeout(() => {
      const now = this.parts.editor
        .getNodes()
        .filter((n) => n.selected)
        .map((n) => n.id);
      if (now.join() !== this.selection.join()) {
        this.selection = now;
        this.callbacks.onSelect(now);
      }
    }, 0);
  }

  private selectWire(id: string | null): void {
    if (this.selectedWire === id) return;
    const previous = this.selectedWire;
    this.selectedWire = id;
    for (const wire of [previous, id]) if (wire) void this.parts.area.update('connection', wire);
  }

  message(text: string): void {
    this.callbacks.onMessage(text);
  }

  /** The wiring as the model sees it, now. */
  solution(): Solution {
    return toSolution(this.parts.editor, this.parts.area as never, this.level, this.name);
  }

  /** Replaces the wiring (a saved solution, a shared one) and forgets the undo history. */
  async load(solution: Solution): Promise<readonly string[]> {
    this.loading = true;
    try {
      this.selectedWire = null;
      const { skipped } = await loadWiring(
        this.parts.editor,
        this.parts.area as never,
        this.containers,
        solution,
        this.level,
      );
      this.name = solution.name;
      this.ids.see(this.parts.editor.getNodes().map((n) => n.id));
      this.containers.order();
      this.parts.history.clear();
      return skipped;
    } finally {
      this.loading = false;
    }
  }

  async setParam(id: string, name: string, value: unknown): Promise<void> {
    const node = this.parts.editor.getNode(id);
    if (!node) return;
    // A value the machine could not run never reaches the wiring: the field keeps its old
    // value and the node says why, so no run can start with 100,000 processes.
    const beyond = paramLimitProblem(node.type, name, value);
    if (beyond !== null || node.refusal !== null) {
      node.refusal = beyond === null ? null : `${String(value)} refused. ${beyond}`;
      await this.parts.area.update('node', id);
      if (beyond !== null) return;
    }
    if (node.params[name] === value) return;
    const before = node.params[name];
    node.params = { ...node.params, [name]: value };
    this.parts.history.separate();
    this.parts.history.add(
      new ParamAction(this.parts.editor, (ids) => this.refresh(ids), id, name, before, value),
    );
    await this.refresh([id]);
  }

  /** Redraws nodes, refits their containers and announces the change. */
  async refresh(ids: readonly (string | undefined)[]): Promise<void> {
    for (const id of ids) {
      if (id === undefined) continue;
      await this.parts.area.update('node', id);
      const node = this.parts.editor.getNode(id);
      await this.containers.fit(node?.isContainer ? id : node?.parent);
    }
    this.containers.order();
    if (!this.replaying) this.changed('structure');
  }

  async undo(): Promise<void> {
    await this.replay(() => this.parts.history.undo());
  }

  async redo(): Promise<void> {
    await this.replay(() => this.parts.history.redo());
  }

  private async replay(step: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.replaying = true;
    this.containers.followEnabled = false;
    try {
      await step();
      await this.containers.fitAll();
      this.containers.order();
    } finally {
      this.replaying = false;
      this.containers.followEnabled = true;
    }
    this.changed('structure');
    this.scheduleSelection();
  }

  /** Pins issues on their nodes; returns those that name no node (shown elsewhere). */
  showIssues(issues: readonly WiringIssue[]): WiringIssue[] {
    const byNode = new Map<string, string[]>();
    const general: WiringIssue[] = [];
    for (const issue of issues) {
      if (issue.node !== undefined && this.parts.editor.getNode(issue.node)) {
        const list = byNode.get(issue.node) ?? [];
        if (!list.includes(issue.message)) list.push(issue.message);
        byNode.set(issue.node, list);
      } else general.push(issue);
    }
    for (const node of this.parts.editor.getNodes()) {
      const next = byNode.get(node.id) ?? [];
      if (next.join('\n') !== node.issues.join('\n')) {
        node.issues = next;
        void this.parts.area.update('node', node.id);
      }
    }
    this.fitNotes();
    return general;
  }

  /** Tells each node how much room its notes have under it, now that nodes or notes changed. */
  private fitNotes(): void {
    const nodes = this.parts.editor.getNodes();
    const rooms = noteRooms(nodes, (n) => this.containers.rect(n));
    for (const node of nodes) {
      const room = rooms.get(node.id) ?? Infinity;
      if (node.noteRoom === room) continue;
      node.noteRoom = room;
      if (node.issues.length > 0) void this.parts.area.update('node', node.id);
    }
  }

  /** Selects nodes (from a panel, e.g. a line of the code view). */
  async select(ids: readonly string[]): Promise<void> {
    await this.parts.selector.unselectAll();
    for (const id of ids)
      if (this.parts.editor.getNode(id)) await this.parts.selectable.select(id, true);
    this.scheduleSelection();
  }

  /** Marks the box a drag in progress would drop into (null: none, the board itself). */
  showReceiver(box: LoopNode | null): void {
    for (const node of this.parts.editor.getNodes()) {
      const on = node === box;
      if (node.receiving !== on) {
        node.receiving = on;
        void this.parts.area.update('node', node.id);
      }
    }
  }

  highlight(ids: readonly string[]): void {
    const wanted = new Set(ids);
    for (const node of this.parts.editor.getNodes()) {
      const on = wanted.has(node.id);
      if (node.highlighted !== on) {
        node.highlighted = on;
        void this.parts.area.update('node', node.id);
      }
    }
  }

  /**
   * Are the positions rough (a hand-written wiring): do two nodes of one box overlap, or
   * does a node sit left of its box or over its header? A loaded box keeps its place, so
   * only these show it is not where its contents need it.
   */
  overlapping(): boolean {
    const nodes = this.parts.editor.getNodes();
    for (const node of nodes) {
      const box = node.parent !== undefined ? this.parts.editor.getNode(node.parent) : undefined;
      if (!box) continue;
      const r = this.containers.rect(node);
      const q = this.containers.rect(box);
      if (r.x < q.x || r.y < q.y + headerHeight(box)) return true;
    }
    for (const a of nodes)
      for (const b of nodes) {
        if (a.id >= b.id || a.parent !== b.parent) continue;
        const r = this.containers.rect(a);
        const q = this.containers.rect(b);
        if (
          r.x < q.x + q.width &&
          q.x < r.x + r.width &&
          r.y < q.y + q.height &&
          q.y < r.y + r.height
        )
          return true;
      }
    return false;
  }

  nodes(): LoopNode[] {
    return this.parts.editor.getNodes();
  }

  /** How many more nodes of a type the contract allows (Infinity: no limit). */
  remaining(type: NodeType): number {
    const spec = NODE_SPECS[type];
    if (spec.category === 'given') return 0;
    const max = spec.category === 'step' ? undefined : this.level.palette[type]?.max;
    if (max === undefined) return Infinity;
    return max - this.parts.editor.getNodes().filter((n) => n.type === type).length;
  }

  destroy(): void {
    for (const cleanup of this.cleanups) cleanup();
    this.parts.accumulating.destroy();
    this.parts.area.destroy();
  }
}
