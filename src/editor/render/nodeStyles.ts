/** The node's look, inside its shadow root; colours come from the page's theme variables. */
import { css } from 'lit';

export const nodeStyles = css`
  :host {
    display: block;
    position: relative;
    font-family: var(--font, system-ui, sans-serif);
    font-size: 13px;
    color: var(--text, #e6e9ee);
    user-select: none;
  }

  .node {
    --cat: #8894a3;
    position: relative;
    box-sizing: border-box;
    border-radius: 9px;
    border: 1px solid #364354;
    background: linear-gradient(#202935, #1a212b);
    box-shadow: 0 4px 14px rgb(0 0 0 / 35%);
    cursor: grab;
  }

  .cat-given {
    --cat: #3fbf9a;
  }
  .cat-step {
    --cat: #56b4e9;
  }
  .cat-spawner {
    --cat: #cc79a7;
  }
  .cat-wrapper {
    --cat: #e69f00;
  }
  .cat-offload {
    --cat: #f0e442;
  }
  .cat-router {
    --cat: #a3adba;
  }

  .node::before {
    content: '';
    position: absolute;
    left: 10px;
    right: 10px;
    top: -1px;
    height: 3px;
    border-radius: 0 0 3px 3px;
    background: var(--cat);
  }

  .node.container {
    background: color-mix(in srgb, var(--cat) 5%, rgb(18 23 30 / 82%));
    border: 1.5px solid color-mix(in srgb, var(--cat) 45%, #364354);
    box-shadow: none;
  }

  .node.container .head {
    background: linear-gradient(#202935, #1b222c);
    border-radius: 8px 8px 0 0;
    border-bottom: 1px solid color-mix(in srgb, var(--cat) 30%, #364354);
  }

  .node.selected {
    border-color: var(--accent, #56b4e9);
    box-shadow:
      0 0 0 2px var(--accent, #56b4e9),
      0 6px 18px rgb(0 0 0 / 45%);
  }

  .node.faulty {
    border-color: var(--bad, #e69f00);
  }

  .node.highlighted {
    box-shadow:
      0 0 0 3px #f0c419,
      0 0 22px rgb(240 196 25 / 35%);
  }

  /* The box a dragged node would land in: a thick dashed outline, told apart by shape too. */
  .node.container.receiving {
    border: 3px dashed var(--accent, #56b4e9);
    background: color-mix(in srgb, var(--accent, #56b4e9) 14%, rgb(18 23 30 / 82%));
    box-shadow: 0 0 0 4px rgb(86 180 233 / 25%);
  }

  /* A tab on the box's top edge, clear of the node being dragged over its body. */
  .drop-into {
    position: absolute;
    right: 12px;
    top: -22px;
    z-index: 2;
    padding: 2px 8px;
    border-radius: 6px;
    background: var(--accent, #56b4e9);
    color: #0b1118;
    font-size: 11px;
    font-weight: 600;
    pointer-events: none;
  }

  /* The keyboard's place on the board: a ring a player can find at a glance. */
  .node:focus {
    outline: none;
  }
  .node:focus-visible {
    outline: 3px solid var(--focus, #ffd166);
    outline-offset: 4px;
  }
  .node.lifted {
    outline: 3px dashed var(--focus, #ffd166);
    outline-offset: 4px;
    box-shadow: 0 12px 28px rgb(0 0 0 / 55%);
    cursor: grabbing;
  }

  .head {
    box-sizing: border-box;
    display: flex;
    flex-direction: column;
  }

  .title-row {
    display: flex;
    align-items: center;
    gap: 7px;
    padding: 0 0;
  }

  .glyph {
    width: 22px;
    height: 22px;
    flex: none;
    display: grid;
    place-items: center;
    border-radius: 6px;
    font-size: 13px;
    color: #0d1117;
    background: var(--cat);
  }

  .label {
    flex: 1;
    font-weight: 650;
    font-size: 13.5px;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }

  .issue-badge {
    flex: none;
    width: 18px;
    height: 18px;
    border-radius: 50%;
    display: grid;
    place-items: center;
    font-weight: 800;
    font-size: 12px;
    color: #1b1200;
    background: var(--bad, #e69f00);
  }

  .socket-slot {
    flex: none;
    width: 18px;
    display: flex;
    justify-content: center;
  }

  .socket-slot:focus {
    outline: none;
  }
  .socket-slot:focus-visible,
  .socket-slot.taken {
    border-radius: 50%;
    box-shadow: 0 0 0 3px var(--focus, #ffd166);
  }
  .socket-slot.taken {
    animation: taken-pulse 1.2s ease-in-out infinite;
  }
  @keyframes taken-pulse {
    50% {
      box-shadow: 0 0 0 5px var(--focus, #ffd166);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .socket-slot.taken {
      animation: none;
    }
  }

  .socket-slot.input {
    margin-left: -9px;
  }

  .socket-slot.output {
    margin-right: -9px;
  }

  .socket-gap {
    width: 6px;
    flex: none;
  }

  .param {
    display: flex;
    align-items: center;
    gap: 8px;
    padding: 0 12px 0 16px;
    box-sizing: border-box;
  }

  .param-label {
    flex: none;
    width: 64px;
    color: var(--text-dim, #a3adba);
    font-size: 12px;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }

  .param input,
  .param select {
    flex: 1;
    min-width: 0;
    height: 23px;
    box-sizing: border-box;
    padding: 0 6px;
    border-radius: 5px;
    border: 1px solid #3a4656;
    background: #10151c;
    color: var(--text, #e6e9ee);
    font: inherit;
    font-family: var(--mono, monospace);
    font-size: 12px;
    cursor: text;
  }

  .param select {
    cursor: pointer;
    font-family: inherit;
  }

  .param input:focus,
  .param select:focus {
    outline: 2px solid var(--accent, #56b4e9);
    outline-offset: 0;
    border-color: transparent;
  }

  .param.step-pick select {
    font-size: 12.5px;
  }

  .param-limit {
    flex: none;
    font-size: 11px;
    color: var(--text-faint, #6f7b8a);
  }

  .note {
    padding: 0 12px 0 16px;
    font-size: 11.5px;
    color: var(--text-dim, #a3adba);
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }

  .port-row {
    display: flex;
    align-items: center;
    justify-content: flex-end;
    gap: 6px;
    font-size: 12px;
    color: var(--text-dim, #a3adba);
  }

  .body {
    position: relative;
    padding: 10px 14px;
  }

  .python {
    display: block;
    padding: 0 12px 0 16px;
    line-height: 18px;
    font-family: var(--mono, monospace);
    font-size: 11px;
    color: color-mix(in srgb, var(--cat) 60%, #8894a3);
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    opacity: 0.85;
  }

  .drop-hint {
    padding: 14px 8px;
    border: 1.5px dashed #3a4656;
    border-radius: 8px;
    text-align: center;
    color: var(--text-faint, #6f7b8a);
    font-size: 12px;
  }

  /* As wide as the node, never wider: the neighbour beside it stays uncovered (noteRoom.ts). */
  .issues {
    position: absolute;
    left: 0;
    top: calc(100% + 6px);
    width: 100%;
    box-sizing: border-box;
    display: flex;
    flex-direction: column;
    gap: 4px;
    pointer-events: none;
    z-index: 2;
  }

  .issue {
    padding: 5px 8px;
    border-radius: 6px;
    background: #2d2108;
    border: 1px solid #6b4c0c;
    color: #f7dfa8;
    font-size: 12px;
    line-height: 1.35;
  }

  .issues.one-line {
    top: calc(100% + 3px);
  }

  .issues.one-line .issue {
    padding: 2px 6px;
    font-size: 11px;
    line-height: 1.3;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }

  .issue.more {
    color: var(--text-dim, #a3adba);
    background: #1b222b;
    border-color: #2a3340;
  }
`;
