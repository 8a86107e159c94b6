/**
 * Where riffle finds AWS credentials and the AWS region, following the AWS CLI and SDKs so that a machine set up
 * for them works unchanged, and implementing only what riffle needs, with the JDK alone.
 *
 * <ul>
 *   <li>{@link dev.riffle.sigv4.credentials.DefaultCredentialsProvider}: system properties, then environment
 *       variables, then the selected profile; the usual choice.</li>
 *   <li>{@link dev.riffle.sigv4.credentials.SystemPropertyCredentialsProvider},
 *       {@link dev.riffle.sigv4.credentials.EnvironmentCredentialsProvider},
 *       {@link dev.riffle.sigv4.credentials.ProfileCredentialsProvider},
 *       {@link dev.riffle.sigv4.credentials.ProcessCredentialsProvider} and
 *       {@link dev.riffle.sigv4.credentials.StaticCredentialsProvider}: one source each.</li>
 *   <li>{@link dev.riffle.sigv4.credentials.DefaultRegionProvider}: {@code aws.region}, {@code AWS_REGION},
 *       {@code AWS_DEFAULT_REGION}, then the profile's {@code region}.</li>
 *   <li>{@link dev.riffle.sigv4.credentials.Environment}: the variables, system properties and home directory they
 *       all read, replaceable for tests and for hosts with their own configuration.</li>
 * </ul>
 *
 * <p>No secret reaches an exception message or a {@code toString()}: messages name settings, files, line numbers
 * and profiles, never values.
 */
package dev.riffle.sigv4.credentials;
