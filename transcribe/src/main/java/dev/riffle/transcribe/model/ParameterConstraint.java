package dev.riffle.transcribe.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the service model says one request parameter may hold: its type, whether it is required, and the
 * {@code enum}, {@code range}, {@code length} and {@code pattern} traits of its shape.
 *
 * <p>It checks a parameter's wire string in two steps, as a server does: first whether the string can be read as
 * the type at all ({@link #malformed}), then the model constraints ({@link #violations}), each phrased exactly as
 * AWS's request validation phrases it ("Member must have value less than or equal to 48000").
 */
final class ParameterConstraint {

    /** How the wire string is read. */
    enum Type { STRING, INTEGER, BOOLEAN }

    private final Type type;
    private final boolean required;
    private final List<String> enumValues;
    private final Long min;
    private final Long max;
    private final String patternSource;
    private final Pattern pattern;

    private ParameterConstraint(Type type, boolean required, List<String> enumValues, Long min, Long max,
                                String patternSource) {
        this.type = type;
        this.required = required;
        this.enumValues = enumValues;
        this.min = min;
        this.max = max;
        this.patternSource = patternSource;
        this.pattern = patternSource == null ? null : Pattern.compile(patternSource);
    }

    /** A string restricted to {@code values} (a model enum). */
    static ParameterConstraint oneOf(List<String> values) {
        return new ParameterConstraint(Type.STRING, false, List.copyOf(values), null, null, null);
    }

    /** An integer in {@code [min, max]}; a null bound is open. */
    static ParameterConstraint integer(Integer min, Integer max) {
        return new ParameterConstraint(Type.INTEGER, false, null, toLong(min), toLong(max), null);
    }

    /** A boolean (no constraints beyond being one). */
    static ParameterConstraint bool() {
        return new ParameterConstraint(Type.BOOLEAN, false, null, null, null, null);
    }

    /** A string of {@code minLength..maxLength} code points matching {@code pattern} (as the model writes it). */
    static ParameterConstraint string(int minLength, int maxLength, String pattern) {
        return new ParameterConstraint(Type.STRING, false, null, (long) minLength, (long) maxLength, pattern);
    }

    /** The same constraint, with the model's {@code required} trait. */
    ParameterConstraint required() {
        return new ParameterConstraint(type, true, enumValues, min, max, patternSource);
    }

    Type type() {
        return type;
    }

    /**
     * Why {@code value} cannot be read as this parameter's type, if it cannot: an integer that is not one, or a
     * boolean other than {@code true}/{@code false} in any letter case. [inferred] The service's own wording for
     * this is not known; it fails before model validation, so it is reported on its own.
     */
    Optional<String> malformed(String member, String value) {
        if (type == Type.INTEGER && parseInt(value).isEmpty()) {
            return Optional.of("Value '" + value + "' at '" + member + "' is not a valid integer.");
        }
        if (type == Type.BOOLEAN && parseBoolean(value).isEmpty()) {
            return Optional.of("Value '" + value + "' at '" + member + "' is not a valid boolean (true or false).");
        }
        return Optional.empty();
    }

    /**
     * The model constraints that {@code value} (null: absent) breaks, each as AWS words it:
     * {@code Value '96000' at 'mediaSampleRateHertz' failed to satisfy constraint: Member must ...}. The value must
     * not be {@link #malformed}.
     */
    List<String> violations(String member, String value) {
        List<String> broken = new ArrayList<>(2);
        if (value == null) {
            if (required) {
                broken.add("Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
            }
            return broken;
        }
        String prefix = "Value '" + value + "' at '" + member + "' failed to satisfy constraint: Member must ";
        memberMust(value).forEach(rule -> broken.add(prefix + rule));
        return broken;
    }

    private List<String> memberMust(String value) {
        List<String> rules = new ArrayList<>(2);
        if (enumValues != null && !enumValues.contains(value)) {
            rules.add("satisfy enum value set: " + enumValues);
        }
        if (type == Type.INTEGER) {
            boundRule(parseInt(value).orElseThrow(), "have value").ifPresent(rules::add);
        }
        if (type == Type.STRING) {
            boundRule(value.codePointCount(0, value.length()), "have length").ifPresent(rules::add);
        }
        if (pattern != null && !pattern.matcher(value).matches()) {
            rules.add("satisfy regular expression pattern: " + patternSource);
        }
        return rules;
    }

    private Optional<String> boundRule(long actual, String what) {
        if (min != null && actual < min) {
            return Optional.of(what + " greater than or equal to " + min);
        }
        if (max != null && actual > max) {
            return Optional.of(what + " less than or equal to " + max);
        }
        return Optional.empty();
    }

    /**
     * The integer in {@code value}, if it is one that fits in an int: an optional sign and ASCII digits only.
     * {@link Integer#parseInt} alone would also read the digits of other scripts ("١٦٠٠٠"), which no wire format
     * calls an integer.
     */
    static Optional<Integer> parseInt(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > '9' || c < '0' && !(i == 0 && (c == '-' || c == '+'))) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(Integer.parseInt(value));
        } catch (NumberFormatException notAnInt) {
            return Optional.empty();
        }
    }

    /**
     * {@code true}/{@code false} in any letter case: SDKs send {@code true}, the legacy Python SDK sends Python's
     * {@code True}, and the developer guide shows {@code TRUE} (spec section 2.3).
     */
    static Optional<Boolean> parseBoolean(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.equals("true")) {
            return Optional.of(Boolean.TRUE);
        }
        return lower.equals("false") ? Optional.of(Boolean.FALSE) : Optional.empty();
    }

    private static Long toLong(Integer bound) {
        return bound == null ? null : bound.longValue();
    }
}
