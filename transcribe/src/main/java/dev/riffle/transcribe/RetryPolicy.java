package dev.riffle.transcribe;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how long to wait before opening a stream again. Only failures before the stream started are retried,
 * and only those the service marks transient (429 LimitExceededException, 500 InternalFailureException, 503
 * ServiceUnavailableException): a stream that has started is never retried silently, because audio already sent
 * would be lost or duplicated.
 *
 * <p>Delays use "full jitter": a random delay between 0 and {@code min(maxDelay, baseDelay × 2^attempt)}, so that
 * many clients refused at once (a concurrency quota) do not come back at once.
 *
 * @param maxAttempts attempts in all, the first included (1 = no retry)
 * @param baseDelay   the ceiling of the first retry's delay
 * @param maxDelay    the largest ceiling
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    /** Three attempts, 100 ms doubling up to 5 s. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(5));

    /** One attempt: no retry. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    /** Checks the values. */
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (baseDelay.isNegative() || maxDelay.isNegative()) {
            throw new IllegalArgumentException("delays must not be negative");
        }
    }

    /** The delay before attempt {@code attempt + 1}, after {@code attempt} failures (1-based). */
    public Duration delayAfter(int attempt) {
        long ceiling = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt - 1, 20));
        return ceiling <= 0 ? Duration.ZERO : Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }
}
