/**
 * How a node looks: a lit element in its own shadow root. Parameters are edited in place;
 * a change leaves as a bubbling `lw-param` event that the editor turns into an undoable
 * edit, so this element never changes the model itself.
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { paramLimit } from '../../model/paramLimits';
import { NODE_SPECS, type NodeCategory, type ParamSpec } from '../../model/vocabulary';
import type { LoopNode } from '../schemes';
import { ROW, extraOutputs, headerHeight } from '../nodeSize';
import { portLabel } from '../schemes';
import { nodeStyles } from './nodeStyles';
import { stepDescription, stepSummary } from './stepSummary';
import { nodeKeys, portKeys, sendBoardKey } from './nodeKeys';

export interface ParamEditDetail {
  readonly node: string;
  readonly name: string;
  readonly value: unknown;
}

type Emit = (signal: unknown) => void;

const CATEGORY_NAMES: Readonly<Record<NodeCategory, string>> = {
  given: 'given',
  step: 'step',
  spawner: 'spawner',
  wrapper: 'wrapper',
  offload: 'offload',
  router: 'router',
  background: 'background',
};

/** Parameter labels that fit the node's narrow label column (the full label is the field's name). */
const SHORT_LABELS: Readonly<Record<string, string>> = {
  'Lock name': 'Name',
  'Capacity (0 = unbounded)': 'Capacity',
  'Wait between': 'Backoff',
  'Chunk size': 'Chunk',
};

/** Keeps a pointer press inside a field from dragging the node or panning the view. */
const stop = (event: Event): void => event.stopPropagation();

/** A double click in a field selects its text for retyping; it never reaches the board (which zooms). */
const selectText = (event: Event): void => {
  event.stopPropagation();
  event.preventDefault();
  (event.target as HTMLInputElement).select();
};

export class LoopNodeElement extends LitElement {
  static override properties = {
    data: { attribute: false },
    emit: { attribute: false },
  };
  static override styles = nodeStyles;

  declare data: LoopNode | null;
  declare emit: Emit | null;
  /** How the notes are shown: in full, on one line, or only as the badge — the first that fits the room under the node. */
  private notesFit: 'full' | 'line' | 'badge' = 'full';
  /** The notes and room the fit was found for: new ones start again from 'full'. */
  private notesFor = '';

  override willUpdate(): void {
    const node = this.data;
    const key = node ? `${node.refusal ?? ''}|${node.issues.join('\n')}|${node.noteRoom}` : '';
    if (key !== this.notesFor) {
      this.notesFor = key;
      this.notesFit = 'full';
    }
  }

  /** Measured once drawn (before the frame is painted): notes taller than their room step down. */
  override updated(): void {
    const notes = this.renderRoot.querySelector<HTMLElement>('.issues');
    const box = notes?.offsetParent;
    if (!notes || !(box instanceof HTMLElement)) return;
    // How far the notes reach below the node's bottom edge (transforms do not change offsets).
    const below = notes.offsetTop + notes.offsetHeight - box.clientHeight;
    if (below <= (this.data?.noteRoom ?? Infinity)) return;
    this.notesFit = this.notesFit === 'full' ? 'line' : 'badge';
    this.requestUpdate();
  }

