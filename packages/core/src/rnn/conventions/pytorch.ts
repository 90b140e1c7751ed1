import { GATE_ORDER, gateCount, type LayerSlot, type ShapeTensor, tensor } from '../tensor';

const PREFIX = { rnn: 'W_h', gru: 'W_', lstm: 'W_' } as const;

function gates(slot: LayerSlot, from: 'i' | 'h'): string {
  const { cell } = slot.spec;
  if (cell === 'rnn') return `W_${from}h`;
  return GATE_ORDER.pytorch[cell].map((g) => `${PREFIX[cell]}${from}${g}`).join('|');
}

/** nn.RNN / nn.GRU / nn.LSTM parameters, as `named_parameters()` lists them. */
export function pytorchLayer(slot: LayerSlot): ShapeTensor[] {
  const { spec, inSize } = slot;
  const gh = gateCount(spec.cell) * spec.hidden;
  const s = `_l${slot.layer}${slot.direction === 'backward' ? '_reverse' : ''}`;
  const at = { layer: slot.layer, direction: slot.direction };
  const rec = spec.proj ?? spec.hidden;
  const out = [
    tensor(`weight_ih${s}`, [gh, inSize], 'weight', gates(slot, 'i'), at, 'input'),
    tensor(`weight_hh${s}`, [gh, rec], 'weight', gates(slot, 'h'), at),
  ];
  if (spec.bias) {
    out.push(tensor(`bias_ih${s}`, [gh], 'bias', gates(slot, 'i').replaceAll('W_', 'b_'), at));
    out.push(tensor(`bias_hh${s}`, [gh], 'bias', gates(slot, 'h').replaceAll('W_', 'b_'), at));
  }
  if (spec.proj !== undefined) {
    out.push(tensor(`weight_hr${s}`, [spec.proj, spec.hidden], 'weight', 'W_hr projection', at));
  }
  return out;
}

/** nn.Linear(features, classes) named `fc`. */
export function pytorchOutput(features: number, classes: number, bias: boolean, layer: number) {
  const at = { layer, direction: 'none', part: 'output' } as const;
  const out = [tensor('fc.weight', [classes, features], 'weight', 'hidden → classes', at)];
  if (bias) out.push(tensor('fc.bias', [classes], 'bias', 'output bias', at));
  return out;
}
