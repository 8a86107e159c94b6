package dev.riffle.sigv4.credentials;

import dev.riffle.sigv4.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.riffle.sigv4.Credentials;
import dev.riffle.sigv4.CredentialsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@DisabledOnOs(value = OS.WINDOWS, disabledReason = "its commands are /bin/sh scripts")
class ProcessCredentialsProviderTest {

    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");

    @TempDir
    Path folder;

    private Scripts scripts;
    private final TestClock clock = new TestClock(NOW);

    @BeforeEach
    void setUp() {
        scripts = new Scripts(folder);
    }

    private ProcessCredentialsProvider.Builder builder(String command) {
        return ProcessCredentialsProvider.builder(command).profileName("dev").clock(clock)
                .environment(TestEnvironment.home(folder).build());
    }

    private ProcessCredentialsProvider provider(String command) {
        return builder(command).build();
    }

    /** A script that counts its runs in a file and prints an answer expiring at {@code expiration}. */
    private String countingCommand(String expiration) throws IOException {
        return scripts.command("counting.sh", "echo run >> '" + runsFile() + "'\nprintf '%s' '"
                + Scripts.answer(expiration) + "'");
    }

    private Path runsFile() {
        return scripts.file("runs");
    }

    private long runs() throws IOException {
        return Files.exists(runsFile()) ? Files.readAllLines(runsFile()).size() : 0;
    }

    @Test
    void readsTheAnswerOfTheCommand() throws IOException {
        Credentials credentials = provider(scripts.printing("ok.sh", "2030-01-01T13:00:00Z")).resolveCredentials();

        assertThat(credentials.accessKeyId()).isEqualTo(FakeSecrets.ACCESS_KEY_ID);
        assertThat(credentials.secretAccessKey()).isEqualTo(FakeSecrets.SECRET);
        assertThat(credentials.sessionToken()).contains(FakeSecrets.TOKEN);
        assertThat(credentials.expiration()).contains(Instant.parse("2030-01-01T13:00:00Z"));
    }

    @Test
    void runsTheCommandLineThroughTheShell() throws IOException {
        String script = scripts.command("args.sh", "printf '{\"Version\": 1, \"AccessKeyId\": \"%s\", "
                + "\"SecretAccessKey\": \"%s\"}' \"$1\" \"$2\"");

        Credentials credentials = provider(script + " 'ID-from-arg' \"$HOME-is-expanded\"").resolveCredentials();

        assertThat(credentials.accessKeyId()).isEqualTo("ID-from-arg");
        assertThat(credentials.secretAccessKey()).endsWith("-is-expanded").doesNotStartWith("$HOME");
    }

    @Test
    void keepsTheAnswerUntilAMinuteBeforeItExpiresThenRunsAgain() throws IOException {
        ProcessCredentialsProvider provider = provider(countingCommand("2030-01-01T13:00:00Z"));

        provider.resolveCredentials();
        clock.set(Instant.parse("2030-01-01T12:58:59Z"));
        provider.resolveCredentials();
        assertThat(runs()).isEqualTo(1);

        clock.set(Instant.parse("2030-01-01T12:59:00Z"));
        provider.resolveCredentials();
        assertThat(runs()).isEqualTo(2);
    }

    @Test
    void theRefreshMarginIsConfigurable() throws IOException {
        ProcessCredentialsProvider provider = builder(countingCommand("2030-01-01T13:00:00Z"))
                .refreshMargin(Duration.ofMinutes(10)).build();

        provider.resolveCredentials();
        clock.set(Instant.parse("2030-01-01T12:50:00Z"));
        provider.resolveCredentials();

        assertThat(runs()).isEqualTo(2);
    }

    @Test
    void keepsAnAnswerWithoutExpirationForever() throws IOException {
        ProcessCredentialsProvider provider = provider(countingCommand(null));

        Credentials first = provider.resolveCredentials();
        clock.set(NOW.plus(Duration.ofDays(3650)));
        Credentials later = provider.resolveCredentials();

        assertThat(later).isSameAs(first);
        assertThat(runs()).isEqualTo(1);
    }

    @Test
    void aNonZeroExitNamesTheProfileTheStatusAndStderr() throws IOException {
        String command = scripts.command("fails.sh", "echo 'the SSO session has expired' >&2\nexit 4");

        assertThatThrownBy(() -> provider(command).resolveCredentials()).isInstanceOf(CredentialsException.class)
                .hasMessage("credential_process of profile 'dev' exited with status 4; "
                        + "stderr: the SSO session has expired");
    }

    @Test
    void aNonZeroExitNeverShowsWhatWasPrintedOnStdout() throws IOException {
        String command = scripts.command("fails-after-printing.sh",
                "printf '%s' '" + Scripts.answer(null) + "'\nprintf '%s' '" + Scripts.answer(null) + "' >&2\nexit 1");

        assertThatThrownBy(() -> provider(command).resolveCredentials())
                .hasMessageStartingWith("credential_process of profile 'dev' exited with status 1; stderr: ")
                .satisfies(e -> FakeSecrets.assertNoSecretIn(e.getMessage()));
    }

