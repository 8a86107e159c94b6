package dev.riffle.emulator.transcript;

import dev.riffle.transcribe.model.LanguageCode;
import dev.riffle.transcribe.model.Result;
import dev.riffle.transcribe.model.StartStreamTranscriptionRequest;
import dev.riffle.transcribe.model.Transcript;
import dev.riffle.transcribe.model.TranscriptEvent;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The transcription of one emulated stream: given the stream's audio as it arrives, the {@code TranscriptEvent}s
 * the service would send, with the words of a {@link TranscriptScript} (spec section 5.8).
 *
 * <p>The caller (the emulator's network side) makes one per stream from the request, calls {@link #accept} for
 * each audio event, {@link #finish()} when the input ends, and sends the events each call returns, in order.
 *
 * <p>What the events hold (spec sections 3.4 and 5.2 to 5.5):
 * <ul>
 *   <li>While a segment is open, a partial result every {@link EngineTuning#partialIntervalSeconds()} of audio,
 *       with the segment's one {@code ResultId} and {@code StartTime}, {@code EndTime} at the audio heard, and the
 *       words heard so far (the word being said cut short); then exactly one final result with the same id,
 *       full punctuation and confidences.</li>
 *   <li>When nothing is being said (no script, audio past its end, silence), an event with no results every
 *       {@link EngineTuning#emptyIntervalSeconds()} of audio.</li>
 *   <li>With channel identification each channel has its own open segment, and an event may carry a result of
 *       each.</li>
 * </ul>
 * Time is audio time only, never the wall clock: the same audio, cut any way, gives the same events. Memory is
 * bounded by the script's open segments, never the audio. Not thread-safe: one stream's calls come one at a
 * time.
 */
public final class StreamTranscriber {

    private static final List<ChannelLabel> ONE_LANE = List.of(ChannelLabel.CH_0);
    private static final List<ChannelLabel> LANE_PER_CHANNEL = List.of(ChannelLabel.CH_0, ChannelLabel.CH_1);

    private final SpeechDetector speechDetector;
    private final ScriptPlayback playback;
    private final ResultRenderer renderer;
    private final EventCadence cadence;
    private final boolean lanePerChannel;
    private final boolean[] speechByLane;
    private final FrameListener frameListener = this::onFrame;
    /** The results of the frame being heard; reused, as most frames have none. */
    private final List<Result> frameResults = new ArrayList<>();

    private List<TranscriptEvent> events = new ArrayList<>();
    private double audioEnd;
    private boolean finished;

    /**
     * The transcription of a stream with {@code settings}.
     *
     * @param script what is said; null for none (events without results)
     * @param settings what the request asks
     * @param ids gives segments their {@code ResultId}s
     * @param tuning the engine's pacing
     */
    public StreamTranscriber(TranscriptScript script, TranscriptionSettings settings, ResultIdGenerator ids,
                             EngineTuning tuning) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(tuning, "tuning");
        this.lanePerChannel = settings.channelIdentification();
        List<ChannelLabel> lanes = lanePerChannel ? LANE_PER_CHANNEL : ONE_LANE;
        this.speechDetector = SpeechDetector.forAudio(settings.encoding(), settings.sampleRate(),
                settings.audioChannels(), tuning.voiceActivity());
        this.playback = ScriptPlayback.of(Objects.requireNonNullElse(script, TranscriptScript.none()), lanes,
                tuning.speakingRate(), tuning.pauseSeconds(), ids);
        this.renderer = new ResultRenderer(stabilityPolicy(settings, tuning), settings.showSpeakerLabel(),
                settings.channelIdentification(), languagePolicy(settings),
                PiiPolicy.of(settings.piiHandling(), settings.piiEntityTypes()));
        this.cadence = new EventCadence(tuning.partialIntervalSeconds(), tuning.emptyIntervalSeconds());
        this.speechByLane = new boolean[lanes.size()];
    }

    /**
     * The transcription of a stream started with {@code request} (already validated), with random result ids and
     * the default tuning.
     *
     * @param audioChannels the channels of PCM audio without channel identification (1 or 2)
     */
    public static StreamTranscriber forRequest(TranscriptScript script, StartStreamTranscriptionRequest request,
                                               int audioChannels) {
        return new StreamTranscriber(script, TranscriptionSettings.fromRequest(request, audioChannels),
                ResultIdGenerator.random(), EngineTuning.defaults());
    }

    /**
     * More audio arrived.
     *
     * @param pcmOrNull for PCM, the new bytes (signed 16-bit little-endian, channels interleaved; they may cut a
     *                  sample anywhere). Read from position to limit without moving them, and not kept after the
     *                  call. For PCM, the samples are the clock: an event's times come from sample counts. Null
     *                  for FLAC and Ogg Opus, which are not decoded
     * @param audioSecondsNow the audio received so far, in seconds, as the caller counts it (from bytes or
     *                        container timing); the clock of FLAC and Ogg Opus
     * @return the events this audio completes, in order; often none
     * @throws IllegalStateException after {@link #finish()}
     */
    public List<TranscriptEvent> accept(ByteBuffer pcmOrNull, double audioSecondsNow) {
        if (finished) {
            throw new IllegalStateException("the stream's input has ended");
        }
        speechDetector.accept(pcmOrNull, audioSecondsNow, frameListener);
        return takeEvents();
    }

    /**
     * The input ended: the last frame of audio is heard and every open segment gets its final result (spec
     * section 5.1, draining). With a plain-word script, the words not yet said go into the last segment.
     * Calling it again returns nothing.
     *
     * @return the last events, in order
     */
    public List<TranscriptEvent> finish() {
        if (finished) {
            return List.of();
        }
        finished = true;
        speechDetector.finish(frameListener);
        List<Result> finals = new ArrayList<>();
        playback.finish(audioEnd, segment -> finals.add(renderer.finalResult(segment)));
        if (!finals.isEmpty()) {
            send(finals, audioEnd);
        }
        return takeEvents();
    }

    private void onFrame(double start, double end, boolean[] speechByChannel) {
        audioEnd = end;
        frameResults.clear();
        playback.advance(start, end, speechByLane(speechByChannel), segment -> frameResults.add(
                renderer.finalResult(segment)));
        if (cadence.partialDue(end)) {
            playback.openSegments(end, segment -> renderer.partial(segment, end).ifPresent(frameResults::add));
        }
        if (!frameResults.isEmpty() || cadence.emptyDue(end)) {
            send(frameResults, end);
        }
    }

    /** Each channel is its own lane with channel identification; otherwise speech on either channel counts. */
    private boolean[] speechByLane(boolean[] speechByChannel) {
        if (lanePerChannel) {
            System.arraycopy(speechByChannel, 0, speechByLane, 0, speechByLane.length);
        } else {
            speechByLane[0] = false;
            for (boolean speech : speechByChannel) {
                speechByLane[0] |= speech;
            }
        }
        return speechByLane;
    }

    /** Sends an event of {@code results}, which the event copies. */
    private void send(List<Result> results, double at) {
        events.add(new TranscriptEvent(new Transcript(results)));
        cadence.sent(at);
    }

    private List<TranscriptEvent> takeEvents() {
        if (events.isEmpty()) {
            return List.of();
        }
        List<TranscriptEvent> taken = events;
        events = new ArrayList<>();
        return taken;
    }

    private static StabilityPolicy stabilityPolicy(TranscriptionSettings settings, EngineTuning tuning) {
        if (settings.stabilization() == null) {
            return StabilityPolicy.off();
        }
        return StabilityPolicy.keepingUnstable(tuning.stabilityDepths().at(settings.stabilization()));
    }

    private static LanguagePolicy languagePolicy(TranscriptionSettings settings) {
        List<LanguageCode> options = settings.languageOptions();
        if (options.isEmpty()) {
            return LanguagePolicy.notIdentifying();
        }
        return LanguagePolicy.identifying(options, settings.preferredLanguage());
    }
}
