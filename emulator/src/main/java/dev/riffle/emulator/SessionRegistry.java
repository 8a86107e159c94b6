package dev.riffle.emulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live streams of an emulator, for the two account-wide rules: the concurrent-stream quota (429
 * LimitExceededException) and one live stream per session id (ConflictException). Thread-safe.
 */
final class SessionRegistry {

    private final int quota;
    private final Map<String, TranscriptionSession> bySessionId = new ConcurrentHashMap<>();

    SessionRegistry(int quota) {
        this.quota = quota;
    }

    /** The quota (for the service's message). */
    int quota() {
        return quota;
    }

    /** Whether a new stream would exceed the quota. */
    boolean full() {
        return bySessionId.size() >= quota;
    }

    /** The live stream with {@code sessionId}, or null. */
    TranscriptionSession live(String sessionId) {
        return bySessionId.get(sessionId);
    }

    void add(String sessionId, TranscriptionSession session) {
        bySessionId.put(sessionId, session);
    }

    void remove(String sessionId, TranscriptionSession session) {
        bySessionId.remove(sessionId, session);
    }

    /** Every live stream, for shutdown. */
    Iterable<TranscriptionSession> all() {
        return bySessionId.values();
    }

    int size() {
        return bySessionId.size();
    }
}
