// Streams a WAV file to a Transcribe Streaming endpoint with the AWS SDK for JavaScript v3 and prints, one JSON
// object per line on stdout, what the SDK handed back. Run by dev.riffle.emulator.JavaScriptSdkConformanceTest from
// the folder where that test installed package-lock.json (the SDK is never installed next to this file).
//
//   node transcribe.mjs --transport websocket|http2 --endpoint URL --audio FILE.wav [--region us-west-2]
//
// Credentials come from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY and are given to the client as they are, so no
// profile, SSO or instance metadata lookup can get in the way. Lines printed:
//   {"type":"response", ...}   once the stream is accepted
//   {"type":"result", ...}     every result of every TranscriptEvent, in arrival order
//   {"type":"summary", ...}    at the end, with the package versions really loaded and what the socket saw
// A failure prints {"type":"error", ...}, its stack on stderr, and exits with 1.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import WebSocket from "ws";
import { StartStreamTranscriptionCommand, TranscribeStreamingClient } from "@aws-sdk/client-transcribe-streaming";

const CHUNK_SECONDS = 0.1;

const { values: args } = parseArgs({
  options: {
    transport: { type: "string" },
    endpoint: { type: "string" },
    audio: { type: "string" },
    region: { type: "string", default: "us-west-2" },
  },
});

function emit(line) {
  process.stdout.write(JSON.stringify(line) + "\n");
}

// The browser wiring needs packages that the client depends on but this project does not name: load them from the
// client's own location, so they are exactly the copies (and versions) the client itself resolved.
const require = createRequire(import.meta.url);
const clientRequire = createRequire(require.resolve("@aws-sdk/client-transcribe-streaming"));
const versionOf = (resolve, name) => JSON.parse(readFileSync(resolve.resolve(`${name}/package.json`), "utf8")).version;

/** The WAV's format and PCM, found by walking its RIFF chunks (a header is not always 44 bytes). */
function readWav(file) {
  const bytes = readFileSync(file);
  if (bytes.toString("latin1", 0, 4) !== "RIFF" || bytes.toString("latin1", 8, 12) !== "WAVE") {
    throw new Error(`${file} is not a RIFF/WAVE file`);
  }
  let format = null;
  for (let at = 12; at + 8 <= bytes.length;) {
    const id = bytes.toString("latin1", at, at + 4);
    const size = bytes.readUInt32LE(at + 4);
    const body = at + 8;
    if (id === "fmt ") {
      format = {
        encoding: bytes.readUInt16LE(body),
        channels: bytes.readUInt16LE(body + 2),
        sampleRate: bytes.readUInt32LE(body + 4),
        bitsPerSample: bytes.readUInt16LE(body + 14),
      };
    } else if (id === "data") {
      if (!format || format.encoding !== 1 || format.bitsPerSample !== 16) {
        throw new Error(`${file}: expected 16-bit PCM before its data, found ${JSON.stringify(format)}`);
      }
      // a writer that streamed the file may leave the size unknown (0xFFFFFFFF): the data runs to the end then
      return { ...format, pcm: bytes.subarray(body, Math.min(body + size, bytes.length)) };
    }
    at = body + size + (size & 1); // chunks are padded to an even length
  }
  throw new Error(`${file} has no data chunk`);
}

/** The audio as the SDK's input: 100 ms AudioEvents, as fast as the SDK pulls them. */
async function* audioEvents(wav, counter) {
  const chunkBytes = Math.round(wav.sampleRate * CHUNK_SECONDS) * wav.channels * 2;
  for (let at = 0; at < wav.pcm.length; at += chunkBytes) {
    counter.chunks++;
    yield { AudioEvent: { AudioChunk: wav.pcm.subarray(at, Math.min(at + chunkBytes, wav.pcm.length)) } };
  }
}

/** The header names of one event-stream message (prelude: total length, headers length, CRC; then the headers). */
function headerNames(message) {
  const view = new DataView(message.buffer, message.byteOffset, message.byteLength);
  const end = 12 + view.getUint32(4);
  const fixedSizes = { 0: 0, 1: 0, 2: 1, 3: 2, 4: 4, 5: 8, 8: 8, 9: 16 };
  const names = [];
  for (let at = 12; at < end;) {
    const nameLength = message[at];
    names.push(Buffer.from(message.subarray(at + 1, at + 1 + nameLength)).toString("latin1"));
    at += 1 + nameLength;
    const type = message[at++];
    at += type in fixedSizes ? fixedSizes[type] : 2 + view.getUint16(at);
  }
  return names;
}

/**
 * ws as the browser's WebSocket (Node 20 has none), watched without being changed: the presigned URL it is given,
 * what frames the SDK sends, when and how it closes, and how the other side's close came back.
 */
function installObservedWebSocket(observed) {
  globalThis.WebSocket = class ObservedWebSocket extends WebSocket {
    constructor(...params) {
      super(...params);
      const url = new URL(this.url);
      observed.urlHost = url.host;
      observed.signedHeaders = url.searchParams.get("X-Amz-SignedHeaders");
      observed.expires = Number(url.searchParams.get("X-Amz-Expires"));
      this.addEventListener("close", (event) => {
        observed.socketCloseCode = event.code;
        observed.socketCloseReason = event.reason;
      });
    }

    send(data, ...rest) {
      const message = data instanceof Uint8Array ? data : new Uint8Array(data);
      observed.framesSent++;
      if (message.byteLength === 0) {
        observed.emptyFrames++; // the event-stream encoder's end marker, passed through as it is
      } else if (headerNames(message).includes(":chunk-signature")) {
        observed.signedFrames++;
      }
      super.send(data, ...rest);
    }

    close(code, reason) {
      if (observed.clientCloseCode === undefined && this.readyState < WebSocket.CLOSING) {
        observed.clientCloseCode = code ?? null;
        observed.clientClosed = true;
      }
      super.close(code, reason);
    }
  };
}

