import { GATE_ORDER, gateCount, type LayerSlot, type ShapeTensor, tensor } from '../tensor';

const LAYER_NAME = { rnn: 'simple_rnn', gru: 'gru', lstm: 'lstm' } as const;

function prefix(slot: LayerSlot): string {
  const n = slot.layer === 0 ? '' : `_${slot.layer}`;
  const cell = `${LAYER_NAME[slot.spec.cell]}${n}`;
  if (!slot.spec.bidirectional) return cell;
  return `bidirectional${n}/${slot.direction}_${cell}`;
}

/** keras.layers.SimpleRNN / GRU / LSTM weights: kernel (in, gates·units), one bias. */
export function kerasLayer(slot: LayerSlot): ShapeTensor[] {
  const { spec, inSize } = slot;
  const units = spec.hidden;
  const gu = gateCount(spec.cell) * units;
  const p = prefix(slot);
  const at = { layer: slot.layer, direction: slot.direction };
  const order = GATE_ORDER.keras[spec.cell].join('|');
  const out = [
    tensor(`${p}/kernel`, [inSize, gu], 'weight', `input → ${order}`, at, 'input'),
    tensor(`${p}/recurrent_kernel`, [units, gu], 'weight', `hidden → ${order}`, at),
  ];
  if (spec.bias) {
    // reset_after (Keras' default for GRU) keeps separate input and recurrent biases.
    const resetAfter = spec.cell === 'gru' && spec.resetAfter !== false;
    const shape = resetAfter ? [2, gu] : [gu];
    out.push(
      tensor(`${p}/bias`, shape, 'bias', resetAfter ? `input|recurrent ${order}` : order, at),
    );
  }
  return out;
}

/** keras.layers.Dense(classes) on the last hidden state. */
export function kerasOutput(features: number, classes: number, bias: boolean, layer: number) {
  const at = { layer, direction: 'none', part: 'output' } as const;
  const out = [tensor('dense/kernel', [features, classes], 'weight', 'hidden → classes', at)];
  if (bias) out.push(tensor('dense/bias', [classes], 'bias', 'output bias', at));
  return out;
}
