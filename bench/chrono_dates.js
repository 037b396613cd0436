// chrono_dates.js - the comparison point of bench/process_bench.py: find the
// dates in news text with chrono-node, read the same way eventline reads it.
//   node chrono_dates.js CHRONO_DIR FILE [DCT]
// FILE is plain text (one document, reference date DCT; parsed paragraph by
// paragraph, as chrono-node is meant for short strings: on a whole 10 MB
// string it runs for minutes) or JSON Lines ({"id","text","dct"} per line,
// each document parsed whole with its own reference date).
// Prints the number of documents and of dates found.
'use strict';
const fs = require('fs');
const path = require('path');
const { createRequire } = require('module');

const [dir, file, dct] = process.argv.slice(2);
if (!dir || !file) {
  process.stderr.write('usage: node chrono_dates.js CHRONO_DIR FILE [DCT]\n');
  process.exit(2);
}
const chrono = createRequire(path.join(path.resolve(dir), 'package.json'))('chrono-node');

function refDate(s) {
  return s ? new Date(s + 'T12:00:00Z') : new Date(Date.UTC(2000, 0, 1, 12));
}

let docs = 0, dates = 0;
const data = fs.readFileSync(file, 'utf8');
if (file.endsWith('.jsonl')) {
  for (const line of data.split('\n')) {
    if (!line) continue;
    const rec = JSON.parse(line);
    dates += chrono.parse(rec.text, refDate(rec.dct)).length;
    docs++;
  }
} else {
  const ref = refDate(dct);
  for (const para of data.split(/\n\s*\n/))
    if (para) dates += chrono.parse(para, ref).length;
  docs = 1;
}
process.stdout.write(`${docs} documents, ${dates} dates\n`);
