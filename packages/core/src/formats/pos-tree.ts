/**
 * Where each value of a parsed YAML or JSON document starts (as offsets into its text), shaped like
 * the value: a leaf is its offset; an object keeps its keys in order with where each key and value
 * starts; an array keeps its items.
 */
export type PosTree = number | PosObject | PosArray;

export interface PosObject {
  at: number;
  keys: string[];
  keyAt: number[];
  values: PosTree[];
}

export interface PosArray {
  at: number;
  items: PosTree[];
}

export const startOf = (node: PosTree): number => (typeof node === 'number' ? node : node.at);

/** The node a path leads to, or the deepest node on its way there. */
export function nodeAt(root: PosTree, path: readonly PropertyKey[]): PosTree {
  let node = root;
  for (const step of path) {
    if (typeof node === 'number') return node;
    let next: PosTree | undefined;
    if ('items' in node) next = typeof step === 'number' ? node.items[step] : undefined;
    else if (typeof step === 'string') {
      const i = node.keys.indexOf(step);
      next = i === -1 ? undefined : node.values[i];
    }
    if (next === undefined) return node;
    node = next;
  }
  return node;
}

/** A child of an object node by key, when the node is an object that has it. */
export function childAt(node: PosTree | undefined, key: string | number): PosTree | undefined {
  if (node === undefined || typeof node === 'number') return undefined;
  if ('items' in node) return typeof key === 'number' ? node.items[key] : undefined;
  if (typeof key !== 'string') return undefined;
  const i = node.keys.indexOf(key);
  return i === -1 ? undefined : node.values[i];
}

/** Where a key of an object node is written. */
export function keyOffset(node: PosTree | undefined, key: string): number | undefined {
  if (node === undefined || typeof node === 'number' || 'items' in node) return undefined;
  const i = node.keys.indexOf(key);
  return i === -1 ? undefined : node.keyAt[i];
}
