import type { Cell, Convention, ShapeSpec } from './shape-spec';

export type Direction = 'forward' | 'backward' | 'none';
export type TensorKind = 'weight' | 'bias';
export type TensorPart = 'recurrent' | 'output';

/** One parameter tensor of the network, named and oriented as its convention does. */
export interface ShapeTensor {
  name: string;
  shape: number[];
  params: number;
  /** 0-based recurrent layer; the output layer has index `layers`. */
  layer: number;
  direction: Direction;
  kind: TensorKind;
  part: TensorPart;
  /** What it holds, e.g. "W_ii|W_if|W_ig|W_io" or "input → hidden". */
  role: string;
  /** The vector a weight multiplies: the layer's input or a hidden state; none for a bias. */
  operand: Operand;
}

export type Operand = 'input' | 'hidden' | 'none';

/** Where one recurrent layer in one direction sits in the stack. */
export interface LayerSlot {
  spec: ShapeSpec;
  layer: number;
  direction: Exclude<Direction, 'none'>;
  /** Features read per step: the input size for layer 0, directions × (proj or hidden) above. */
  inSize: number;
}

export function tensor(
  name: string,
  shape: number[],
  kind: TensorKind,
  role: string,
  at: { layer: number; direction: Direction; part?: TensorPart },
  operand: Operand = kind === 'bias' ? 'none' : 'hidden',
): ShapeTensor {
  return {
    name,
    shape,
    params: shape.reduce((a, b) => a * b, 1),
    layer: at.layer,
    direction: at.direction,
    kind,
    part: at.part ?? 'recurrent',
    role,
    operand,
  };
}

/** Gate letters in the order each convention stacks them. */
export const GATE_ORDER: Record<Convention, Record<Cell, readonly string[]>> = {
  textbook: { rnn: ['h'], gru: ['z', 'r', 'h'], lstm: ['i', 'f', 'o', 'c'] },
  // https://pytorch.org/docs/stable/generated/torch.nn.LSTM.html (W_ii|W_if|W_ig|W_io), GRU (r|z|n)
  pytorch: { rnn: ['h'], gru: ['r', 'z', 'n'], lstm: ['i', 'f', 'g', 'o'] },
  keras: { rnn: ['h'], gru: ['z', 'r', 'h'], lstm: ['i', 'f', 'c', 'o'] },
};

export function gateCount(cell: Cell): number {
  return cell === 'lstm' ? 4 : cell === 'gru' ? 3 : 1;
}

export function directions(spec: { bidirectional?: boolean | undefined }): number {
  return spec.bidirectional ? 2 : 1;
}

/** Size of the hidden state a layer emits per direction (the projection when there is one). */
export function outSize(spec: { hidden: number; proj?: number | undefined }): number {
  return spec.proj ?? spec.hidden;
}
