/**
 * The view lab: the run view and the timeline on a page of their own, for the browser
 * tests and `npm run bench:view`. Not part of the game's build.
 *
 *   index.html?level=chess-exhibition&solution=reference   a contract's run (naive-0, naive-1 …)
 *   index.html?mode=bench                                   exposes `loopworkBench` for the benchmark
 */
import '../../shell/theme.css';
import { loadCampaign } from '../../../levels/campaign';
import { simulate } from '../../engine/simulate';
import type { Level } from '../../model/level';
import type { Solution } from '../../model/solution';
import { h } from '../../shell/dom';
import { Playback } from '../playback';
import { mountRunView } from '../runView';
import { mountTimeline } from '../timeline/timelineView';
import { installBench } from './bench';
import './lab.css';

function pickSolution(level: Level, name: string): Solution {
  if (name.startsWith('naive-')) return level.naive[Number(name.slice(6))] ?? level.reference;
  return level.reference;
}

async function showLevel(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const levels = loadCampaign();
  const level = levels.find((l) => l.id === params.get('level')) ?? levels[0]!;
  const solution = pickSolution(level, params.get('solution') ?? 'reference');
  const result = simulate(level, solution);
  const runHost = h('section', { class: 'lab-run', attrs: { 'data-testid': 'run-view' } });
  const timelineHost = h('section', {
    class: 'lab-timeline',
    attrs: { 'data-testid': 'timeline' },
  });
  root.replaceChildren(
    h('header', { class: 'lab-head' }, `${level.title} — ${solution.name ?? 'wiring'}`),
    runHost,
    timelineHost,
  );
  const playback = new Playback();
  const input = { level, solution, result };
  await mountRunView(runHost, input, { playback });
  await mountTimeline(timelineHost, input, { playback });
  root.dataset.ready = 'true';
}

const root = document.getElementById('lab')!;
const params = new URLSearchParams(location.search);
if (params.get('mode') === 'bench') installBench(root);
else void showLevel(root, params);
