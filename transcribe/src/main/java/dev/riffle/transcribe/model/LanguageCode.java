package dev.riffle.transcribe.model;

import java.util.List;
import java.util.Optional;

/**
 * The languages of standard streaming transcription ({@code x-amzn-transcribe-language-code},
 * {@code preferred-language}, and the codes inside {@code language-options}).
 *
 * <p>The list and its order are those of the service model shipped in the AWS SDK for Java v2 2.41.30 (99 codes).
 * Not every feature supports every language (language identification, custom language models, PII); the service
 * decides that, and this enum does not try to. Each constant is its code in upper case with {@code _} for
 * {@code -}: {@link #EN_US} is {@code en-US}.
 */
public enum LanguageCode implements WireEnum {
    EN_US("en-US"),
    EN_GB("en-GB"),
    ES_US("es-US"),
    FR_CA("fr-CA"),
    FR_FR("fr-FR"),
    EN_AU("en-AU"),
    IT_IT("it-IT"),
    DE_DE("de-DE"),
    PT_BR("pt-BR"),
    JA_JP("ja-JP"),
    KO_KR("ko-KR"),
    ZH_CN("zh-CN"),
    TH_TH("th-TH"),
    ES_ES("es-ES"),
    AR_SA("ar-SA"),
    PT_PT("pt-PT"),
    CA_ES("ca-ES"),
    AR_AE("ar-AE"),
    HI_IN("hi-IN"),
    ZH_HK("zh-HK"),
    NL_NL("nl-NL"),
    NO_NO("no-NO"),
    SV_SE("sv-SE"),
    PL_PL("pl-PL"),
    FI_FI("fi-FI"),
    ZH_TW("zh-TW"),
    EN_IN("en-IN"),
    EN_IE("en-IE"),
    EN_NZ("en-NZ"),
    EN_AB("en-AB"),
    EN_ZA("en-ZA"),
    EN_WL("en-WL"),
    DE_CH("de-CH"),
    AF_ZA("af-ZA"),
    EU_ES("eu-ES"),
    HR_HR("hr-HR"),
    CS_CZ("cs-CZ"),
    DA_DK("da-DK"),
    FA_IR("fa-IR"),
    GL_ES("gl-ES"),
    EL_GR("el-GR"),
    HE_IL("he-IL"),
    ID_ID("id-ID"),
    LV_LV("lv-LV"),
    MS_MY("ms-MY"),
    RO_RO("ro-RO"),
    RU_RU("ru-RU"),
    SR_RS("sr-RS"),
    SK_SK("sk-SK"),
    SO_SO("so-SO"),
    TL_PH("tl-PH"),
    UK_UA("uk-UA"),
    VI_VN("vi-VN"),
    ZU_ZA("zu-ZA"),
    AM_ET("am-ET"),
    BE_BY("be-BY"),
    BG_BG("bg-BG"),
    BN_IN("bn-IN"),
    BS_BA("bs-BA"),
    CKB_IQ("ckb-IQ"),
    CKB_IR("ckb-IR"),
    CY_WL("cy-WL"),
    ES_MX("es-MX"),
    ET_ET("et-ET"),
    FA_AF("fa-AF"),
    GU_IN("gu-IN"),
    HT_HT("ht-HT"),
    HU_HU("hu-HU"),
    HY_AM("hy-AM"),
    IS_IS("is-IS"),
    JV_ID("jv-ID"),
    KA_GE("ka-GE"),
    KAB_DZ("kab-DZ"),
    KK_KZ("kk-KZ"),
    KM_KH("km-KH"),
    KN_IN("kn-IN"),
    LG_IN("lg-IN"),
    LT_LT("lt-LT"),
    MK_MK("mk-MK"),
    ML_IN("ml-IN"),
    MR_IN("mr-IN"),
    MY_MM("my-MM"),
    NE_NP("ne-NP"),
    OR_IN("or-IN"),
    PA_IN("pa-IN"),
    PS_AF("ps-AF"),
    SI_LK("si-LK"),
    SL_SI("sl-SI"),
    SQ_AL("sq-AL"),
    SU_ID("su-ID"),
    SW_BI("sw-BI"),
    SW_KE("sw-KE"),
    SW_RW("sw-RW"),
    SW_TZ("sw-TZ"),
    SW_UG("sw-UG"),
    TA_IN("ta-IN"),
    TE_IN("te-IN"),
    TR_TR("tr-TR"),
    UZ_UZ("uz-UZ");

    private static final WireLookup<LanguageCode> LOOKUP = new WireLookup<>(LanguageCode.class, "language code");

    private final String wireValue;

    LanguageCode(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The code as sent on the wire, for example {@code en-US}. */
    @Override
    public String wireValue() {
        return wireValue;
    }

    /**
     * The language part of the code, before the region: {@code en} for {@code en-US}, {@code ckb} for
     * {@code ckb-IQ}.
     */
    public String language() {
        return languageOf(wireValue);
    }

    /** The code for {@code wireValue}; an unknown or mis-cased value fails with the list of valid codes. */
    public static LanguageCode fromWireValue(String wireValue) {
        return LOOKUP.parse(wireValue);
    }

    /** The code for {@code wireValue}, or empty if the model does not list it. */
    public static Optional<LanguageCode> find(String wireValue) {
        return LOOKUP.find(wireValue);
    }

    /** Every code, in the model's order. */
    public static List<String> wireValues() {
        return LOOKUP.wireValues();
    }

    /** The language part of any code-shaped string: what comes before the first {@code -}. */
    static String languageOf(String code) {
        int dash = code.indexOf('-');
        return dash < 0 ? code : code.substring(0, dash);
    }
}
