package dev.riffle.sigv4;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the raw HTTP/1.1 requests of the SigV4 test suite ({@code request.txt}): request line, headers with
 * obsolete line folding (a line starting with whitespace continues the previous value), empty line, body. The
 * path is raw (it may hold spaces and UTF-8); the query is split off at the first {@code ?} and decoded.
 */
record RawHttpRequest(SignableRequest request, String body) {

    static RawHttpRequest parse(String raw) {
        int bodyStart = raw.indexOf("\n\n");
        String head = bodyStart < 0 ? raw : raw.substring(0, bodyStart);
        String body = bodyStart < 0 ? "" : raw.substring(bodyStart + 2);
        String[] lines = head.split("\n");
        String requestLine = lines[0];
        String method = requestLine.substring(0, requestLine.indexOf(' '));
        String target = requestLine.substring(method.length() + 1, requestLine.lastIndexOf(" HTTP/"));
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? "" : target.substring(q + 1);

        List<SignableRequest.Param> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            if (Character.isWhitespace(line.charAt(0)) && !headers.isEmpty()) {
                SignableRequest.Param last = headers.remove(headers.size() - 1);
                headers.add(new SignableRequest.Param(last.name(), last.value() + "\n" + line));
                continue;
            }
            int colon = line.indexOf(':');
            headers.add(new SignableRequest.Param(line.substring(0, colon), line.substring(colon + 1)));
        }
        return new RawHttpRequest(new SignableRequest(method, path, UriEncoding.parseQuery(query), headers), body);
    }
}
