package dev.riffle.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Comparisons whose time does not depend on where two secrets differ, so that a verifier does not tell an
 * attacker how much of a forged signature was right.
 */
final class ConstantTime {

    private ConstantTime() {
    }

    /** Equality of two byte arrays in time that depends only on their lengths. */
    static boolean equals(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    /** Equality of two strings (either may be null) in time independent of their content. */
    static boolean equals(String a, String b) {
        if (a == null || b == null) {
            return a == b;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
