import { GATE_ORDER, type LayerSlot, type ShapeTensor, tensor } from '../tensor';

function suffix(slot: LayerSlot): string {
  return `${slot.spec.layers > 1 ? `_l${slot.layer}` : ''}${slot.direction === 'backward' ? '_reverse' : ''}`;
}

/** Column vectors: h_t = g(W_hh h_{t-1} + W_xh x_t + b_h); gated cells have W, U and b per gate. */
export function textbookLayer(slot: LayerSlot): ShapeTensor[] {
  const { spec, inSize } = slot;
  const h = spec.hidden;
  const s = suffix(slot);
  const at = { layer: slot.layer, direction: slot.direction };
  if (spec.cell === 'rnn') {
    const out = [
      tensor(`W_hh${s}`, [h, h], 'weight', 'hidden → hidden', at),
      tensor(`W_xh${s}`, [h, inSize], 'weight', 'input → hidden', at, 'input'),
    ];
    if (spec.bias) out.push(tensor(`b_h${s}`, [h, 1], 'bias', 'hidden bias', at));
    return out;
  }
  const rec = spec.proj ?? h;
  const out: ShapeTensor[] = [];
  for (const g of GATE_ORDER.textbook[spec.cell]) {
    out.push(tensor(`W_${g}${s}`, [h, rec], 'weight', `gate ${g}: hidden → hidden`, at));
    out.push(tensor(`U_${g}${s}`, [h, inSize], 'weight', `gate ${g}: input → hidden`, at, 'input'));
    if (spec.bias) out.push(tensor(`b_${g}${s}`, [h, 1], 'bias', `gate ${g} bias`, at));
  }
  if (spec.proj !== undefined) {
    out.push(tensor(`W_hr${s}`, [spec.proj, h], 'weight', 'projection', at));
  }
  return out;
}

export function textbookOutput(features: number, classes: number, bias: boolean, layer: number) {
  const at = { layer, direction: 'none', part: 'output' } as const;
  const out = [tensor('W_yh', [classes, features], 'weight', 'hidden → classes', at)];
  if (bias) out.push(tensor('b_y', [classes, 1], 'bias', 'output bias', at));
  return out;
}
