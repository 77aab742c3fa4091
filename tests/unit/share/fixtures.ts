/** A small contract that allows every node, for exercising the share codec on its own. */
import type { Level } from '../../../src/model/level';
import type { Solution } from '../../../src/model/solution';

const reference: Solution = {
  kind: 'loopwork/solution',
  version: 1,
  level: { id: 'photo-desk', revision: 3 },
  name: 'Pool it',
  nodes: [
    { id: 'src', type: 'source', params: {}, position: { x: 0, y: 0 } },
    { id: 'pool', type: 'processPool', params: { workers: 4 }, position: { x: 240, y: 0 } },
    {
      id: 'resize',
      type: 'step',
      params: { step: 'resize' },
      parent: 'pool',
      position: { x: 260, y: 60 },
    },
    { id: 'save', type: 'step', params: { step: 'save' }, position: { x: 520, y: 0 } },
    { id: 'sink', type: 'sink', params: {}, position: { x: 760, y: 0 } },
  ],
  connections: [
    { from: 'src', fromPort: 'out', to: 'pool' },
    { from: 'pool', fromPort: 'out', to: 'save' },
    { from: 'save', fromPort: 'out', to: 'sink' },
  ],
};

export const photoDesk: Level = {
  kind: 'loopwork/level',
  version: 1,
  id: 'photo-desk',
  revision: 3,
  title: 'The photo desk',
  chapter: 1,
  order: 1,
  requires: [],
  email: { from: 'Ada <ada@example.org>', subject: 'Photos', body: 'Resize these, please.' },
  pay: 100,
  machine: { cores: 4, memory: '2GB' },
  workload: {
    streams: [
      {
        kind: 'image',
        count: 20,
        arrival: { type: 'atOnce' },
        recipe: ['fetch', 'resize', 'save'],
      },
      { kind: 'text', count: 5, arrival: { type: 'interval', every: '100ms' }, recipe: ['fetch'] },
      { kind: 'image', count: 3, arrival: { type: 'atOnce', at: '1s' }, recipe: ['fetch'] },
    ],
  },
  steps: [
    { id: 'fetch', label: 'Fetch', ops: [{ io: '300ms' }] },
    { id: 'resize', label: 'Resize', ops: [{ cpu: '80ms' }] },
    { id: 'save', label: 'Save', ops: [{ io: '50ms', mode: 'blocking' }] },
  ],
  services: [],
  palette: {
    tasks: {},
    queue: {},
    batch: {},
    semaphore: {},
    lock: {},
    timeout: {},
    retry: {},
    threadPool: {},
    processPool: { limits: { workers: 4 } },
    fanOut: {},
    route: {},
  },
  costs: {},
  goals: [{ metric: 'done', min: 'all' }],
  par: { bronze: {}, silver: {}, gold: {} },
  hints: [],
  seed: 1,
  reference,
  naive: [],
};
