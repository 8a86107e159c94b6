package dev.riffle.transcribe.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The enums' wire values are the model's strings, and parsing is exact and explains its failures. */
class WireEnumsTest {

    @Test
    void languageCodesAreTheNinetyNineOfTheModel() {
        assertThat(LanguageCode.values()).hasSize(99);
        assertThat(LanguageCode.wireValues()).startsWith("en-US", "en-GB", "es-US").endsWith("tr-TR", "uz-UZ")
                .contains("ckb-IQ", "kab-DZ", "en-AB", "zh-HK").doesNotHaveDuplicates();
    }

    @Test
    void everyLanguageCodeNameIsItsWireValueInUpperCase() {
        for (LanguageCode code : LanguageCode.values()) {
            assertThat(code.name()).isEqualTo(code.wireValue().toUpperCase().replace('-', '_'));
        }
    }

    @Test
    void languageIsThePartBeforeTheRegion() {
        assertThat(LanguageCode.EN_GB.language()).isEqualTo("en");
        assertThat(LanguageCode.CKB_IR.language()).isEqualTo("ckb");
    }

    @Test
    void wireValuesThatAreNotJavaNamesRoundTrip() {
        assertThat(MediaEncoding.fromWireValue("ogg-opus")).isEqualTo(MediaEncoding.OGG_OPUS);
        assertThat(MediaEncoding.OGG_OPUS.wireValue()).isEqualTo("ogg-opus");
        assertThat(LanguageCode.fromWireValue("pt-BR")).isEqualTo(LanguageCode.PT_BR);
        assertThat(ItemType.fromWireValue("punctuation")).isEqualTo(ItemType.PUNCTUATION);
        assertThat(VocabularyFilterMethod.fromWireValue("tag")).isEqualTo(VocabularyFilterMethod.TAG);
        assertThat(PartialResultsStability.fromWireValue("medium")).isEqualTo(PartialResultsStability.MEDIUM);
        assertThat(ContentIdentificationType.fromWireValue("PII")).isEqualTo(ContentIdentificationType.PII);
        assertThat(ContentRedactionType.fromWireValue("PII")).isEqualTo(ContentRedactionType.PII);
        assertThat(PiiEntityType.fromWireValue("CREDIT_DEBIT_CVV")).isEqualTo(PiiEntityType.CREDIT_DEBIT_CVV);
    }

    @Test
    void smallEnumsListTheirValuesInModelOrder() {
        assertThat(MediaEncoding.wireValues()).containsExactly("pcm", "ogg-opus", "flac");
        assertThat(VocabularyFilterMethod.wireValues()).containsExactly("remove", "mask", "tag");
        assertThat(PartialResultsStability.wireValues()).containsExactly("high", "medium", "low");
        assertThat(ItemType.wireValues()).containsExactly("pronunciation", "punctuation");
        assertThat(PiiEntityType.wireValues()).hasSize(19).startsWith("ADDRESS").endsWith("ALL");
    }

    @Test
    void unknownValueIsReportedWithTheValidOnes() {
        assertThatThrownBy(() -> MediaEncoding.fromWireValue("mp3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown media encoding 'mp3'; expected one of [pcm, ogg-opus, flac]");
    }

    @Test
    void parsingIsCaseSensitiveLikeTheService() {
        assertThat(MediaEncoding.find("PCM")).isEmpty();
        assertThat(LanguageCode.find("en-us")).isEmpty();
        assertThatThrownBy(() -> LanguageCode.fromWireValue("en-us"))
                .hasMessageStartingWith("Unknown language code 'en-us'; expected one of [en-US, en-GB,");
    }

    @Test
    void nullIsNotFoundAndFailsClearly() {
        assertThat(ItemType.find(null)).isEmpty();
        assertThatThrownBy(() -> ItemType.fromWireValue(null))
                .hasMessage("Unknown item type 'null'; expected one of [pronunciation, punctuation]");
    }
}
