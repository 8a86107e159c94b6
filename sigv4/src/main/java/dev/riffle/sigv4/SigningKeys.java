package dev.riffle.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Derives SigV4 signing keys and caches them.
 *
 * <pre>
 * kDate    = HMAC-SHA256("AWS4" + secret, date)
 * kRegion  = HMAC-SHA256(kDate, region)
 * kService = HMAC-SHA256(kRegion, service)
 * kSigning = HMAC-SHA256(kService, "aws4_request")
 * </pre>
 *
 * A key depends only on (secret, UTC date, region, service), so it is cached on all four and re-derived when an
 * event's date differs (the fix of aws-sdk-java-v2 PR #1717: a key from the request's day must not sign events
 * after midnight). The cache is bounded; keys are held in memory only and never printed.
 */
public final class SigningKeys {

    private static final int MAX_CACHED = 512;
    private static final Map<CacheKey, byte[]> CACHE = new ConcurrentHashMap<>();

    private SigningKeys() {
    }

    /**
     * The signing key for {@code scope}, from the cache when possible. The array is the cached one, shared by every
     * signer in the JVM, so this stays inside the package: callers here only hand it to {@link #newHmac}, and one
     * that wrote to it would corrupt every later signature. {@link #derive} gives outside callers their own copy.
     */
    static byte[] signingKey(String secretAccessKey, CredentialScope scope) {
        CacheKey key = new CacheKey(secretAccessKey, scope);
        byte[] cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        byte[] derived = derive(secretAccessKey, scope);
        if (CACHE.size() >= MAX_CACHED) {
            CACHE.clear(); // crude but bounded: keys are cheap to derive again
        }
        CACHE.put(key, derived);
        return derived;
    }

    /** Derives the key for {@code scope} without the cache. */
    public static byte[] derive(String secretAccessKey, CredentialScope scope) {
        byte[] k = hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), scope.date());
        k = hmac(k, scope.region());
        k = hmac(k, scope.service());
        return hmac(k, SigV4.SCOPE_TERMINATOR);
    }

    /** HMAC-SHA256 of the UTF-8 bytes of {@code data} under {@code key}. */
    static byte[] hmac(byte[] key, String data) {
        Mac mac = newHmac(key);
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    /** A new HmacSHA256 initialised with {@code key}. */
    static Mac newHmac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java platform has HmacSHA256", e);
        }
    }

    /** The secret is part of the key but is never printed: records would, so toString is overridden. */
    private record CacheKey(String secret, CredentialScope scope) {
        @Override
        public String toString() {
            return "CacheKey[" + scope + "]";
        }
    }
}
