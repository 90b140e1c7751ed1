import { describe, expect, it } from 'vitest';
import { texToUnicode } from '../src/index';

const cases: [string, string][] = [
  ['227 \\times 227', '227 × 227'],
  ['227 \\times 227 \\times 30', '227 × 227 × 30'],
  ['W_{hh}', 'W_hh'],
  ['W_{xh}', 'W_xh'],
  ['b_h', 'b_h'],
  ['h_{t-1}', 'h_(t−1)'],
  ['h_t = g(W_{hh} h_{t-1} + W_{xh} x_t + b_h)', 'h_t = g(W_hh h_(t−1) + W_xh x_t + b_h)'],
  ['y_t = g^*(W_{yh} * h_t)', 'y_t = g*(W_yh ∗ h_t)'],
  [
    '4 \\times 100 \\times 100 + 4 \\times 100 \\times 50 = 60000',
    '4 × 100 × 100 + 4 × 100 × 50 = 60000',
  ],
  ['(50, 1)', '(50, 1)'],
  ['a \\cdot b', 'a · b'],
  ['x \\leq y \\geq z \\neq w \\approx v', 'x ≤ y ≥ z ≠ w ≈ v'],
  ['\\alpha + \\beta = \\gamma', 'α + β = γ'],
  ['\\sigma(\\Delta)', 'σ(Δ)'],
  ['x^2', 'x²'],
  ['x^{10}', 'x¹⁰'],
  ['e^{-x^2}', 'e⁻ˣ²'],
  ['W^T', 'Wᵀ'],
  ['2^{\\alpha}', '2^α'],
  ['\\sqrt{2}', '√2'],
  ['\\sqrt{d_k}', '√(d_k)'],
  ['\\sqrt{x + 1}', '√(x + 1)'],
  ['\\sqrt[3]{8}', '∛8'],
  ['\\frac{1}{2}', '1/2'],
  ['\\frac{a+b}{c}', '(a+b)/c'],
  ['\\sigma(x) = \\frac{1}{1+e^{-x}}', 'σ(x) = 1/(1+e⁻ˣ)'],
  ['\\mathbb{R}^{n}', 'ℝⁿ'],
  ['\\mathbf{W}', 'W'],
  ['\\text{softmax}(z)', 'softmax(z)'],
  ['\\text{a-b}', 'a-b'],
  ['\\tanh(x)', 'tanh(x)'],
  ['\\hat{y}', 'ŷ'],
  ['\\left( a \\right)', '(a)'],
  ['a \\to b', 'a → b'],
  ['\\{1, 2\\}', '{1, 2}'],
  ['100\\%', '100%'],
  ['  spaced   out  ', 'spaced out'],
  ['\\unknowncommand x', 'unknowncommand x'],
  ['unbalanced {', 'unbalanced'],
  ['unbalanced }', 'unbalanced }'],
  ['trailing \\', 'trailing \\'],
];

describe('texToUnicode', () => {
  it.each(cases)('%s → %s', (tex, expected) => {
    expect(texToUnicode(tex)).toBe(expected);
  });

  it('splits \\\\ rows onto lines', () => {
    expect(texToUnicode('\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}')).toBe('a = b\nc = d');
  });
});
