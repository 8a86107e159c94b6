package dev.riffle.sigv4;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * RFC 3986 percent-encoding as SigV4 uses it: {@code A-Z a-z 0-9 - _ . ~} stay literal, every other byte of the
 * UTF-8 form becomes {@code %XX} with upper-case hex. A space is {@code %20}, never {@code +}; {@code =} is
 * encoded once ({@code %3D}), not twice as the developer guide once said.
 */
public final class UriEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UriEncoding() {
    }

    /** Encodes a query key or value, or a path segment. */
    public static String encode(String s) {
        return encode(s, false);
    }

    /** Encodes a path, keeping {@code /} literal (SigV4 for services other than S3 encodes the path once). */
    public static String encodePath(String path) {
        return encode(path, true);
    }

    private static String encode(String s, boolean keepSlash) {
        StringBuilder out = null;
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < utf8.length; i++) {
            int b = utf8[i] & 0xFF;
            boolean literal = isUnreserved(b) || (keepSlash && b == '/');
            if (literal && out == null) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(utf8.length + 16).append(s, 0, i); // the prefix so far was ASCII
            }
            if (literal) {
                out.append((char) b);
            } else {
                out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
            }
        }
        return out == null ? s : out.toString();
    }

    private static boolean isUnreserved(int b) {
        return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')
                || b == '-' || b == '_' || b == '.' || b == '~';
    }

    /**
     * Decodes {@code %XX} escapes (UTF-8). {@code +} is left as it is: in SigV4 it is a literal plus.
     *
     * @throws IllegalArgumentException on a truncated or non-hex escape; the message gives the escape's byte offset
     *                                  but never quotes {@code s}, which may be (or, in a mangled query, run into)
     *                                  a session token
     */
    public static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < utf8.length; i++) {
            if (utf8[i] != '%') {
                out.write(utf8[i]);
                continue;
            }
            if (i + 2 >= utf8.length) {
                throw new IllegalArgumentException("truncated percent-escape at byte " + i
                        + ": '%' must be followed by two hex digits");
            }
            int hi = Character.digit(utf8[i + 1], 16);
            int lo = Character.digit(utf8[i + 2], 16);
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("invalid percent-escape at byte " + i
                        + ": '%' must be followed by two hex digits");
            }
            out.write(hi << 4 | lo);
            i += 2;
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * Splits a raw query string ({@code a=1&b=&c}) into decoded parameters, in order. A key without {@code =}
     * has the empty value.
     *
     * @throws IllegalArgumentException on a truncated or non-hex escape, as {@link #decode} does
     */
    public static List<SignableRequest.Param> parseQuery(String rawQuery) {
        List<SignableRequest.Param> params = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.add(new SignableRequest.Param(decode(key), decode(value)));
        }
        return params;
    }

    /** Encodes parameters as a query string, in the given order. */
    public static String formatQuery(List<SignableRequest.Param> params) {
        StringBuilder out = new StringBuilder();
        for (SignableRequest.Param p : params) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(encode(p.name())).append('=').append(encode(p.value()));
        }
        return out.toString();
    }

    /**
     * Removes dot segments and empty segments (RFC 3986 §5.2.4, plus the duplicate-slash rule of the SigV4 test
     * suite), keeping a trailing slash: {@code //example//} becomes {@code /example/}, {@code /a/b/../..} becomes
     * {@code /}.
     */
    public static String normalizePath(String path) {
        Deque<String> segments = new ArrayDeque<>();
        String[] raw = path.split("/", -1);
        for (String segment : raw) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                segments.pollLast();
            } else {
                segments.addLast(segment);
            }
        }
        String last = raw[raw.length - 1];
        boolean trailingSlash = last.isEmpty() || last.equals(".") || last.equals("..");
        String joined = "/" + String.join("/", segments);
        return trailingSlash && !segments.isEmpty() ? joined + "/" : joined;
    }
}