/**
 * What the client's browser runtime configuration (runtimeConfig.browser) installs, rebuilt in Node: the WebSocket
 * request handler over a fetch handler for anything that is not a WebSocket request, Transcribe's own event-stream
 * payload handler, which passes the encoded events through as they are (so frames go unsigned), and the browser's
 * event-stream serde.
 */
function browserConfiguration() {
  const { WebSocketFetchHandler } = clientRequire("@aws-sdk/middleware-websocket");
  const { eventStreamPayloadHandler } = clientRequire("@aws-sdk/middleware-sdk-transcribe-streaming");
  const { FetchHttpHandler } = clientRequire("@smithy/fetch-http-handler");
  // A bundler gives a browser the "browser" build of @smithy/core/event-streams, whose serde speaks web streams;
  // Node's export conditions would pick the Node build, so the browser build is loaded from its file beside it.
  const nodeBuild = clientRequire.resolve("@smithy/core/event-streams");
  const { eventStreamSerdeProvider } = clientRequire(join(dirname(nodeBuild), "index.browser.js"));
  return {
    requestHandler: WebSocketFetchHandler.create({}, FetchHttpHandler.create({})),
    eventStreamPayloadHandlerProvider: () => eventStreamPayloadHandler,
    eventStreamSerdeProvider,
  };
}

async function main() {
  if (!["websocket", "http2"].includes(args.transport) || !args.endpoint || !args.audio) {
    throw new Error("usage: transcribe.mjs --transport websocket|http2 --endpoint URL --audio FILE.wav [--region R]");
  }
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey } = process.env;
  if (!accessKeyId || !secretAccessKey) {
    throw new Error("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set");
  }
  const wav = readWav(args.audio);
  const observed = { framesSent: 0, emptyFrames: 0, signedFrames: 0, chunks: 0 };
  const websocket = args.transport === "websocket";
  if (websocket) {
    installObservedWebSocket(observed);
  }
  // Over HTTP/2 nothing is overridden: the client's Node defaults (NodeHttp2Handler, signed event stream) apply.
  const client = new TranscribeStreamingClient({
    region: args.region,
    endpoint: args.endpoint,
    credentials: { accessKeyId, secretAccessKey },
    ...(websocket ? browserConfiguration() : {}),
  });
  const started = Date.now();
  let transcriptEvents = 0;
  try {
    const response = await client.send(new StartStreamTranscriptionCommand({
      LanguageCode: "en-US",
      MediaEncoding: "pcm",
      MediaSampleRateHertz: wav.sampleRate,
      AudioStream: audioEvents(wav, observed),
    }));
    emit({
      type: "response",
      requestId: response.$metadata.requestId ?? null,
      attempts: response.$metadata.attempts ?? null,
      sessionId: response.SessionId ?? null,
      mediaSampleRateHertz: response.MediaSampleRateHertz ?? null,
    });
    for await (const event of response.TranscriptResultStream) {
      if (!event.TranscriptEvent) {
        emit({ type: "other", members: Object.keys(event) });
        continue;
      }
      transcriptEvents++;
      for (const result of event.TranscriptEvent.Transcript?.Results ?? []) {
        emit({
          type: "result",
          resultId: result.ResultId ?? null,
          partial: result.IsPartial === true,
          startTime: result.StartTime ?? null,
          endTime: result.EndTime ?? null,
          transcript: result.Alternatives?.[0]?.Transcript ?? "",
          afterClientClose: observed.clientClosed === true,
        });
      }
    }
  } finally {
    client.destroy();
  }
  emit({
    type: "summary",
    transport: args.transport,
    clientVersion: versionOf(require, "@aws-sdk/client-transcribe-streaming"),
    middlewareWebsocketVersion: versionOf(clientRequire, "@aws-sdk/middleware-websocket"),
    wsVersion: versionOf(require, "ws"),
    node: process.version,
    sampleRate: wav.sampleRate,
    audioChunks: observed.chunks,
    transcriptEvents,
    urlHost: observed.urlHost ?? null,
    signedHeaders: observed.signedHeaders ?? null,
    expires: observed.expires ?? null,
    framesSent: observed.framesSent,
    emptyFrames: observed.emptyFrames,
    signedFrames: observed.signedFrames,
    clientCloseCode: observed.clientCloseCode ?? null,
    socketCloseCode: observed.socketCloseCode ?? null,
    socketCloseReason: observed.socketCloseReason ?? null,
    elapsedMs: Date.now() - started,
  });
}

main().catch((error) => {
  emit({
    type: "error",
    name: error?.name ?? null,
    message: error?.message ?? String(error),
    httpStatusCode: error?.$metadata?.httpStatusCode ?? null,
  });
  console.error(error);
  process.exitCode = 1;
});
