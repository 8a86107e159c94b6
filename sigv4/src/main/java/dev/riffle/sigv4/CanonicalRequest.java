package dev.riffle.sigv4;

import dev.riffle.sigv4.SignableRequest.Param;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The canonical request of SigV4 and the string to sign built from it.
 *
 * <pre>
 * METHOD
 * canonical URI        the path, normalised (unless S3) and percent-encoded once with '/' kept
 * canonical query      encoded key=value pairs sorted by encoded key, then value, joined with '&amp;'
 * canonical headers    lower-case name ':' trimmed value, sorted by name, one per line, then an empty line
 * signed headers       the names, ';'-joined
 * payload hash
 * </pre>
 *
 * @param text          the canonical request
 * @param signedHeaders the {@code SignedHeaders} value
 */
record CanonicalRequest(String text, String signedHeaders) {

    /** Only the signed header names: the text holds the session token, which no message or log may show. */
    @Override
    public String toString() {
        return "CanonicalRequest[signedHeaders=" + signedHeaders + "]";
    }

    /**
     * Builds the canonical request of {@code request}, signing every header not in {@code unsigned}.
     *
     * @param query the query parameters to sign (for a presigned URL these include the X-Amz-* parameters)
     */
    static CanonicalRequest of(SignableRequest request, List<Param> query, Set<String> unsigned, String payloadHash,
                               boolean normalizePath, boolean keepQuotedWhitespace) {
        Map<String, String> headers = canonicalHeaders(request.headers(), unsigned, keepQuotedWhitespace);
        StringBuilder text = new StringBuilder(256).append(request.method()).append('\n')
                .append(canonicalUri(request.path(), normalizePath)).append('\n')
                .append(canonicalQuery(query)).append('\n');
        headers.forEach((name, value) -> text.append(name).append(':').append(value).append('\n'));
        String signedHeaders = String.join(";", headers.keySet());
        text.append('\n').append(signedHeaders).append('\n').append(payloadHash);
        return new CanonicalRequest(text.toString(), signedHeaders);
    }

    /** Like {@link #of}, but signing exactly the headers named in {@code signedHeaderNames} (for verification). */
    static CanonicalRequest ofSignedHeaders(SignableRequest request, List<Param> query, List<String> signedHeaderNames,
                                            String payloadHash, boolean normalizePath, boolean keepQuotedWhitespace) {
        Map<String, String> all = canonicalHeaders(request.headers(), Set.of(), keepQuotedWhitespace);
        List<Param> chosen = new ArrayList<>();
        for (String name : signedHeaderNames) {
            String value = all.get(name);
            chosen.add(new Param(name, value == null ? "" : value));
        }
        SignableRequest signed = new SignableRequest(request.method(), request.path(), request.query(), chosen);
        return of(signed, query, Set.of(), payloadHash, normalizePath, keepQuotedWhitespace);
    }

    /** The string to sign: algorithm, date-time, scope, hex SHA-256 of the canonical request. */
    String stringToSign(String dateTime, CredentialScope scope) {
        return SigV4.ALGORITHM + '\n' + dateTime + '\n' + scope + '\n' + SigV4.sha256Hex(text);
    }

    static String canonicalUri(String path, boolean normalize) {
        String p = path.isEmpty() ? "/" : path;
        return UriEncoding.encodePath(normalize ? UriEncoding.normalizePath(p) : p);
    }

    static String canonicalQuery(List<Param> query) {
        List<String[]> encoded = new ArrayList<>(query.size());
        for (Param p : query) {
            encoded.add(new String[] {UriEncoding.encode(p.name()), UriEncoding.encode(p.value())});
        }
        encoded.sort(Comparator.<String[], String>comparing(e -> e[0]).thenComparing(e -> e[1]));
        StringBuilder out = new StringBuilder();
        for (String[] e : encoded) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(e[0]).append('=').append(e[1]);
        }
        return out.toString();
    }

    /** Lower-case names, sorted; repeated headers joined with ',' in order; values trimmed and collapsed. */
    static Map<String, String> canonicalHeaders(List<Param> headers, Set<String> unsigned,
                                                boolean keepQuotedWhitespace) {
        Map<String, String> out = new TreeMap<>();
        for (Param header : headers) {
            String name = header.lowerName();
            if (unsigned.contains(name)) {
                continue;
            }
            String value = trimAll(header.value(), keepQuotedWhitespace);
            out.merge(name, value, (a, b) -> a + "," + b);
        }
        return out;
    }

    /**
     * Trims a value and collapses each run of whitespace (including obsolete line folding) to one space: the
     * "Trimall" of the AWS docs. With {@code keepQuoted}, runs inside double quotes are kept, as the Ruby SDK does;
     * no Transcribe header has quotes.
     */
    static String trimAll(String value, boolean keepQuoted) {
        StringBuilder out = new StringBuilder(value.length());
        boolean quoted = false;
        boolean pendingSpace = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\r' || c == '\n';
            if (space && !quoted) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            if (c == '"' && keepQuoted) {
                quoted = !quoted;
            }
            out.append(c);
        }
        return out.toString();
    }
}
