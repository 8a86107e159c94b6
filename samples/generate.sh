#!/usr/bin/env bash
# Generates the speech samples in this folder, with transcripts whose word times are exact.
#
#   samples/generate.sh            (from anywhere; writes next to this script)
#
# Needs espeak-ng, sox (which brings soxi) and opusenc. On Debian or Ubuntu:
#
#   apt-get install -y espeak-ng sox opus-tools
#
# CI does not run this script: its output is committed. Run it again after changing a sentence, a voice or a
# pause below, and commit the new files.
#
# Why word by word: a synthesizer does not say when each word starts. Saying every word with its own espeak-ng
# call, trimming the silence espeak-ng puts around it, and measuring it with soxi gives each word's length in
# samples; the pauses between words are silences of a chosen length. Concatenating the pieces then puts every
# word at a known sample offset, so the times in NAME.json are exact (rounded to milliseconds) and an emulator
# can replay them as if a recognizer had found them.
#
# For each sample it writes:
#   NAME.wav   16 kHz, 16-bit PCM WAV (mono, or stereo with one speaker per channel), under 1 MB
#   NAME.txt   the plain transcript, one sentence (or turn) per line
#   recipe.flac, recipe.opus  the recipe again as FLAC and as Ogg Opus, to try the other input formats; they
#              share recipe.json and recipe.txt, which the emulator finds beside any of the three
#   NAME.json  {"segments":[{"start","end",["channel","speaker",]"words":[{"text","start","end"}]}]}
#              times in seconds; trailing punctuation stays on its word; channel ("ch_0" left, "ch_1" right)
#              and speaker ("0", "1") only in the stereo sample, where they mean something
#
# Idempotent: the same inputs give the same bytes (sox runs without dither, espeak-ng is deterministic), and
# every output file is rewritten whole, so running it twice changes nothing.
set -euo pipefail

for tool in espeak-ng sox soxi opusenc; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "generate.sh needs espeak-ng, sox and opusenc; install them with:" \
            "apt-get install -y espeak-ng sox opus-tools" >&2
        exit 1
    fi
done

OUT_DIR=$(cd "$(dirname "$0")" && pwd)
RATE=16000
SPEED=155             # espeak-ng words per minute
LEAD_MS=300           # silence before the first word
WORD_GAP_MS=90        # silence between two words of a sentence
SENTENCE_GAP_MS=600   # silence between sentences, and between turns of the stereo sample
TAIL_MS=500           # silence after the last word

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# sox without dither (-D), so that the output does not change from one run to the next.
SOX=(sox -D -V1)

ms_to_samples() { echo $(( $1 * RATE / 1000 )); }

# samples_to_seconds N: N samples as seconds, rounded to milliseconds.
samples_to_seconds() { awk -v n="$1" -v r="$RATE" 'BEGIN { printf "%.3f", n / r }'; }

# silence FILE SAMPLES: a mono silence of exactly SAMPLES samples.
# The rate and channel options go before -n: they describe the null input, which trim counts in.
silence() { "${SOX[@]}" -r "$RATE" -c 1 -n -b 16 "$1" trim 0 "${2}s"; }

sample_count() { soxi -s "$1"; }

# say_word VOICE WORD FILE: one word, at RATE, with the silence around it trimmed away. A 1% threshold cuts
# espeak-ng's long fade-out but keeps quiet consonants; reverse-trim-reverse trims the end as well as the start.
say_word() {
    espeak-ng -v "$1" -s "$SPEED" -w "$WORK/raw.wav" -- "$2"
    "${SOX[@]}" "$WORK/raw.wav" -r "$RATE" -b 16 -c 1 "$3" \
        silence 1 0.005 1% reverse silence 1 0.005 1% reverse
}

