/**
 * Dresses rete's minimap in the game's dark theme. Its elements keep their styles in
 * shadow roots that page CSS cannot reach, so the theme is appended to each element class's
 * style list before the first minimap is created (lit adopts that list per instance).
 */
import { css } from 'lit';
import '@retejs/lit-plugin';

const THEME: Readonly<Record<string, ReturnType<typeof css>>> = {
  'rete-minimap': css`
    .minimap {
      right: 12px;
      bottom: 12px;
      padding: 10px;
      background: rgb(14 18 24 / 90%);
      border: 1px solid #2a3340;
      border-radius: 8px;
      box-shadow: 0 6px 24px rgb(0 0 0 / 35%);
    }
  `,
  'rete-mini-node': css`
    .mini-node {
      background: rgb(129 147 168 / 55%);
      border: 1px solid rgb(163 173 186 / 50%);
      border-radius: 2px;
    }
  `,
  'rete-mini-viewport': css`
    .mini-viewport {
      background: rgb(86 180 233 / 12%);
      border: 1px solid #56b4e9;
      border-radius: 2px;
    }
  `,
};

let applied = false;

export function themeMinimap(): void {
  if (applied) return;
  applied = true;
  for (const [tag, style] of Object.entries(THEME)) {
    // The minimap's parts are lit elements: their class keeps the styles it adopts.
    const element = customElements.get(tag);
    if (element && 'elementStyles' in element && Array.isArray(element.elementStyles))
      element.elementStyles.push(style);
  }
}
