/**
 * The editor's node and wire classes. A node's rete id IS its model id ("n7"): ids are
 * allocated by the editor from the model's own sequence (see ids.ts), never by rete's
 * random `getUID`, so the mapping editor ⇄ Solution is the identity on ids and nothing
 * random is ever saved or shared.
 */
import { ClassicPreset, type GetSchemes } from 'rete';
import type { Level } from '../model/level';
import { NODE_SPECS, type NodeType, type PortName } from '../model/vocabulary';
import { nodeSize } from './nodeSize';

export const jobSocket = new ClassicPreset.Socket('job');

type Ports = Record<string, ClassicPreset.Socket>;

export class LoopNode extends ClassicPreset.Node<Ports, Ports> {
  width: number;
  height: number;
  /** Model id of the container this node sits in. */
  parent?: string;
  declare selected?: boolean;
  /** Wiring problems pinned to this node, in plain words. */
  issues: readonly string[] = [];
  /**
   * Why a field refused the value last typed into it (beyond what the machine runs): shown
   * on the node until the next edit the node accepts, while the field keeps its old value.
   */
  refusal: string | null = null;
  /** Lit by the run view or the code view (`select` from a panel). */
  highlighted = false;
  /** The box a node being dragged would drop into if let go now. */
  receiving = false;
  /** Lifted with the keys, moving with the arrows until put down. */
  lifted = false;
  /** The output port a wire was taken from with a key or a tap, waiting for an input. */
  wiringFrom: string | null = null;
  /**
   * The only node in its box: the box feeds it and takes what it gives, and no wire can
   * join it to anything else, so it shows no input or output port.
   */
  alone = false;
  /** Board pixels free under the node for its notes (see noteRoom.ts). */
  noteRoom = Infinity;
  /** A container with nothing inside yet: it shows where to drop nodes. */
  emptyBody = true;

  constructor(
    id: string,
    readonly type: NodeType,
    public params: Record<string, unknown>,
    readonly level: Level,
  ) {
    super(NODE_SPECS[type].label);
    this.id = id;
    const spec = NODE_SPECS[type];
    if (spec.hasInput) this.addInput('in', new ClassicPreset.Input(jobSocket, 'in', true));
    for (const port of outputPorts(type, level)) {
      this.addOutput(port, new ClassicPreset.Output(jobSocket, portLabel(port), false));
    }
    const size = nodeSize(this);
    this.width = size.width;
    this.height = size.height;
  }

  get isContainer(): boolean {
    return NODE_SPECS[this.type].container;
  }
}

export class LoopConnection extends ClassicPreset.Connection<LoopNode, LoopNode> {
  /** A wire the last check found wrong (e.g. it leaves its container). */
  faulty = false;
}

export type Schemes = GetSchemes<LoopNode, LoopConnection>;

/** The job kinds of a level, in stream order, without repeats. */
export function jobKinds(level: Level): string[] {
  return [...new Set(level.workload.streams.map((s) => s.kind))];
}

export function outputPorts(type: NodeType, level: Level): PortName[] {
  if (type === 'route') return jobKinds(level).map((k) => `kind:${k}`);
  return [...NODE_SPECS[type].outputs];
}

const PORT_LABELS: Readonly<Record<string, string>> = {
  out: 'out',
  timedOut: 'timed out',
  failed: 'failed',
};

export function portLabel(port: PortName): string {
  return port.startsWith('kind:') ? port.slice(5) : (PORT_LABELS[port] ?? port);
}
