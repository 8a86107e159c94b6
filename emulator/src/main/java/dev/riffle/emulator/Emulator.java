package dev.riffle.emulator;

import dev.riffle.emulator.tls.ServerCertificate;
import dev.riffle.emulator.transcript.EngineTuning;
import dev.riffle.emulator.transcript.ResultIdGenerator;
import dev.riffle.emulator.transcript.StreamTranscriber;
import dev.riffle.emulator.transcript.TimedScript;
import dev.riffle.emulator.transcript.TranscriptScript;
import dev.riffle.emulator.transcript.TranscriptionSettings;
import dev.riffle.transcribe.audio.AudioFormat;
import dev.riffle.transcribe.model.MediaEncoding;
import dev.riffle.transcribe.model.StartStreamTranscriptionRequest;
import dev.riffle.transcribe.model.TranscriptEvent;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.net.InetSocketAddress;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * A local Amazon Transcribe Streaming service: {@code POST /stream-transcription} over HTTP/2 (prior knowledge,
 * or TLS with or without ALPN), SigV4 verified on the request and on every event, parameters validated as the
 * service does, transcripts from a script in step with the audio, the service's limits, and fault injection.
 *
 * <pre>{@code
 * try (Emulator emulator = Emulator.start(EmulatorConfig.builder().script(Path.of("samples/hello.json")).build())) {
 *     URI endpoint = emulator.uri(); // http://127.0.0.1:<port>
 *     ...
 * }
 * }</pre>
 */
public final class Emulator implements AutoCloseable {

    private final EmulatorContext context;
    private final EventLoopGroup group;
    private final Channel server;
    private final ServerCertificate certificate;

    private Emulator(EmulatorConfig config, EmulatorContext context) {
        this.context = context;
        this.certificate = config.tls ? (config.certificate != null ? config.certificate
                : ServerCertificate.selfSigned(Duration.ofDays(7))) : null;
        SslContext ssl = certificate == null ? null : serverTls(certificate);
        this.group = new MultiThreadIoEventLoopGroup(Math.max(2, Runtime.getRuntime().availableProcessors()),
                NioIoHandler.newFactory());
        ChannelFuture bound;
        try {
            bound = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new ServerInitializer(context, ssl))
                    .bind(config.host, config.port).awaitUninterruptibly();
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw cannotListen(config, e);
        }
        if (!bound.isSuccess()) { // a BindException is checked: await, then look, rather than have it rethrown
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw cannotListen(config, bound.cause());
        }
        this.server = bound.channel();
    }

    /** The reason a bind failed, named even when the exception has no message (an unresolvable host's has none). */
    private static IllegalStateException cannotListen(EmulatorConfig config, Throwable cause) {
        String reason = cause.getMessage() != null ? cause.getMessage()
                : cause instanceof java.nio.channels.UnresolvedAddressException ? "cannot resolve the host"
                : cause.getClass().getSimpleName();
        return new IllegalStateException("cannot listen on " + config.host + ":" + config.port + ": " + reason, cause);
    }

    /**
     * Starts an emulator and returns once it is listening.
     *
     * @throws IllegalArgumentException if the script cannot be read or is malformed (the message names the file,
     *                                  the place and the problem)
     * @throws IllegalStateException    if the port cannot be bound
     */
    public static Emulator start(EmulatorConfig config) {
        TranscriptScript script = repeat(loadScript(config.script), config);
        AtomicLong streams = new AtomicLong();
        EmulatorContext context = new EmulatorContext(config,
                request -> transcriber(script, request, config.seed == 0 ? ResultIdGenerator.random()
                        : ResultIdGenerator.seeded(config.seed + streams.incrementAndGet())),
                Emulator::audioClock);
        return new Emulator(config, context);
    }

    private static TranscriptScript repeat(TranscriptScript script, EmulatorConfig config) {
        if (config.scriptRepeat == null || script == null) {
            return script;
        }
        if (!(script instanceof TimedScript timed)) {
            throw new IllegalArgumentException("only a .json script can repeat, having timings to shift; "
                    + script.source() + " is plain words");
        }
        return timed.repeatedEvery(config.scriptRepeat, config.maxStreamDuration);
    }

    /** The script at {@code file}, or null for none; package-private for the tests that use the samples. */
    static TranscriptScript loadScript(Path file) {
        if (file == null) {
            return null;
        }
        try {
            return TranscriptScript.load(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the script " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The transcript engine of one stream: events from the script, in step with the stream's audio. Package-private
     * for the tests that feed it every request validation lets through.
     */
    static Transcription transcriber(TranscriptScript script, StartStreamTranscriptionRequest request,
                                             ResultIdGenerator ids) {
        StreamTranscriber engine = new StreamTranscriber(script,
                TranscriptionSettings.fromRequest(request, request.numberOfChannels().orElse(1)), ids,
                EngineTuning.defaults());
        return new Transcription() {
            @Override
            public List<TranscriptEvent> accept(ByteBuffer pcm, double audioSeconds) {
                return engine.accept(pcm, audioSeconds);
            }

            @Override
            public List<TranscriptEvent> finish() {
                return engine.finish();
            }
        };
    }

    /** Audio time as the service counts it (spec 5.4): PCM by bytes, FLAC by its frames, Ogg Opus by its pages. */
    static AudioClock audioClock(StartStreamTranscriptionRequest request) {
        dev.riffle.transcribe.audio.AudioClock clock = dev.riffle.transcribe.audio.AudioClock.of(new AudioFormat(
                request.mediaEncoding().orElse(MediaEncoding.PCM), request.mediaSampleRateHertz().orElse(16_000),
                request.numberOfChannels().orElse(1)));
        return audio -> {
            clock.feed(audio);
            return clock.audioNanos() / 1e9;
        };
    }

    /** The endpoint: {@code http://HOST:PORT}, or {@code https://} with TLS. */
    public URI uri() {
        String host = context.config.host.contains(":") ? "[" + context.config.host + "]" : context.config.host;
        return URI.create((certificate != null ? "https" : "http") + "://" + host + ":" + port());
    }

    /** The port listened on. */
    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** The TLS certificate, if serving TLS. */
    public Optional<ServerCertificate> certificate() {
        return Optional.ofNullable(certificate);
    }

    /** Streams open right now. */
    public int liveStreams() {
        return context.sessions.size();
    }

    /**
     * Stops: every open stream ends with a ServiceUnavailableException (as a service going away would answer),
     * then the port closes. Waits up to 2 s for those goodbyes to be written, so that a client behind flow control
     * or a stream in a header delay still gets its exception; the connections close after that.
     */
    @Override
    public void close() {
        // Stop taking connections and streams first, then tell the live ones: a stream admitted after the list
        // below was taken would otherwise be cut off without the service's goodbye.
        List<TranscriptionSession> live = context.sessions.close();
        server.close().syncUninterruptibly();
        CompletableFuture<?>[] goodbyes = live.stream().map(session -> session.terminateFromAnyThread(
                "ServiceUnavailableException", "The service is shutting down.")).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(goodbyes).get(2, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // a stream whose goodbye is not written within 2 s (a client that stopped reading) is cut off below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stop waiting, and still close below
        }
        group.shutdownGracefully(100, 2_000, TimeUnit.MILLISECONDS).syncUninterruptibly();
    }

    private static SslContext serverTls(ServerCertificate certificate) {
        try {
            return SslContextBuilder.forServer(certificate.privateKey(), certificate.chain())
                    .sslProvider(SslProvider.JDK)
                    .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                            ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1))
                    .build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }
}
