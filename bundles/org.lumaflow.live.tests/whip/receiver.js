// WHIP receiver for the live tests: answers the WHIP POST (SDP offer -> 201 + answer + Location) with werift,
// receives H.264 (and Opus) over RTP, depacketizes H.264 (single NAL, STAP-A, FU-A) into an Annex B file and
// counts access units, keyframes and audio packets into a JSON stats file.
// usage: node receiver.js PORT OUT.h264 STATS.json [TOKEN]
// With FORWARD_UDP=PORT in the environment, each complete access unit is also sent at once, as raw Annex B, to
// udp://127.0.0.1:PORT (the live benchmark's latency probe reads it there: WHIP glass-to-glass).
const http = require('http');
const fs = require('fs');
const dgram = require('dgram');
const forwardPort = Number(process.env.FORWARD_UDP || 0);
const forward = forwardPort ? dgram.createSocket('udp4') : null;
let au = [];
const { RTCPeerConnection, RTCRtpCodecParameters } = require('werift');

const [port, outPath, statsPath, token] = [Number(process.argv[2]), process.argv[3], process.argv[4], process.argv[5]];
const out = fs.openSync(outPath, 'w');
const stats = { offers: 0, frames: 0, keyframes: 0, audio: 0, videoRtp: 0, state: 'waiting', authorized: 0 };
const START = Buffer.from([0, 0, 0, 1]);
let idrInAu = false;
let fuStarted = false;
let sessions = 0;

function save() {
  fs.writeFileSync(statsPath + '.tmp', JSON.stringify(stats));
  fs.renameSync(statsPath + '.tmp', statsPath);
}

function emit(buf) {
  fs.writeSync(out, buf);
  if (forward) au.push(Buffer.from(buf));
}

function nal(buf) {
  emit(START);
  emit(buf);
  if ((buf[0] & 0x1f) === 5) idrInAu = true;
}

function video(rtp) {
  stats.videoRtp++;
  const p = rtp.payload;
  if (!p || p.length < 1) return;
  const type = p[0] & 0x1f;
  if (type >= 1 && type <= 23) {
    nal(p);
  } else if (type === 24) {
    let o = 1;
    while (o + 2 <= p.length) {
      const n = p.readUInt16BE(o);
      o += 2;
      nal(p.subarray(o, o + n));
      o += n;
    }
  } else if (type === 28 && p.length > 2) {
    const fu = p[1];
    if (fu & 0x80) {
      emit(START);
      emit(Buffer.from([(p[0] & 0xe0) | (fu & 0x1f)]));
      fuStarted = true;
      if ((fu & 0x1f) === 5) idrInAu = true;
    }
    if (fuStarted) emit(p.subarray(2));
    if (fu & 0x40) fuStarted = false;
  }
  if (rtp.header.marker) {
    if (forward && au.length) {
      const all = Buffer.concat(au);
      au = [];
      for (let o = 0; o < all.length; o += 1316) forward.send(all.subarray(o, Math.min(all.length, o + 1316)), forwardPort, '127.0.0.1');
    }
    stats.frames++;
    if (idrInAu) stats.keyframes++;
    idrInAu = false;
    if (stats.frames % 15 === 0) save();
  }
}

const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', async () => {
    try {
      if (req.method === 'DELETE') {
        res.writeHead(200);
        res.end();
        stats.state = 'deleted';
        save();
        return;
      }
      if (req.method !== 'POST') {
        res.writeHead(405);
        res.end();
        return;
      }
      if (token) {
        if (req.headers.authorization !== 'Bearer ' + token) {
          res.writeHead(401);
          res.end();
          return;
        }
        stats.authorized++;
      }
      stats.offers++;
      const pc = new RTCPeerConnection({
        codecs: {
          video: [new RTCRtpCodecParameters({ mimeType: 'video/H264', clockRate: 90000,
            parameters: 'level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f' })],
          audio: [new RTCRtpCodecParameters({ mimeType: 'audio/opus', clockRate: 48000, channels: 2 })],
        },
      });
      pc.onTransceiverAdded.subscribe((t) => {
        t.onTrack.subscribe((track) => {
          track.onReceiveRtp.subscribe((rtp) => {
            if (track.kind === 'video') video(rtp);
            else stats.audio++;
          });
        });
      });
      pc.connectionStateChange.subscribe((s) => {
        stats.state = s;
        save();
      });
      await pc.setRemoteDescription({ type: 'offer', sdp: body });
      await pc.setLocalDescription(await pc.createAnswer());
      sessions++;
      res.writeHead(201, { 'Content-Type': 'application/sdp', Location: '/whip/session/' + sessions });
      res.end(pc.localDescription.sdp);
      save();
    } catch (e) {
      stats.error = String(e && e.stack ? e.stack : e);
      save();
      res.writeHead(500);
      res.end();
    }
  });
});
process.on('SIGTERM', () => {
  save();
  process.exit(0);
});
server.listen(port, '127.0.0.1', () => {
  stats.state = 'listening';
  save();
});
