// Injected into the file-export bundle (scripts/build.mjs) as its `Buffer`: exceljs's
// dependencies (archiver-utils, buffer splicing) still call `new Buffer(…)`, which Node
// reports on stderr (DEP0005) once the code is bundled outside node_modules. This Buffer is
// Node's, with the old constructor answering through Buffer.alloc and Buffer.from.
import { Buffer as NodeBuffer } from 'node:buffer';

function Buffer(value, encodingOrOffset, length) {
  return typeof value === 'number' ? NodeBuffer.alloc(value) : NodeBuffer.from(value, encodingOrOffset, length);
}
Object.setPrototypeOf(Buffer, NodeBuffer);
Buffer.prototype = NodeBuffer.prototype;

export { Buffer };
