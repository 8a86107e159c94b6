package dev.riffle.sigv4.credentials;

/**
 * The two shared files the AWS CLI and SDKs read, with where each lives by default and the settings that move it.
 *
 * <p>The AWS SDK for Java v2 reads the system property before the environment variable for each setting, and so
 * does riffle: a JVM flag is the more specific choice.
 */
enum ProfileFileKind {

    /** {@code ~/.aws/config}: sections {@code [default]} and {@code [profile NAME]}. */
    CONFIG("config", ".aws/config", "AWS_CONFIG_FILE", "aws.configFile"),

    /** {@code ~/.aws/credentials}: sections {@code [NAME]}, without the {@code profile} prefix. */
    CREDENTIALS("credentials", ".aws/credentials", "AWS_SHARED_CREDENTIALS_FILE", "aws.sharedCredentialsFile");

    private final String displayName;
    private final String pathUnderHome;
    private final String variable;
    private final String property;

    ProfileFileKind(String displayName, String pathUnderHome, String variable, String property) {
        this.displayName = displayName;
        this.pathUnderHome = pathUnderHome;
        this.variable = variable;
        this.property = property;
    }

    /** "config" or "credentials", for messages. */
    String displayName() {
        return displayName;
    }

    /** Where the file is when no setting moves it, relative to the home directory. */
    String pathUnderHome() {
        return pathUnderHome;
    }

    /** The environment variable that moves the file. */
    String variable() {
        return variable;
    }

    /** The system property that moves the file; it wins over {@link #variable()}. */
    String property() {
        return property;
    }
}
