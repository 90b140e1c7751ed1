// CRC-32 of two pieces joined, from each piece's CRC and the second's length (zlib's
// crc32_combine, which node:zlib does not expose): appending n zero bytes to a CRC is a linear map
// over GF(2), squared for each bit of n.

/** The 32x32 bit matrix `mat` (one column per bit) applied to `vec`. */
function times(mat: Uint32Array, vec: number): number {
  let sum = 0;
  for (let v = vec >>> 0, i = 0; v !== 0; v >>>= 1, i++) if (v & 1) sum ^= mat[i] as number;
  return sum >>> 0;
}

function square(out: Uint32Array, mat: Uint32Array): void {
  for (let n = 0; n < 32; n++) out[n] = times(mat, mat[n] as number);
}

/** crc32(a ++ b) from crc32(a), crc32(b) and b's length in bytes. */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  if (lengthB <= 0) return crcA >>> 0;
  const even = new Uint32Array(32);
  const odd = new Uint32Array(32);
  odd[0] = 0xedb88320; // the reflected CRC-32 polynomial: one zero bit
  for (let n = 1; n < 32; n++) odd[n] = 1 << (n - 1);
  square(even, odd); // two zero bits
  square(odd, even); // four
  let crc = crcA >>> 0;
  let n = lengthB;
  for (;;) {
    square(even, odd); // eight zero bits (a byte) on the first round, then doubling
    if (n % 2 === 1) crc = times(even, crc);
    n = Math.floor(n / 2);
    if (n === 0) break;
    square(odd, even);
    if (n % 2 === 1) crc = times(odd, crc);
    n = Math.floor(n / 2);
    if (n === 0) break;
  }
  return (crc ^ crcB) >>> 0;
}
