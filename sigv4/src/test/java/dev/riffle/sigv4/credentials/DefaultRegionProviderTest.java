package dev.riffle.sigv4.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.riffle.sigv4.CredentialsException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class DefaultRegionProviderTest extends WithHomeDirectory {

    private DefaultRegionProvider provider() {
        return DefaultRegionProvider.create(environment.build());
    }

    @Test
    void theSystemPropertyComesFirst() throws IOException {
        environment.property("aws.region", "from-property").variable("AWS_REGION", "from-region")
                .variable("AWS_DEFAULT_REGION", "from-default-region");
        aws.config("[default]\nregion = from-profile\n");

        assertThat(provider().region()).contains("from-property");
    }

    @Test
    void awsRegionComesBeforeAwsDefaultRegion() {
        environment.variable("AWS_REGION", "from-region").variable("AWS_DEFAULT_REGION", "from-default-region");

        assertThat(provider().region()).contains("from-region");
    }

    @Test
    void awsDefaultRegionComesBeforeTheProfile() throws IOException {
        environment.variable("AWS_DEFAULT_REGION", "from-default-region");
        aws.config("[default]\nregion = from-profile\n");

        assertThat(provider().region()).contains("from-default-region");
    }

    @Test
    void theSelectedProfileComesLast() throws IOException {
        aws.config("[default]\nregion = eu-west-1\n[profile dev]\nregion = ap-southeast-2\n");
        environment.variable("AWS_PROFILE", "dev");

        assertThat(provider().resolveRegion()).isEqualTo("ap-southeast-2");
        assertThat(DefaultRegionProvider.create(environment.build(), "default").resolveRegion())
                .isEqualTo("eu-west-1");
    }

    @Test
    void theCredentialsFileWinsForTheSameProfileAsInTheSdk() throws IOException {
        aws.config("[default]\nregion = from-config\n");
        aws.credentials("[default]\nregion = from-credentials\n");

        assertThat(provider().region()).contains("from-credentials");
    }

    @Test
    void noRegionAnywhereIsEmpty() {
        assertThat(provider().region()).isEmpty();
    }

    @Test
    void resolveRegionListsWhatWasChecked() throws IOException {
        aws.config("[default]\noutput = json\n");

        assertThatThrownBy(() -> provider().resolveRegion()).isInstanceOf(CredentialsException.class)
                .hasMessage("No AWS region found. riffle checked, in order: the system property aws.region is not"
                        + " set; AWS_REGION is not set; AWS_DEFAULT_REGION is not set; profile 'default' (in "
                        + aws.configPath() + ") sets no region. Set AWS_REGION or add 'region = ...' to the"
                        + " profile.");
    }

    @Test
    void resolveRegionNamesAMissingProfile() {
        environment.variable("AWS_PROFILE", "dev");

        assertThatThrownBy(() -> provider().resolveRegion()).hasMessageContaining("no profile 'dev' in config file "
                + aws.configPath() + " (not found)");
    }

    @Test
    void aMalformedConfigFileIsAnErrorNotAnEmptyAnswer() throws IOException {
        aws.config("[default\nregion = eu-west-1\n");

        assertThatThrownBy(() -> provider().region()).isInstanceOf(CredentialsException.class)
                .hasMessageContaining(aws.configPath() + ", line 1: the section header has no closing ']'");
    }

    @Test
    void theFilesAreNotReadWhenAVariableAnswers() throws IOException {
        aws.config("[default\n");
        environment.variable("AWS_REGION", "us-east-1");

        assertThat(provider().region()).contains("us-east-1");
    }
}
