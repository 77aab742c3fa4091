/**
 * The Python names of each stage (a spawner: task group, queue or batch) and what its
 * handler takes. Stage objects are local variables of main(), so a handler that spawns
 * into another stage, directly or through the handlers it starts, takes that stage's
 * object as a parameter: its "needs".
 */
import { type Instr, type Program, type StageSpec } from '../../engine/program';
import { type ProgramNames } from '../names';
import { reachable } from './instrGraph';

export class StageNames {
  /** Per stage: the name spawns use (task group, queue or batch). */
  readonly variable: string[] = [];
  /** Per stage: its handler function (a queue's worker, a batch's chunk handler). */
  readonly handler: string[] = [];
  /** Queue: the list of worker tasks; Batch: the task group of its chunks. */
  readonly crew: string[] = [];
  /** Queue: the task group its workers run in. */
  readonly group: string[] = [];
  /** Per stage: the stage objects its handler takes besides its job, chunk or queue. */
  private readonly needs: string[][] = [];

  constructor(
    private readonly program: Program,
    names: ProgramNames,
  ) {
    program.stages.forEach((stage, index) => this.nameStage(stage, index, names));
    program.stages.forEach(() => this.needs.push([]));
    // Stages are in drain order, downstream after upstream: fill their needs from the last.
    for (let index = program.stages.length - 1; index >= 0; index--) {
      this.needs[index] = this.spawnTargets((program.stages[index] as StageSpec).entry);
    }
  }

  private nameStage(stage: StageSpec, index: number, n: ProgramNames): void {
    switch (stage.kind) {
      case 'tasks':
        this.variable[index] = n.claim('tg');
        this.handler[index] = n.claimFirst(['handle', 'handle_job']);
        this.crew[index] = '';
        break;
      case 'queue':
        this.variable[index] = n.claim('queue');
        this.handler[index] = n.claimFirst(['worker', 'queue_worker']);
        this.crew[index] = n.claim('workers');
        this.group[index] = n.claim('worker_group');
        break;
      case 'batch':
        this.variable[index] = n.claim('batches');
        this.handler[index] = n.claim('handle_chunk');
        this.crew[index] = n.claim('chunk_tasks');
        break;
    }
  }

  /** The stage objects a chain spawns into, directly or through the handlers it starts. */
  private spawnTargets(start: Instr): string[] {
    const needs = new Set<string>();
    for (const instr of reachable(start)) {
      if (instr.op !== 'spawn') continue;
      const stage = this.program.stages[instr.stage] as StageSpec;
      needs.add(this.variable[instr.stage] as string);
      if (stage.kind === 'tasks') for (const n of this.needsOf(instr.stage)) needs.add(n);
    }
    return [...needs];
  }

  /** The stage objects stage `index`'s handler takes besides its job, chunk or queue. */
  needsOf(index: number): readonly string[] {
    return this.needs[index] ?? [];
  }

  /** A handler's arguments: `first` (its job, chunk or queue), then the stage objects it needs. */
  withNeeds(index: number, first: string): string {
    return [first, ...this.needsOf(index)].join(', ');
  }
}
