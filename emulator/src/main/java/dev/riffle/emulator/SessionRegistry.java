package dev.riffle.emulator;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live streams of an emulator, for the account-wide rules: the concurrent-stream quota (429
 * LimitExceededException), one live stream per session id (ConflictException), and no new stream once the emulator
 * is shutting down (503). Thread-safe: streams are admitted on several event loops at once, so each rule is checked
 * and the stream registered as one step, and closing takes the list of live streams in that same order.
 */
final class SessionRegistry {

    /** Why a stream was not registered. */
    enum Refusal {
        SHUTTING_DOWN, FULL, CONFLICT
    }

    /**
     * What {@link #register} did.
     *
     * @param refusal   why the stream was refused, or null if it was registered
     * @param displaced the live stream with the same session id that the new one replaced, or null
     */
    record Registration(Refusal refusal, TranscriptionSession displaced) {
    }

    private final int quota;
    private final Map<String, TranscriptionSession> bySessionId = new ConcurrentHashMap<>();
    private boolean closed;

    SessionRegistry(int quota) {
        this.quota = quota;
    }

    /** The quota (for the service's message). */
    int quota() {
        return quota;
    }

    /**
     * Registers {@code session} under {@code sessionId} unless the emulator is closing, the quota is reached, or
     * (unless {@code replaceConflicting}) a live stream has the same session id; on success the session learns its
     * id before any close can look for it.
     */
    synchronized Registration register(String sessionId, TranscriptionSession session, boolean replaceConflicting) {
        if (closed) {
            return new Registration(Refusal.SHUTTING_DOWN, null);
        }
        if (bySessionId.size() >= quota) {
            return new Registration(Refusal.FULL, null);
        }
        TranscriptionSession displaced = bySessionId.get(sessionId);
        if (displaced != null && !replaceConflicting) {
            return new Registration(Refusal.CONFLICT, null);
        }
        bySessionId.put(sessionId, session);
        session.admittedAs(sessionId);
        return new Registration(null, displaced);
    }

    synchronized void remove(String sessionId, TranscriptionSession session) {
        bySessionId.remove(sessionId, session);
    }

    /** Refuses every later stream and returns those live now, for their goodbye. */
    synchronized List<TranscriptionSession> close() {
        closed = true;
        return List.copyOf(bySessionId.values());
    }

    int size() {
        return bySessionId.size();
    }
}
