package dev.riffle.emulator.transcript;

import java.util.Random;
import java.util.UUID;

/**
 * Gives each segment its {@code ResultId}: a UUID string, like the service's (spec section 3.4). Random in
 * service, or the same sequence for the same seed, so that tests and recorded sessions can be compared.
 */
public abstract class ResultIdGenerator {

    private ResultIdGenerator() {
    }

    /** The id of the next segment. */
    public abstract String next();

    /** Random (version 4) UUIDs. */
    public static ResultIdGenerator random() {
        return new ResultIdGenerator() {
            @Override
            public String next() {
                return UUID.randomUUID().toString();
            }
        };
    }

    /** Version 4 UUIDs drawn from a generator seeded with {@code seed}: the same seed gives the same ids. */
    public static ResultIdGenerator seeded(long seed) {
        Random random = new Random(seed);
        return new ResultIdGenerator() {
            @Override
            public String next() {
                long high = (random.nextLong() & ~0xF000L) | 0x4000L;
                long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
                return new UUID(high, low).toString();
            }
        };
    }
}
