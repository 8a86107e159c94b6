package dev.riffle.cli.transcribe;

import dev.riffle.emulator.Emulator;
import dev.riffle.emulator.EmulatorConfig;
import dev.riffle.sigv4.Credentials;
import dev.riffle.sigv4.CredentialsException;
import dev.riffle.sigv4.CredentialsProvider;
import dev.riffle.sigv4.credentials.DefaultCredentialsProvider;
import dev.riffle.sigv4.credentials.DefaultRegionProvider;
import dev.riffle.sigv4.credentials.Environment;
import dev.riffle.sigv4.credentials.ProfileCredentialsProvider;
import dev.riffle.transcribe.Endpoints;
import dev.riffle.transport.StreamRequest;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where {@code riffle transcribe} sends, decided once from the flags and the environment:
 * <ul>
 *   <li>{@code --endpoint URL}: there, signing for the region given or found (else {@code us-east-1}) with the
 *       default credentials chain, or with the emulator's example credentials if the chain finds none, so that
 *       a local {@code riffle serve} works with no setup;</li>
 *   <li>{@code --region R}, or a region from the environment or the AWS config: Amazon Transcribe in that
 *       region, with the default chain's credentials, which must exist;</li>
 *   <li>neither: the emulator, started in this process on loopback, scripted from the file beside the audio.</li>
 * </ul>
 */
final class Destination implements AutoCloseable {

    /** The region signatures name when talking to an endpoint and no region is set anywhere. */
    static final String FALLBACK_REGION = "us-east-1";

    private final URI endpoint;
    private final String region;
    private final CredentialsProvider credentials;
    private final Emulator embedded;
    private final String notice;

    private Destination(URI endpoint, String region, CredentialsProvider credentials, Emulator embedded,
                        String notice) {
        this.endpoint = endpoint;
        this.region = region;
        this.credentials = credentials;
        this.embedded = embedded;
        this.notice = notice;
    }

    /**
     * Decides where to send.
     *
     * @param endpoint the {@code --endpoint}, or null
     * @param region   the {@code --region}, or null
     * @param profile  the {@code --profile}, or null for the selected one
     * @param script   the emulator's script if one is beside the audio
     * @param audioName the audio argument, for the notice
     * @param unlimitedPace whether the audio goes as fast as it can be read: the embedded emulator then lets it
     *                  run ahead of real time, as {@code riffle bench} does, instead of answering "too big"
     * @throws CredentialsException if AWS was chosen and no credentials can be found, or the config is unreadable
     * @throws IllegalArgumentException if the endpoint is unusable or the region is not a region name
     */
    static Destination resolve(URI endpoint, String region, String profile, Environment environment,
                               Optional<Path> script, String audioName, boolean unlimitedPace) {
        DefaultRegionProvider regions = profile == null ? DefaultRegionProvider.create(environment)
                : DefaultRegionProvider.create(environment, profile);
        Optional<String> chosenRegion = Optional.ofNullable(region).or(regions::region);
        ProfileCredentialsProvider.Builder profiles = ProfileCredentialsProvider.builder().environment(environment);
        if (profile != null) {
            profiles.profileName(profile);
        }
        CredentialsProvider chain = DefaultCredentialsProvider.create(profiles.build());
        if (endpoint != null) {
            StreamRequest.requireUsableEndpoint(endpoint);
            return new Destination(endpoint, chosenRegion.orElse(FALLBACK_REGION), orExampleCredentials(chain), null,
                    null);
        }
        if (chosenRegion.isPresent()) {
            Endpoints.forRegion(chosenRegion.get()); // a malformed region is the first thing to fix
            chain.resolveCredentials(); // fail now, with the chain's account of where it looked
            return new Destination(null, chosenRegion.get(), chain, null, null);
        }
        return embedded(script, audioName, unlimitedPace);
    }

    private static Destination embedded(Optional<Path> script, String audioName, boolean unlimitedPace) {
        EmulatorConfig.Builder config = EmulatorConfig.builder().host("127.0.0.1").port(0);
        script.ifPresent(config::script);
        if (unlimitedPace) {
            config.aheadOfRealTimeAllowance(null);
        }
        Emulator emulator = Emulator.start(config.build());
        String notice = "riffle: using the local Transcribe emulator (no --endpoint or AWS region given), "
                + script.map(s -> "scripted by " + s).orElse("with no script beside " + audioName
                + " (NAME.json or NAME.txt), so results will be empty");
        Credentials example = Credentials.of(EmulatorConfig.EXAMPLE_ACCESS_KEY_ID,
                EmulatorConfig.EXAMPLE_SECRET_ACCESS_KEY);
        return new Destination(emulator.uri(), FALLBACK_REGION, () -> example, emulator, notice);
    }

    /** The chain's credentials when it has some, else the example pair that {@code riffle serve} accepts. */
    private static CredentialsProvider orExampleCredentials(CredentialsProvider chain) {
        Credentials example = Credentials.of(EmulatorConfig.EXAMPLE_ACCESS_KEY_ID,
                EmulatorConfig.EXAMPLE_SECRET_ACCESS_KEY);
        return () -> {
            try {
                return chain.resolveCredentials();
            } catch (CredentialsException e) {
                return example;
            }
        };
    }

    /** The endpoint to open streams on; empty for the region's own. */
    Optional<URI> endpoint() {
        return Optional.ofNullable(endpoint);
    }

    /** The region that scopes signatures. */
    String region() {
        return region;
    }

    /** Where credentials come from. */
    CredentialsProvider credentials() {
        return credentials;
    }

    /** What to tell the user on standard error before starting, if anything. */
    Optional<String> notice() {
        return Optional.ofNullable(notice);
    }

    /** Stops the embedded emulator, if one was started. */
    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }

    @Override
    public String toString() {
        return "Destination[" + Objects.requireNonNullElse(endpoint, "region " + region) + "]";
    }
}
