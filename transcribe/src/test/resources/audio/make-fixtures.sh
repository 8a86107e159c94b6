#!/usr/bin/env bash
# Makes the small FLAC and Ogg Opus files the audio tests read, from the committed speech samples.
#
#   transcribe/src/test/resources/audio/make-fixtures.sh
#
# Needs sox and opusenc (Debian: apt-get install -y sox opus-tools). The output is committed; CI does not run
# this. Each file is a second or two of speech, a few KB, chosen to cover the chunker's cases:
#
#   speech-16k-mono.flac    sox -C 0: 1152-sample frames (72 ms), so chunks hold several whole frames
#   speech-8k-stereo.flac   sox -C 8: 4096-sample frames (512 ms), so frames are cut into pieces
#   speech-16k-mono.opus    opusenc --max-delay 40: 40 ms pages, so chunks hold several whole pages
#   speech-24k-stereo.opus  opusenc defaults: pages of up to 1 s, cut into pieces; input rate 24 kHz
#
# The volume is lowered only to keep the FLAC files small. Fixed serial numbers and no dither make the output
# the same on every run.
set -euo pipefail

for tool in sox opusenc; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "make-fixtures.sh needs sox and opusenc: apt-get install -y sox opus-tools" >&2
        exit 1
    fi
done

HERE=$(cd "$(dirname "$0")" && pwd)
SAMPLES=$(cd "$HERE/../../../../../samples" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

sox -D -V1 "$SAMPLES/briefing.wav" -C 0 "$HERE/speech-16k-mono.flac" trim 0.2 0.7 vol 0.25
sox -D -V1 "$SAMPLES/support-call.wav" -r 8000 -C 8 "$HERE/speech-8k-stereo.flac" trim 5.3 1.0 vol 0.25

sox -D -V1 "$SAMPLES/recipe.wav" "$WORK/recipe.wav" trim 0.2 1.5
opusenc --quiet --serial 1 --bitrate 12 --max-delay 40 "$WORK/recipe.wav" "$HERE/speech-16k-mono.opus"
sox -D -V1 "$SAMPLES/support-call.wav" -r 24000 "$WORK/call.wav" trim 5.0 2.0
opusenc --quiet --serial 2 --bitrate 16 "$WORK/call.wav" "$HERE/speech-24k-stereo.opus"

ls -l "$HERE"/*.flac "$HERE"/*.opus
