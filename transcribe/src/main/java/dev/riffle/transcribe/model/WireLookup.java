package dev.riffle.transcribe.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the constant of a {@link WireEnum} by its wire value. Matching is exact, case included, because the
 * service's enum check is: {@code PCM} is not {@code pcm}.
 */
final class WireLookup<E extends Enum<E> & WireEnum> {

    private final String what;
    private final Map<String, E> byWireValue = new LinkedHashMap<>();

    /** {@code what} names the enum in error messages, for example "media encoding". */
    WireLookup(Class<E> type, String what) {
        this.what = what;
        for (E constant : type.getEnumConstants()) {
            byWireValue.put(constant.wireValue(), constant);
        }
    }

    /** The constant whose wire value is {@code wireValue}, if there is one. */
    Optional<E> find(String wireValue) {
        return Optional.ofNullable(wireValue == null ? null : byWireValue.get(wireValue));
    }

    /** The constant whose wire value is {@code wireValue}; fails with a message that lists the valid values. */
    E parse(String wireValue) {
        return find(wireValue).orElseThrow(() -> new IllegalArgumentException(
                "Unknown " + what + " '" + wireValue + "'; expected one of " + wireValues()));
    }

    /** Every wire value in the model's order. */
    List<String> wireValues() {
        return List.copyOf(byWireValue.keySet());
    }
}