  override render(): TemplateResult | typeof nothing {
    const node = this.data;
    if (!node) return nothing;
    const spec = NODE_SPECS[node.type];
    const header = headerHeight(node);
    const classes = [
      'node',
      `cat-${CATEGORY_NAMES[spec.category]}`,
      spec.container ? 'container' : '',
      node.selected ? 'selected' : '',
      node.issues.length > 0 || node.refusal !== null ? 'faulty' : '',
      node.highlighted ? 'highlighted' : '',
      node.receiving ? 'receiving' : '',
      node.lifted ? 'lifted' : '',
    ].join(' ');
    return html`
      <div
        class=${classes}
        style="width:${node.width}px;height:${node.height}px"
        data-node=${node.id}
        data-type=${node.type}
        title=${spec.python}
        tabindex="0"
        role="group"
        aria-roledescription="node"
        aria-label=${`${this.titleText(node)}${node.lifted ? ', lifted' : ''}`}
        @keydown=${(e: KeyboardEvent) => nodeKeys(e, this, node.id)}
        @focus=${(e: FocusEvent) => {
          // Only the keyboard's focus selects: a click selects by itself (Ctrl+click adds).
          if ((e.target as Element).matches(':focus-visible'))
            sendBoardKey(this, { node: node.id, action: 'focus' });
        }}
      >
        <div class="head" style="height:${header}px">
          <div class="title-row" style="height:${ROW.title}px">
            ${spec.hasInput && !node.alone ? this.socket('input', 'in') : html`<span class="socket-gap"></span>`}
            <span class="glyph" aria-hidden="true">${NODE_SPECS[node.type].glyph}</span>
            <span
              class="label"
              title=${node.type === 'step' ? stepDescription(node.level, String(node.params.step ?? '')) : spec.blurb}
              >${this.titleText(node)}</span
            >
            ${
              node.issues.length > 0
                ? html`<span class="issue-badge" title=${node.issues.join('\n')}>!</span>`
                : nothing
            }
            ${'out' in node.outputs && !node.alone ? this.socket('output', 'out') : html`<span class="socket-gap"></span>`}
          </div>
          ${spec.params.map((p) => this.param(node, p))}
          ${
            node.type === 'step'
              ? html`<div class="note" style="height:${ROW.note}px">
                  ${stepSummary(node.level, String(node.params.step ?? ''))}
                </div>`
              : spec.container
                ? html`<code class="python" style="height:${ROW.note}px">${spec.python}</code>`
                : nothing
          }
          ${extraOutputs(node).map(
            (port) => html`
              <div class="port-row" style="height:${ROW.port}px" data-port=${port}>
                <span class="port-label">${portLabel(port)}</span>${this.socket('output', port)}
              </div>
            `,
          )}
        </div>
        ${spec.container ? this.body(node) : nothing}
        ${node.receiving ? html`<div class="drop-into">Let go to put it inside</div>` : nothing}
        ${node.issues.length > 0 || node.refusal !== null ? this.notes(node) : nothing}
      </div>
    `;
  }

  /**
   * The node's problems under it, as much of them as fits (all of them are in the badge's
   * tooltip and the score). A refused value the player just typed is always shown: it
   * answers what they did.
   */
  private notes(node: LoopNode): TemplateResult | typeof nothing {
    const refusal =
      node.refusal !== null
        ? html`<div class="issue refusal" role="alert">${node.refusal}</div>`
        : nothing;
    const fit = this.notesFit === 'badge' && node.refusal !== null ? 'line' : this.notesFit;
    switch (fit) {
      case 'badge':
        return nothing;
      case 'line': {
        const [first, ...rest] = node.issues;
        return html`<div class="issues one-line" role="note" title=${node.issues.join('\n')}>
          ${
            node.refusal !== null
              ? refusal
              : html`<div class="issue">
                  ${first}${rest.length > 0 ? ` (+${rest.length} more)` : ''}
                </div>`
          }
        </div>`;
      }
      case 'full':
        return html`<div class="issues" role="note">
          ${refusal}
          ${node.issues.slice(0, 3).map((issue) => html`<div class="issue">${issue}</div>`)}
          ${
            node.issues.length > 3
              ? html`<div class="issue more">+${node.issues.length - 3} more</div>`
              : nothing
          }
        </div>`;
    }
  }

  /** A Step is named after the work it does; other nodes after their construct. */
  private titleText(node: LoopNode): string {
    if (node.type === 'step') {
      const step = node.level.steps.find((s) => s.id === node.params.step);
      return step?.label ?? 'Step';
    }
    return NODE_SPECS[node.type].label;
  }

  private body(node: LoopNode): TemplateResult {
    return html`<div class="body">
      ${node.emptyBody ? html`<div class="drop-hint">Drop nodes here: they run inside</div>` : nothing}
    </div>`;
  }

