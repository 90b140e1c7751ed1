/** Message components as Discord numbers them, and how to find a message's buttons. */

export const ACTION_ROW = 1;
export const BUTTON = 2;
export const LINK_STYLE = 5;

type Json = Record<string, unknown>;
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null;

/** The buttons of a message's action rows, with their row index. */
export function messageButtons(components: unknown[]): { row: number; button: Json }[] {
  return components.flatMap((row, i) =>
    isObject(row) && row.type === ACTION_ROW && Array.isArray(row.components)
      ? row.components
          .filter((c) => isObject(c) && c.type === BUTTON)
          .map((c) => ({ row: i, button: c as Json }))
      : [],
  );
}
