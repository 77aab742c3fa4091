/**
 * The machine's shared things over a run, as step series: who holds each process's GIL,
 * each queue's depth, the memory in use, and each service's open connections.
 */
import type { TraceEvent } from '../../engine/trace';
import type { Interner } from './interner';
import { StepSeriesBuilder, type StepSeries } from './series';

export interface MachineSeries {
  /** Holder (worker id, -1 for none) of each process's GIL. */
  readonly gil: ReadonlyMap<number, StepSeries>;
  /** Depth of each queue node, by node id. */
  readonly queues: ReadonlyMap<string, StepSeries>;
  readonly memory: StepSeries;
  readonly services: ReadonlyMap<string, StepSeries>;
}

type GilChanged = Extract<TraceEvent, { type: 'gilChanged' }>;
type QueueChanged = Extract<TraceEvent, { type: 'queueChanged' }>;
type MemoryChanged = Extract<TraceEvent, { type: 'memoryChanged' }>;
type ServiceChanged = Extract<TraceEvent, { type: 'serviceChanged' }>;

/** Folds the trace's GIL, queue, memory and service events into step series. */
export class MachineSeriesBuilder {
  private readonly gil = new Map<number, StepSeriesBuilder>();
  private readonly queues = new Map<string, StepSeriesBuilder>();
  private readonly services = new Map<string, StepSeriesBuilder>();
  private readonly memory = new StepSeriesBuilder();

  /** `nodes` is the replay's: a queue is indexed as a node even if nothing else names it. */
  constructor(private readonly nodes: Interner) {}

  gilChanged(e: GilChanged): void {
    seriesOf(this.gil, e.process).set(e.t, e.holder);
  }

  queueChanged(e: QueueChanged): void {
    this.nodes.of(e.node);
    seriesOf(this.queues, e.node).set(e.t, e.depth);
  }

  memoryChanged(e: MemoryChanged): void {
    this.memory.set(e.t, e.bytes);
  }

  serviceChanged(e: ServiceChanged): void {
    seriesOf(this.services, e.service).set(e.t, e.active);
  }

  build(): MachineSeries {
    return {
      gil: buildMap(this.gil),
      queues: buildMap(this.queues),
      memory: this.memory.build(),
      services: buildMap(this.services),
    };
  }
}

function seriesOf<K>(map: Map<K, StepSeriesBuilder>, key: K): StepSeriesBuilder {
  let builder = map.get(key);
  if (!builder) {
    builder = new StepSeriesBuilder();
    map.set(key, builder);
  }
  return builder;
}

function buildMap<K>(map: Map<K, StepSeriesBuilder>): Map<K, StepSeries> {
  return new Map([...map].map(([k, b]) => [k, b.build()]));
}
