import type { Check } from './check-schema';
import { computeShapes, findTensor, type ShapeReport, sumTensors } from './compute-shapes';
import { conv2dOutputSize, macsPerSequence, macsPerStep, unrolledDepth } from './cost';
import { ShapeSpecError } from './errors';
import { formatCount, formatShape } from './format-shape-table';
import type { Convention } from './shape-spec';

export type CheckValue = { kind: 'shape'; shape: number[] } | { kind: 'count'; count: number };

export interface CheckResult {
  value: CheckValue;
  /** The convention the value was computed under, when it depends on one. */
  convention?: Convention;
  /** e.g. "W_xh = 100 × 50" or "total parameters without biases and output layer = 60,000". */
  description: string;
}

export function formatCheckValue(value: CheckValue, convention: Convention = 'textbook'): string {
  return value.kind === 'shape' ? formatShape(value.shape, convention) : formatCount(value.count);
}

function count(n: number, convention: Convention | undefined, what: string): CheckResult {
  const value: CheckValue = { kind: 'count', count: n };
  const result: CheckResult = { value, description: `${what} = ${formatCount(n)}` };
  if (convention !== undefined) result.convention = convention;
  return result;
}

/** Computes what a check asks for; a ShapeSpecError when it cannot (e.g. an unknown tensor). */
export function evaluateCheck(check: Check): CheckResult {
  switch (check.quantity) {
    case 'unrolled-depth':
      return count(
        unrolledDepth(check.steps),
        undefined,
        `unrolled depth for ${check.steps} steps`,
      );
    case 'conv-output':
      return count(conv2dOutputSize(check.conv), undefined, 'convolution output size');
    case 'macs-per-step': {
      const r = computeShapes(check.spec);
      return count(macsPerStep(r), r.convention, 'multiply-accumulates per step');
    }
    case 'macs-per-sequence': {
      const r = computeShapes(check.spec);
      return count(
        macsPerSequence(r, check.steps),
        r.convention,
        'multiply-accumulates per sequence',
      );
    }
    case 'shape': {
      const r = computeShapes(check.spec);
      const t = tensorNamed(r, check.tensor);
      const value: CheckValue = { kind: 'shape', shape: t.shape };
      return {
        value,
        convention: r.convention,
        description: `${t.name} = ${formatShape(t.shape, r.convention)}`,
      };
    }
    case 'params': {
      const r = computeShapes(check.spec);
      if (check.tensor !== undefined) {
        const t = tensorNamed(r, check.tensor);
        return count(t.params, r.convention, `parameters of ${t.name}`);
      }
      const noBias = check.exclude.includes('bias');
      const noOutput = check.exclude.includes('output');
      const kept = r.tensors.filter((t) => !(noOutput && t.part === 'output'));
      const totals = sumTensors(kept);
      const without = [noBias && 'biases', noOutput && r.output && 'output layer'].filter(Boolean);
      const what = `total parameters${without.length ? ` without ${without.join(' and ')}` : ''}`;
      return count(noBias ? totals.weights : totals.params, r.convention, what);
    }
  }
}

/** The tensor a check names; a name the convention does not have is a spec error listing those it has. */
function tensorNamed(report: ShapeReport, name: string) {
  const tensor = findTensor(report, name);
  if (tensor) return tensor;
  const names = report.tensors.map((t) => t.name).join(', ');
  throw new ShapeSpecError(
    `no tensor "${name}" under the ${report.convention} convention; it has ${names}`,
  );
}
