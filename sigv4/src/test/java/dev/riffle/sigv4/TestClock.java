package dev.riffle.sigv4;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock a test sets and advances (signers read it once per event, so each :date is the test's choice). */
public final class TestClock extends Clock {

    private Instant now;

    /** A clock at the epoch. */
    public TestClock() {
        this(Instant.EPOCH);
    }

    /** A clock at {@code start}. */
    public TestClock(Instant start) {
        this.now = start;
    }

    /** A clock at the ISO-8601 instant {@code iso}. */
    public TestClock(String iso) {
        this(Instant.parse(iso));
    }

    /** Sets the time. */
    public void set(Instant instant) {
        now = instant;
    }

    /** Moves the time. */
    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