# say_words VOICE TEXT NAME: writes $WORK/NAME.wav (the words with pauses between them) and $WORK/NAME.words
# (one line per word: start and end sample within NAME.wav, then the word). The pause after a word that ends a
# sentence (. ? !) is the long one, so a turn of two sentences sounds like two.
say_words() {
    local voice=$1 text=$2 name=$3 position=0 index=0 word length pause=0 pause_file=""
    local pieces=()
    silence "$WORK/word-gap.wav" "$(ms_to_samples "$WORD_GAP_MS")"
    silence "$WORK/sentence-gap.wav" "$(ms_to_samples "$SENTENCE_GAP_MS")"
    : > "$WORK/$name.words"
    for word in $text; do
        case $word in *'"'* | *'\'*) echo "a word may not hold a quote or backslash: $word" >&2; exit 1 ;; esac
        if (( index > 0 )); then
            pieces+=("$pause_file")
            position=$(( position + pause ))
        fi
        say_word "$voice" "$word" "$WORK/$name-$index.wav"
        length=$(sample_count "$WORK/$name-$index.wav")
        echo "$position $(( position + length )) $word" >> "$WORK/$name.words"
        pieces+=("$WORK/$name-$index.wav")
        position=$(( position + length ))
        index=$(( index + 1 ))
        case $word in
            *. | *'?' | *!) pause_file=$WORK/sentence-gap.wav; pause=$(ms_to_samples "$SENTENCE_GAP_MS") ;;
            *) pause_file=$WORK/word-gap.wav; pause=$(ms_to_samples "$WORD_GAP_MS") ;;
        esac
    done
    if (( ${#pieces[@]} == 1 )); then
        cp "${pieces[0]}" "$WORK/$name.wav"
    else
        "${SOX[@]}" "${pieces[@]}" "$WORK/$name.wav"
    fi
}

# segment_json NAME OFFSET [CHANNEL SPEAKER]: the JSON segment of the words of NAME placed at OFFSET samples.
segment_json() {
    local name=$1 offset=$2 channel=${3:-} speaker=${4:-} words="" first="" last="" start end word
    while read -r start end word; do
        [[ -z $first ]] && first=$start
        last=$end
        [[ -n $words ]] && words+=","
        words+="{\"text\":\"$word\",\"start\":$(samples_to_seconds $(( offset + start ))),"
        words+="\"end\":$(samples_to_seconds $(( offset + end )))}"
    done < "$WORK/$name.words"
    printf '{"start":%s,"end":%s,' "$(samples_to_seconds $(( offset + first )))" \
        "$(samples_to_seconds $(( offset + last )))"
    if [[ -n $channel ]]; then
        printf '"channel":"%s","speaker":"%s",' "$channel" "$speaker"
    fi
    printf '"words":[%s]}' "$words"
}

# write_json NAME SEGMENT...: NAME.json with one segment per line, so that a diff shows which one changed.
write_json() {
    local name=$1
    shift
    {
        printf '{"segments":[\n'
        local separator=""
        for segment in "$@"; do
            printf '%s%s' "$separator" "$segment"
            separator=$',\n'
        done
        printf '\n]}\n'
    } > "$OUT_DIR/$name.json"
}

# mono_sample NAME VOICE SENTENCE...: one speaker, sentences separated by SENTENCE_GAP_MS.
mono_sample() {
    local name=$1 voice=$2 position index=0 length
    shift 2
    local pieces=("$WORK/lead.wav") segments=()
    silence "$WORK/lead.wav" "$(ms_to_samples "$LEAD_MS")"
    silence "$WORK/sentence-gap.wav" "$(ms_to_samples "$SENTENCE_GAP_MS")"
    silence "$WORK/tail.wav" "$(ms_to_samples "$TAIL_MS")"
    position=$(ms_to_samples "$LEAD_MS")
    : > "$OUT_DIR/$name.txt"
    for sentence in "$@"; do
        if (( index > 0 )); then
            pieces+=("$WORK/sentence-gap.wav")
            position=$(( position + $(ms_to_samples "$SENTENCE_GAP_MS") ))
        fi
        say_words "$voice" "$sentence" "$name-s$index"
        segments+=("$(segment_json "$name-s$index" "$position")")
        pieces+=("$WORK/$name-s$index.wav")
        length=$(sample_count "$WORK/$name-s$index.wav")
        position=$(( position + length ))
        echo "$sentence" >> "$OUT_DIR/$name.txt"
        index=$(( index + 1 ))
    done
    pieces+=("$WORK/tail.wav")
    "${SOX[@]}" "${pieces[@]}" -b 16 "$OUT_DIR/$name.wav"
    write_json "$name" "${segments[@]}"
}

# stereo_sample NAME VOICE_A VOICE_B A:|B:SENTENCE...: two speakers taking turns, A on the left channel
# (ch_0, speaker "0") and B on the right (ch_1, speaker "1"). While one speaks, the other channel is silent.
stereo_sample() {
    local name=$1 voice_a=$2 voice_b=$3 position index=0 length gap turn speaker sentence
    shift 3
    local left=("$WORK/lead.wav") right=("$WORK/lead.wav") segments=()
    silence "$WORK/lead.wav" "$(ms_to_samples "$LEAD_MS")"
    silence "$WORK/sentence-gap.wav" "$(ms_to_samples "$SENTENCE_GAP_MS")"
    silence "$WORK/tail.wav" "$(ms_to_samples "$TAIL_MS")"
    gap=$(ms_to_samples "$SENTENCE_GAP_MS")
    position=$(ms_to_samples "$LEAD_MS")
    : > "$OUT_DIR/$name.txt"
    for turn in "$@"; do
        speaker=${turn%%:*}
        sentence=${turn#*:}
        if (( index > 0 )); then
            left+=("$WORK/sentence-gap.wav")
            right+=("$WORK/sentence-gap.wav")
            position=$(( position + gap ))
        fi
        if [[ $speaker == A ]]; then
            say_words "$voice_a" "$sentence" "$name-t$index"
        else
            say_words "$voice_b" "$sentence" "$name-t$index"
        fi
        length=$(sample_count "$WORK/$name-t$index.wav")
        silence "$WORK/$name-t$index-quiet.wav" "$length"
        if [[ $speaker == A ]]; then
            left+=("$WORK/$name-t$index.wav")
            right+=("$WORK/$name-t$index-quiet.wav")
            segments+=("$(segment_json "$name-t$index" "$position" ch_0 0)")
        else
            left+=("$WORK/$name-t$index-quiet.wav")
            right+=("$WORK/$name-t$index.wav")
            segments+=("$(segment_json "$name-t$index" "$position" ch_1 1)")
        fi
        position=$(( position + length ))
        echo "$sentence" >> "$OUT_DIR/$name.txt"
        index=$(( index + 1 ))
    done
    left+=("$WORK/tail.wav")
    right+=("$WORK/tail.wav")
    "${SOX[@]}" "${left[@]}" "$WORK/left.wav"
    "${SOX[@]}" "${right[@]}" "$WORK/right.wav"
    "${SOX[@]}" -M "$WORK/left.wav" "$WORK/right.wav" -b 16 "$OUT_DIR/$name.wav"
    write_json "$name" "${segments[@]}"
}

mono_sample briefing en-us+m3 \
    "Good morning, everyone." \
    "Today we test the streaming engine with recorded speech." \
    "The audio travels in small chunks, one after another, at the pace of a live speaker."

mono_sample recipe en-gb+f3 \
    "Heat a heavy pan over a medium flame." \
    "Add a spoonful of butter and wait until it melts." \
    "Then stir in the onions, and cook them slowly for ten minutes."

stereo_sample support-call en-us+f2 en-us+m1 \
    "A:Thank you for calling. How can I help?" \
    "B:My parcel is late." \
    "A:Sorry. What is the order number?" \
    "B:Four two seven nine."

# The same recipe in the two container formats. A fixed Ogg serial number keeps the output byte for byte the same.
sox "$OUT_DIR/recipe.wav" "$OUT_DIR/recipe.flac"
opusenc --quiet --serial 1 "$OUT_DIR/recipe.wav" "$OUT_DIR/recipe.opus"

echo "wrote briefing, recipe and support-call (.wav, .txt, .json), recipe.flac and recipe.opus to $OUT_DIR"
