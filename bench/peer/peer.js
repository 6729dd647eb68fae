// Reference peer for the jianbao benchmark (issue 7): Microsoft Recognizers-Text
// (@microsoft/recognizers-text-suite, pinned in package.json) recognising numbers, percentages
// and dates (the DateTime model) with Culture Chinese over the same bulletin files.
//
//   node bench/peer/peer.js [--runs N] [--limit-mb X] --list FILE | FILE...
//
// Each file is decoded like jianbao does (BOM, UTF-8, else GB18030), split into its non-blank
// lines, and every line goes through the three models, built once. Times are process CPU time
// (user + system), median over the runs, after a warm-up pass over the first five files.
// Prints a `PEER key=value ...` line for bench/run.sh.
'use strict';

const fs = require('fs');
const Suite = require('@microsoft/recognizers-text-suite');
// The suite's own dependencies; it re-exports only the one-shot recognizeXxx() helpers, which
// build a new recognizer on every call.
const { NumberRecognizer } = require('@microsoft/recognizers-text-number');
const { DateTimeRecognizer } = require('@microsoft/recognizers-text-date-time');

function parseArgs(argv) {
  const a = { runs: 3, limitMb: 0, files: [] };
  for (let i = 0; i < argv.length; ++i) {
    if (argv[i] === '--runs') a.runs = Math.max(1, parseInt(argv[++i], 10));
    else if (argv[i] === '--limit-mb') a.limitMb = parseFloat(argv[++i]);
    else if (argv[i] === '--list') {
      a.files.push(...fs.readFileSync(argv[++i], 'utf8').split('\n').filter(Boolean));
    } else a.files.push(argv[i]);
  }
  return a;
}

function decode(buf) {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString('utf8');
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch (e) {
    return new TextDecoder('gb18030').decode(buf);
  }
}

function cpuSeconds() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

function median(v) {
  const s = [...v].sort((x, y) => x - y);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!args.files.length) {
    console.error('usage: node peer.js [--runs N] [--limit-mb X] --list FILE | FILE...');
    process.exit(2);
  }
  let files = args.files;
  if (args.limitMb > 0) {
    let total = 0;
    let keep = 0;
    for (; keep < files.length && total < args.limitMb * 1048576; ++keep) {
      total += fs.statSync(files[keep]).size;
    }
    files = files.slice(0, keep);
  }
  const culture = Suite.Culture.Chinese;
  const numbers = new NumberRecognizer(culture);
  const models = [
    ['number', numbers.getNumberModel()],
    ['percentage', numbers.getPercentageModel()],
    ['datetime', new DateTimeRecognizer(culture).getDateTimeModel()],
  ];

  function pass(list) {
    const counts = { number: 0, percentage: 0, datetime: 0 };
    let bytes = 0;
    const t0 = cpuSeconds();
    const w0 = process.hrtime.bigint();
    for (const f of list) {
      const buf = fs.readFileSync(f);
      bytes += buf.length;
      const lines = decode(buf).split(/\r\n|\n|\r/);
      for (let line of lines) {
        line = line.replace(/\f/g, '').trim();
        if (!line) continue;
        for (const [name, model] of models) counts[name] += model.parse(line).length;
      }
    }
    return {
      cpu: cpuSeconds() - t0,
      wall: Number(process.hrtime.bigint() - w0) / 1e9,
      bytes,
      counts,
    };
  }

  pass(files.slice(0, 5));  // warm-up: JIT and the models' lazily built regexes
  const runs = [];
  for (let i = 0; i < args.runs; ++i) {
    runs.push(pass(files));
    console.error(`peer: run ${i + 1}/${args.runs}: ${runs[i].wall.toFixed(2)} s wall, ` +
                  `${runs[i].cpu.toFixed(2)} s cpu`);
  }
  const sec = median(runs.map((r) => r.cpu));
  const wall = median(runs.map((r) => r.wall));
  const mb = runs[0].bytes / 1048576;
  const c = runs[0].counts;
  const rssMib = process.resourceUsage().maxRSS / 1024;
  console.log(`PEER seconds=${sec.toFixed(6)} wall_seconds=${wall.toFixed(6)} ` +
              `mbps=${(mb / sec).toFixed(4)} bps=${(files.length / sec).toFixed(2)} ` +
              `peak_mib=${rssMib.toFixed(1)} bytes=${runs[0].bytes} bulletins=${files.length} ` +
              `numbers=${c.number} percentages=${c.percentage} dates=${c.datetime}`);
}

main();
