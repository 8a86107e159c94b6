package dev.riffle.sigv4.credentials;

import dev.riffle.sigv4.Credentials;
import dev.riffle.sigv4.CredentialsException;
import dev.riffle.sigv4.CredentialsProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * Sources of credentials tried in order until one answers. The source that answered first is remembered and asked
 * directly from then on, as the AWS SDK for Java v2 does by default: a process keeps one identity, and sources that
 * failed once are not retried on every stream.
 *
 * <p>When every source fails, the exception lists each one with the reason it gave; those reasons already name the
 * source and never contain a secret. When the remembered source fails later (say, its {@code credential_process}
 * exits non-zero on a refresh), its own exception is thrown and the earlier sources are not tried again.
 */
final class CredentialsProviderChain implements CredentialsProvider {

    /**
     * One source.
     *
     * @param name     what the source is, for {@link #toString()}
     * @param provider the source
     */
    record Link(String name, CredentialsProvider provider) {
    }

    private final List<Link> links;
    private final String adviceWhenAllFail;
    private volatile Link answered;

    /**
     * @param links             the sources, first tried first
     * @param adviceWhenAllFail a sentence appended to the message when no source answers
     */
    CredentialsProviderChain(List<Link> links, String adviceWhenAllFail) {
        this.links = List.copyOf(links);
        this.adviceWhenAllFail = adviceWhenAllFail;
    }

    /**
     * The credentials of the remembered source, or of the first source that answers.
     *
     * @throws CredentialsException listing every source and why it failed
     */
    @Override
    public Credentials resolveCredentials() {
        Link remembered = answered;
        if (remembered != null) {
            return remembered.provider().resolveCredentials();
        }
        List<CredentialsException> failures = new ArrayList<>();
        for (Link link : links) {
            try {
                Credentials credentials = link.provider().resolveCredentials();
                answered = link;
                return credentials;
            } catch (CredentialsException e) {
                failures.add(e);
            }
        }
        throw allFailed(failures);
    }

    private CredentialsException allFailed(List<CredentialsException> failures) {
        StringBuilder message = new StringBuilder("No AWS credentials found. riffle tried, in order:");
        for (int i = 0; i < failures.size(); i++) {
            message.append("\n  ").append(i + 1).append(". ").append(failures.get(i).getMessage());
        }
        message.append('\n').append(adviceWhenAllFail);
        CredentialsException exception = new CredentialsException(message.toString());
        failures.forEach(exception::addSuppressed);
        return exception;
    }

    /** The sources by name, and which one answered if any did. */
    @Override
    public String toString() {
        Link remembered = answered;
        return links.stream().map(Link::name).toList()
                + (remembered == null ? "" : ", answered by " + remembered.name());
    }
}
