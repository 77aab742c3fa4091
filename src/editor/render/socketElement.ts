/** A port: a round target a wire is dragged from or dropped on. */
import { LitElement, css, html } from 'lit';

export class LoopSocketElement extends LitElement {
  static override styles = css`
    :host {
      display: inline-block;
    }
    .socket {
      width: 16px;
      height: 16px;
      box-sizing: border-box;
      border-radius: 50%;
      border: 2px solid #c9d2dc;
      background: #0f141a;
      cursor: crosshair;
      transition:
        transform 0.1s,
        background 0.1s;
    }
    .socket:hover {
      transform: scale(1.25);
      background: var(--accent, #56b4e9);
    }
    /* A fingertip is far wider than a port: on a touch screen the port takes a press well around it. */
    @media (pointer: coarse) {
      :host {
        padding: 12px;
        margin: -12px;
      }
    }
  `;

  override render() {
    return html`<div class="socket" data-testid="socket"></div>`;
  }
}

customElements.define('lw-socket', LoopSocketElement);
