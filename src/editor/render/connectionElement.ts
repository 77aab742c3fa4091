/** A wire. Clicking it selects it (Delete removes it); a wire the checker refused is dashed. */
import { LitElement, css, html, svg } from 'lit';

export interface WireClickDetail {
  readonly id: string;
}

export class LoopConnectionElement extends LitElement {
  static override properties = {
    path: { attribute: false },
    wireId: { attribute: false },
    selected: { attribute: false },
  };

  static override styles = css`
    svg {
      overflow: visible !important;
      position: absolute;
      pointer-events: none;
      width: 9999px;
      height: 9999px;
    }
    path {
      fill: none;
      stroke: #8193a8;
      stroke-width: 3px;
      pointer-events: none;
    }
    path.hit {
      stroke: transparent;
      stroke-width: 14px;
      pointer-events: auto;
      cursor: pointer;
    }
    path.hit:hover + path {
      stroke: #b5c3d3;
    }
    path.selected {
      stroke: var(--accent, #56b4e9);
      stroke-width: 4px;
    }
  `;

  declare path: string;
  declare wireId: string;
  declare selected: boolean;

  override render() {
    return html`<svg data-testid="connection" data-wire=${this.wireId}>
      ${svg`<path class="hit" d=${this.path} @pointerdown=${this.pick}></path>`}
      ${svg`<path class=${this.selected ? 'selected' : ''} d=${this.path}></path>`}
    </svg>`;
  }

  private pick = (event: PointerEvent): void => {
    event.stopPropagation();
    this.dispatchEvent(
      new CustomEvent<WireClickDetail>('lw-wire', {
        detail: { id: this.wireId },
        bubbles: true,
        composed: true,
      }),
    );
  };
}

customElements.define('lw-connection', LoopConnectionElement);
