// The demo posts' cover picture (WeChat articles need one): a 480×270 PNG in the bureau's blue with a lighter
// band, drawn here so the demo ships no binary file.
import { crc32, deflateSync } from 'node:zlib';

const WIDTH = 480;
const HEIGHT = 270;
const BLUE = [0x1d, 0x4e, 0x89];
const BAND = [0x3a, 0x7b, 0xc8];

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function demoCover(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(WIDTH, 0);
  header.writeUInt32BE(HEIGHT, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour RGB
  const rows = Buffer.alloc((WIDTH * 3 + 1) * HEIGHT);
  for (let y = 0; y < HEIGHT; y++) {
    const colour = y > HEIGHT * 0.62 && y < HEIGHT * 0.78 ? BAND : BLUE;
    const row = y * (WIDTH * 3 + 1);
    for (let x = 0; x < WIDTH; x++) rows.set(colour, row + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
