import { TEX_ACCENTS, TEX_IGNORED, TEX_STYLES, TEX_SYMBOLS } from './tex-symbols';

/**
 * Every TeX command that may reach MathJax in an Anki card or `--as html` output. Anki loads the
 * full MathJax bundle, where commands such as `\href`, `\style`, `\cssId`, `\class`, `\unicode`,
 * `\require`, `\data` and `\mmlToken` make links, styles, ids and extension loads; none is here,
 * and neither is anything that defines macros (`\def`, `\newcommand`, `\let`). What is here only
 * typesets mathematics: symbols, fractions, roots, fonts, accents, sizes, spacing and operators.
 */
const MATH_COMMANDS =
  // structure
  (
    'frac dfrac tfrac cfrac sqrt binom dbinom tbinom over choose ' +
    'begin end middle substack stackrel overset underset atop ' +
    'overbrace underbrace overleftarrow overrightarrow underline boxed ' +
    'phantom hphantom vphantom smash not cancel bcancel xcancel ' +
    'xrightarrow xleftarrow pmod bmod mod pod hline cr ' +
    // fonts and styles
    'mathbb mathfrak mathscr mathnormal textsf texttt emph textup ' +
    'scriptstyle scriptscriptstyle rm bf it sf tt cal ' +
    'tiny small normalsize large Large LARGE huge Huge ' +
    'bigm Bigm biggm Biggm biggl biggr Biggl Biggr ' +
    // accents
    'acute grave breve check ddddot dddot mathring widecheck ' +
    // spacing
    'enspace thinspace medspace thickspace negthinspace hfill space ' +
    // operators
    'sin cos tan cot sec csc arcsin arccos arctan sinh cosh ' +
    'tanh coth exp log ln lg det dim ker deg gcd hom arg ' +
    'max min sup inf lim liminf limsup Pr argmax argmin ' +
    'sum prod coprod int iint iiint oint bigcup bigcap bigoplus ' +
    'bigotimes bigodot bigvee bigwedge bigsqcup biguplus ' +
    // relations, arrows and symbols beyond tex-symbols.ts
    'neq ne approx equiv sim simeq cong propto ll gg leqslant ' +
    'geqslant prec succ preceq succeq subset supset subseteq ' +
    'supseteq in notin ni cup cap setminus emptyset varnothing ' +
    'forall exists nexists neg lnot land lor wedge vee implies ' +
    'iff to gets mapsto rightarrow leftarrow leftrightarrow Rightarrow ' +
    'Leftarrow Leftrightarrow longrightarrow longleftarrow Longrightarrow ' +
    'uparrow Uparrow Downarrow nearrow searrow swarrow nwarrow ' +
    'infty partial nabla Re Im aleph wp angle triangle square ' +
    'checkmark dagger ddagger S P backslash colon vdash models ' +
    'parallel nparallel cdotp ldotp therefore because lbrace rbrace ' +
    'lbrack rbrack dotsb dotsc dotsi dotsm dotso imath jmath ' +
    'varpi varrho varsigma digamma varkappa varGamma varDelta ' +
    'varTheta varLambda varXi varPi varSigma varPhi varPsi varOmega ' +
    'omicron sqcup sqcap uplus wr diamond bigtriangleup ' +
    'bigtriangledown lhd rhd unlhd unrhd setminus smallsetminus ' +
    'leftharpoonup rightharpoonup rightleftharpoons hookrightarrow ' +
    'hookleftarrow iddots adots dotsb lt gt textbackslash '
  )
    .trim()
    .split(' ');

/** Environments for matrices, cases and aligned equations; nothing else may be `\begin`-ed. */
export const TEX_ENVIRONMENTS = new Set(
  (
    'matrix pmatrix bmatrix Bmatrix vmatrix Vmatrix smallmatrix cases ' +
    'aligned alignedat gathered split array align align* gather ' +
    'gather* equation equation* subarray'
  ).split(' '),
);

export const TEX_ALLOWED = new Set<string>([
  ...MATH_COMMANDS,
  ...Object.keys(TEX_SYMBOLS),
  ...Object.keys(TEX_ACCENTS),
  ...TEX_IGNORED,
  ...TEX_STYLES,
  // control symbols: spacing, escaped characters, line breaks; never `\(` `\)` `\[` `\]`
  '\\',
  ',',
  ':',
  ';',
  '!',
  ' ',
  '\n',
  '\t',
  '>',
  '{',
  '}',
  '%',
  '$',
  '&',
  '#',
  '_',
  '|',
]);

/** Commands refused with a reason: what they would do in a card. */
export const TEX_REFUSED: Record<string, string> = {
  href: 'makes a link, which can run code when tapped',
  style: 'sets CSS, which can cover or restyle the card',
  class: 'sets a CSS class, which can restyle the card',
  cssId: 'sets an element id, which can forge the card’s own',
  data: 'sets data attributes on the card’s elements',
  html: 'writes HTML attributes',
  unicode: 'loads fonts and characters from outside the card',
  require: 'loads MathJax extensions',
  mmlToken: 'writes raw MathML',
  bbox: 'sets CSS',
  enclose: 'sets CSS',
  color: 'colours and backgrounds cover text',
  colorbox: 'colours and backgrounds cover text',
  textcolor: 'colours and backgrounds cover text',
  def: 'defines macros',
  gdef: 'defines macros',
  edef: 'defines macros',
  let: 'defines macros',
  newcommand: 'defines macros',
  renewcommand: 'defines macros',
  newenvironment: 'defines environments',
  renewenvironment: 'defines environments',
  DeclareMathOperator: 'defines macros',
  toggle: 'makes clickable actions',
  mathtip: 'makes clickable actions',
  texttip: 'makes clickable actions',
  tooltip: 'makes clickable actions',
  '(': 'opens math inside math',
  ')': 'closes quizdeck’s math early',
  '[': 'opens math inside math',
  ']': 'closes quizdeck’s math early',
};
