package dev.riffle.transcribe;

import java.net.URI;
import java.util.regex.Pattern;

/** Where Transcribe Streaming lives in each region (the endpoint prefix is {@code transcribestreaming}). */
public final class Endpoints {

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");

    private Endpoints() {
    }

    /**
     * {@code https://transcribestreaming.REGION.amazonaws.com}, or {@code .amazonaws.com.cn} in China.
     *
     * @throws IllegalArgumentException if {@code region} does not look like a region name
     */
    public static URI forRegion(String region) {
        if (region == null || !REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("'" + region + "' is not an AWS region name such as us-west-2");
        }
        String domain = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
        return URI.create("https://transcribestreaming." + region + "." + domain);
    }
}
