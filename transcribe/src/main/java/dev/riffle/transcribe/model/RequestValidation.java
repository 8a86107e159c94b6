package dev.riffle.transcribe.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a request the way the service does, in three phases, and stops at the first phase that fails:
 *
 * <ol>
 *   <li>reading: integers and booleans must parse. [inferred] A server fails here before it validates anything,
 *       and the service's wording is not known;</li>
 *   <li>model constraints, all parameters at once, in the model's order: required, enum, range, length, pattern.
 *       AWS request validation reports all of them in one message and never gets to the service's own checks;</li>
 *   <li>combinations of parameters ({@link CombinationRules}), which assume every value is well-formed.</li>
 * </ol>
 *
 * Stopping at a failing phase is what the service does, and it also keeps the later checks simple: a combination
 * rule never has to wonder whether a language code is real.
 */
final class RequestValidation {

    private RequestValidation() {
    }

    /** Why the service would refuse {@code request}, if it would. */
    static Optional<InvalidRequestException> check(StartStreamTranscriptionRequest request) {
        List<String> malformed = malformedValues(request.values());
        if (!malformed.isEmpty()) {
            return Optional.of(InvalidRequestException.malformed(malformed));
        }
        List<String> constraints = constraintViolations(request.values());
        if (!constraints.isEmpty()) {
            return Optional.of(InvalidRequestException.modelConstraints(constraints));
        }
        List<String> combinations = CombinationRules.violations(request);
        if (!combinations.isEmpty()) {
            return Optional.of(InvalidRequestException.combinations(combinations));
        }
        return Optional.empty();
    }

    private static List<String> malformedValues(Map<RequestParameter, String> values) {
        List<String> malformed = new ArrayList<>();
        values.forEach((parameter, value) ->
                parameter.constraint().malformed(parameter.memberName(), value).ifPresent(malformed::add));
        return malformed;
    }

    private static List<String> constraintViolations(Map<RequestParameter, String> values) {
        List<String> violations = new ArrayList<>();
        for (RequestParameter parameter : RequestParameter.values()) {
            violations.addAll(parameter.constraint().violations(parameter.memberName(), values.get(parameter)));
        }
        return violations;
    }
}