    @Test
    void aCommandThatOutlastsTheTimeoutIsStopped() throws IOException {
        String command = scripts.command("slow.sh", "echo 'waiting for approval' >&2\nsleep 30");
        ProcessCredentialsProvider provider = builder(command).timeout(Duration.ofMillis(300)).build();

        long start = System.nanoTime();
        assertThatThrownBy(provider::resolveCredentials).isInstanceOf(CredentialsException.class)
                .hasMessageStartingWith("credential_process of profile 'dev' did not finish within 300 ms and was "
                        + "stopped; stderr: waiting for approval");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void invalidJsonIsReportedWithoutQuotingIt() throws IOException {
        String command = scripts.command("bad-json.sh", "printf '%s' '{\"Version\": 1, \"AccessKeyId\": \""
                + FakeSecrets.ACCESS_KEY_ID + "\", \"SecretAccessKey\": \"" + FakeSecrets.SECRET + "\",}'");

        assertThatThrownBy(() -> provider(command).resolveCredentials()).isInstanceOf(CredentialsException.class)
                .hasMessageStartingWith("credential_process of profile 'dev' printed an answer riffle cannot use: "
                        + "invalid JSON at character ")
                .hasMessageEndingWith("; stderr was empty")
                .satisfies(e -> FakeSecrets.assertNoSecretIn(e.getMessage()))
                .hasNoCause();
    }

    @Test
    void plainTextIsReportedAsInvalidJson() throws IOException {
        String command = scripts.command("text.sh", "echo " + FakeSecrets.SECRET);

        assertThatThrownBy(() -> provider(command).resolveCredentials())
                .hasMessageContaining("invalid JSON at character 0: expected '{'")
                .satisfies(e -> FakeSecrets.assertNoSecretIn(e.getMessage()));
    }

    @Test
    void missingFieldsAreNamed() throws IOException {
        String command = scripts.command("no-secret.sh", "printf '%s' '{\"Version\": 1, \"AccessKeyId\": \"A\", "
                + "\"SessionToken\": \"" + FakeSecrets.TOKEN + "\"}'");

        assertThatThrownBy(() -> provider(command).resolveCredentials())
                .hasMessage("credential_process of profile 'dev' printed an answer riffle cannot use: "
                        + "SecretAccessKey is missing or empty; stderr was empty");
    }

    @Test
    void anotherVersionIsRejected() throws IOException {
        String command = scripts.command("v2.sh", "printf '%s' '{\"Version\": 2, \"AccessKeyId\": \"A\", "
                + "\"SecretAccessKey\": \"" + FakeSecrets.SECRET + "\"}'");

        assertThatThrownBy(() -> provider(command).resolveCredentials())
                .hasMessageContaining("Version must be the number 1, but is 2")
                .satisfies(e -> FakeSecrets.assertNoSecretIn(e.getMessage()));
    }

    @Test
    void credentialsThatHaveAlreadyExpiredAreRejected() throws IOException {
        String command = scripts.printing("expired.sh", "2030-01-01T11:59:59Z");

        assertThatThrownBy(() -> provider(command).resolveCredentials())
                .hasMessageStartingWith("credential_process of profile 'dev' answered with credentials that "
                        + "expired at 2030-01-01T11:59:59Z (now: 2030-01-01T12:00:00Z)")
                .satisfies(e -> FakeSecrets.assertNoSecretIn(e.getMessage()));
    }

    @Test
    void aFailureIsNotCachedTheNextCallRunsTheCommandAgain() throws IOException {
        Path flag = scripts.file("fixed");
        String command = scripts.command("flaky.sh", "if [ -e '" + flag + "' ]; then printf '%s' '"
                + Scripts.answer(null) + "'; else echo 'not yet' >&2; exit 1; fi");
        ProcessCredentialsProvider provider = provider(command);

        assertThatThrownBy(provider::resolveCredentials).hasMessageContaining("not yet");
        Files.createFile(flag);

        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo(FakeSecrets.ACCESS_KEY_ID);
    }

    @Test
    void aFailedRefreshBeforeExpiryKeepsTheCachedCredentialsUntilTheyExpire() throws IOException {
        String command = scripts.command("fails-second-time.sh", "if [ -e '" + runsFile() + "' ]; then "
                + "echo 'the SSO session has expired' >&2; exit 1; fi\necho run >> '" + runsFile() + "'\n"
                + "printf '%s' '" + Scripts.answer("2030-01-01T13:00:00Z") + "'");
        ProcessCredentialsProvider provider = provider(command);
        Credentials first = provider.resolveCredentials();

        clock.set(Instant.parse("2030-01-01T12:59:30Z"));
        assertThat(provider.resolveCredentials()).isSameAs(first);
        clock.set(Instant.parse("2030-01-01T12:59:59Z"));
        assertThat(provider.resolveCredentials()).isSameAs(first);

        clock.set(Instant.parse("2030-01-01T13:00:00Z"));
        assertThatThrownBy(provider::resolveCredentials).isInstanceOf(CredentialsException.class)
                .hasMessage("credential_process of profile 'dev' exited with status 1; "
                        + "stderr: the SSO session has expired");
    }

    @Test
    void callersWaitingForAFailedRunShareItsFailureInsteadOfEachRunningTheCommand() throws Exception {
        Path release = scripts.file("release");
        String command = scripts.command("fails-when-released.sh", "echo run >> '" + runsFile() + "'\n"
                + "while [ ! -e '" + release + "' ]; do sleep 0.02; done\necho 'access denied' >&2\nexit 1");

        List<Throwable> failures = resolveConcurrently(provider(command), release, 4);

        assertThat(failures).hasSize(4).allSatisfy(failure -> assertThat(failure)
                .isInstanceOf(CredentialsException.class).hasMessageContaining("access denied"));
        assertThat(runs()).isEqualTo(1);
    }

    @Test
    void callersWaitingForAFailedRefreshBeforeExpiryShareTheCachedCredentials() throws Exception {
        Path release = scripts.file("release");
        String command = scripts.command("fails-after-first.sh", "if [ -e '" + runsFile() + "' ]; then "
                + "echo run >> '" + runsFile() + "'\nwhile [ ! -e '" + release + "' ]; do sleep 0.02; done\n"
                + "exit 1; fi\necho run >> '" + runsFile() + "'\n"
                + "printf '%s' '" + Scripts.answer("2030-01-01T13:00:00Z") + "'");
        ProcessCredentialsProvider provider = provider(command);
        Credentials first = provider.resolveCredentials();
        clock.set(Instant.parse("2030-01-01T12:59:30Z"));

        List<Throwable> failures = resolveConcurrently(provider, release, 4);

        assertThat(failures).isEmpty();
        assertThat(provider.resolveCredentials()).isSameAs(first);
        assertThat(runs()).isEqualTo(3); // the first answer, the shared failed refresh, the later caller's own
    }

    /**
     * Resolves from {@code callers} threads: the first starts the command, the others call while it runs and wait
     * (blocked) for it; then the command is let go by creating {@code release}, which stays, so later runs do not
     * wait. Returns what the callers threw.
     */
    private List<Throwable> resolveConcurrently(ProcessCredentialsProvider provider, Path release, int callers)
            throws Exception {
        long runsBefore = runs();
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Thread> threads = new CopyOnWriteArrayList<>();
            Callable<Throwable> call = () -> {
                threads.add(Thread.currentThread());
                try {
                    provider.resolveCredentials();
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            };
            List<Future<Throwable>> results = new ArrayList<>();
            results.add(pool.submit(call));
            awaitCondition(() -> runs() > runsBefore);
            for (int i = 1; i < callers; i++) {
                results.add(pool.submit(call));
            }
            awaitCondition(() -> threads.size() == callers && threads.stream()
                    .filter(t -> t.getState() == Thread.State.BLOCKED).count() == callers - 1);
            Files.createFile(release);
            List<Throwable> failures = new ArrayList<>();
            for (Future<Throwable> result : results) {
                Throwable failure = result.get(10, TimeUnit.SECONDS);
                if (failure != null) {
                    failures.add(failure);
                }
            }
            return failures;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitCondition(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the callers did not get into place within 10 s");
            }
            Thread.sleep(5);
        }
    }

    @Test
    void aShellThatCannotStartIsReported() {
        Environment windowsOnUnix = TestEnvironment.home(folder).property("os.name", "Windows 11").build();
        ProcessCredentialsProvider provider = ProcessCredentialsProvider.builder("get-creds").profileName("dev")
                .environment(windowsOnUnix).build();

        assertThatThrownBy(provider::resolveCredentials).isInstanceOf(CredentialsException.class)
                .hasMessageStartingWith("credential_process of profile 'dev' could not be started: ")
                .hasMessageContaining("cmd.exe");
    }

    @Test
    void withoutAProfileTheMessageSaysCredentialProcess() throws IOException {
        String command = scripts.command("fails.sh", "exit 2");
        ProcessCredentialsProvider provider = ProcessCredentialsProvider.builder(command)
                .environment(TestEnvironment.home(folder).build()).build();

        assertThatThrownBy(provider::resolveCredentials)
                .hasMessage("credential_process exited with status 2; stderr was empty");
    }

    @Test
    void toStringShowsNeitherTheCommandNorTheCredentials() throws IOException {
        String command = scripts.printing("ok.sh", null) + " --password hunter2";
        ProcessCredentialsProvider provider = provider(command);
        provider.resolveCredentials();

        assertThat(provider.toString()).isEqualTo(
                "ProcessCredentialsProvider[credential_process of profile 'dev', timeout=60 s]");
    }

    @Test
    void rejectsMeaninglessSettings() {
        assertThatThrownBy(() -> ProcessCredentialsProvider.builder(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcessCredentialsProvider.builder("x").timeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcessCredentialsProvider.builder("x").refreshMargin(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