  private socket(side: 'input' | 'output', key: string): TemplateResult {
    const node = this.data!;
    const payload = side === 'input' ? node.inputs[key]?.socket : node.outputs[key]?.socket;
    const taken = side === 'output' && node.wiringFrom === key;
    const label = `${side === 'input' ? 'Input' : `Output ${portLabel(key)}`} of ${this.titleText(node)}`;
    return html`<span
      class="socket-slot ${side}${taken ? ' taken' : ''}"
      data-socket=${`${side}:${key}`}
      tabindex="0"
      role="button"
      aria-label=${taken ? `${label}, wire taken` : label}
      @keydown=${(e: KeyboardEvent) => portKeys(e, this, { node: node.id, side, key })}
    >
      <rete-ref
        .data=${{ type: 'socket', side, key, nodeId: node.id, payload }}
        .emit=${this.emit}
      ></rete-ref>
    </span>`;
  }

  private param(node: LoopNode, spec: ParamSpec): TemplateResult {
    const value = node.params[spec.name];
    const commit = (next: unknown): void => {
      this.dispatchEvent(
        new CustomEvent<ParamEditDetail>('lw-param', {
          detail: { node: node.id, name: spec.name, value: next },
          bubbles: true,
          composed: true,
        }),
      );
    };
    const limit = node.level.palette[node.type]?.limits?.[spec.name];
    const machine = paramLimit(node.type, spec.name);
    // live(): a refused value is put back even though the value the node holds did not change.
    const shown = live(String(value ?? ''));
    let field: TemplateResult;
    switch (spec.kind) {
      case 'int':
        field = html`<input
          type="number"
          inputmode="numeric"
          min=${spec.min}
          max=${Math.min(spec.max, limit ?? spec.max, machine?.kind === 'count' ? machine.max : spec.max)}
          step="1"
          .value=${shown}
          aria-label=${spec.label}
          data-param=${spec.name}
          @pointerdown=${stop}
          @dblclick=${selectText}
          @change=${(e: Event) => {
            const text = (e.target as HTMLInputElement).value;
            const n = Number(text);
            commit(text.trim() === '' || !Number.isFinite(n) ? text : n);
          }}
        />`;
        break;
      case 'duration':
      case 'name':
        field = html`<input
          type="text"
          spellcheck="false"
          .value=${shown}
          aria-label=${spec.label}
          data-param=${spec.name}
          @pointerdown=${stop}
          @dblclick=${selectText}
          @change=${(e: Event) => commit((e.target as HTMLInputElement).value.trim())}
        />`;
        break;
      case 'choice':
        field = html`<select
          aria-label=${spec.label}
          data-param=${spec.name}
          @pointerdown=${stop}
          @change=${(e: Event) => commit((e.target as HTMLSelectElement).value)}
        >
          ${spec.options.map((o) => html`<option value=${o} ?selected=${o === value}>${o}</option>`)}
        </select>`;
        break;
      case 'stepRef':
        field = html`<select
          aria-label=${spec.label}
          data-param=${spec.name}
          @pointerdown=${stop}
          @change=${(e: Event) => commit((e.target as HTMLSelectElement).value)}
        >
          ${
            node.level.steps.some((s) => s.id === value)
              ? nothing
              : html`<option value="" selected disabled>choose a step…</option>`
          }
          ${node.level.steps.map(
            (s) => html`<option value=${s.id} ?selected=${s.id === value}>${s.label}</option>`,
          )}
        </select>`;
        break;
    }
    if (spec.kind === 'stepRef')
      return html`<label class="param step-pick" style="height:${ROW.param}px">${field}</label>`;
    const shortLabel = SHORT_LABELS[spec.label] ?? spec.label.replace(/ \(.*\)$/, '');
    const hint = limit !== undefined ? `≤ ${limit}` : '';
    return html`<label class="param" style="height:${ROW.param}px">
      <span class="param-label">${shortLabel}</span
      >${field}${hint ? html`<span class="param-limit">${hint}</span>` : nothing}
    </label>`;
  }
}

customElements.define('lw-node', LoopNodeElement);
