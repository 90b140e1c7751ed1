import type { CST } from 'yaml';
import {
  Composer,
  type Document,
  isAlias,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  Parser,
} from 'yaml';
import { MAX_NESTING, nestingMessage } from './nesting';
import type { PosObject, PosTree } from './pos-tree';

/** Alias uses (`*name`) a bank may hold; each expands to a copy of its anchor's value. */
export const MAX_YAML_ALIASES = 100;

export type FullYaml =
  | { value: unknown; tree: PosTree; problems?: undefined }
  | { problems: { offset: number; code: string; message: string }[] };

/** How deep the CST nests, without recursion; the offset where it first passes MAX_NESTING. */
function tooDeepAt(tokens: CST.Token[]): number | undefined {
  const stack: [CST.Token | undefined, number][] = tokens.map((t) => [t, 0]);
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [token, depth] = top;
    if (token === undefined) continue;
    if (depth > MAX_NESTING) return token.offset;
    if (token.type === 'document') stack.push([token.value, depth]);
    else if (
      token.type === 'block-map' ||
      token.type === 'block-seq' ||
      token.type === 'flow-collection'
    ) {
      for (const item of token.items) {
        const i = item as { key?: CST.Token | null; value?: CST.Token };
        if (i.key) stack.push([i.key, depth + 1]);
        stack.push([i.value, depth + 1]);
      }
    }
  }
  return undefined;
}

/**
 * Reads any YAML with the `yaml` package: every rule and error message, at its speed. Nesting is
 * checked on the parser's tokens before the document is built (building recurses), and aliases are
 * counted and checked before they are expanded.
 */
export function readFullYaml(text: string): FullYaml {
  const tokens = [...new Parser().parse(text)];
  const deep = tooDeepAt(tokens);
  if (deep !== undefined) {
    return { problems: [{ offset: deep, code: 'yaml', message: nestingMessage('YAML') }] };
  }
  let doc: Document.Parsed | undefined;
  for (const d of new Composer({ uniqueKeys: true }).compose(tokens, true, text.length)) {
    if (doc) {
      const offset = d.range[0];
      return { problems: [{ offset, code: 'yaml', message: 'a bank file holds one document' }] };
    }
    doc = d;
  }
  if (!doc) return { problems: [{ offset: 0, code: 'yaml', message: 'no YAML document' }] };
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => ({
        offset: e.pos[0],
        code: 'yaml',
        message: `invalid YAML: ${e.message.split('\n')[0]}`,
      })),
    };
  }
  const walk = new Walk();
  const tree = walk.tree(doc.contents);
  if (walk.problems.length > 0) return { problems: walk.problems };
  if (walk.aliases > 0) {
    try {
      return { value: doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }), tree };
    } catch {
      return {
        problems: [
          {
            offset: walk.firstAlias,
            code: 'yaml-alias',
            message: `YAML aliases here expand to more than ${MAX_YAML_ALIASES} copies; write the values out`,
          },
        ],
      };
    }
  }
  return { value: doc.toJS(), tree };
}

/** Builds the position tree in document order, checking each alias against the anchors before it. */
class Walk {
  readonly problems: { offset: number; code: string; message: string }[] = [];
  readonly anchors = new Set<string>();
  aliases = 0;
  firstAlias = 0;

  tree(node: unknown): PosTree {
    if (!isNode(node)) return 0;
    const at = node.range?.[0] ?? 0;
    if (isAlias(node)) {
      if (this.aliases++ === 0) this.firstAlias = at;
      if (this.aliases === MAX_YAML_ALIASES + 1) {
        this.problems.push({
          offset: at,
          code: 'yaml-alias',
          message: `more than ${MAX_YAML_ALIASES} YAML aliases in one bank; write the values out`,
        });
      } else if (!this.anchors.has(node.source)) {
        this.problems.push({
          offset: at,
          code: 'yaml-alias',
          message: `YAML alias ${JSON.stringify(`*${node.source}`)} has no anchor (&${node.source}) before it`,
        });
      }
      return at;
    }
    // An anchor is defined once its node is complete: an alias inside it is a loop.
    const anchor = node.anchor;
    let tree: PosTree = at;
    if (isMap(node)) {
      const obj: PosObject = { at, keys: [], keyAt: [], values: [] };
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key;
        obj.keys.push(isScalar(key) ? String(key.value) : '');
        const keyAt = isNode(key) ? (key.range?.[0] ?? at) : at;
        if (isNode(key) && !isScalar(key)) this.tree(key);
        obj.keyAt.push(keyAt);
        obj.values.push(isNode(pair.value) ? this.tree(pair.value) : keyAt);
      }
      tree = obj;
    } else if (isSeq(node)) {
      tree = { at, items: node.items.map((item) => this.tree(item)) };
    }
    if (anchor) this.anchors.add(anchor);
    return tree;
  }
}
