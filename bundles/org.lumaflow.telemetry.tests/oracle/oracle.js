// Prints GPMF streams as JSON for the tests: node oracle.js FILE (an MP4 or a raw payload).
// Output: {"streams": {"ACCL": {"n": N, "first": [..], "times": [t0, tLast]}, ...}, "devices": [..]}
const fs = require('fs');
const goproTelemetry = require('gopro-telemetry');
const gpmfExtract = require('gpmf-extract');

async function main() {
  const file = process.argv[2];
  const buf = fs.readFileSync(file);
  let input;
  if (file.toLowerCase().endsWith('.mp4')) {
    input = await gpmfExtract(buf);
  } else {
    input = { rawData: buf };
  }
  const t = await goproTelemetry(input, { repeatSticky: false, mp4header: false });
  const out = { devices: [], streams: {} };
  for (const id of Object.keys(t)) {
    const dev = t[id];
    out.devices.push(dev['device name']);
    for (const key of Object.keys(dev.streams || {})) {
      const s = dev.streams[key];
      const samples = s.samples || [];
      const first = samples.length ? samples[0].value : null;
      const cts = samples.filter((x) => x.cts !== undefined).map((x) => x.cts);
      out.streams[key] = {
        n: samples.length,
        first: Array.isArray(first) ? first : [first],
        last: samples.length ? [].concat(samples[samples.length - 1].value) : null,
        times: cts.length ? [cts[0] / 1000, cts[cts.length - 1] / 1000] : null,
        units: s.units || null
      };
    }
  }
  process.stdout.write(JSON.stringify(out));
}
main().catch((e) => { console.error(String(e)); process.exit(1); });
