package dev.riffle.sigv4.credentials;

import dev.riffle.sigv4.CredentialsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the INI-like format of the shared AWS config and credentials files, as the AWS CLI and SDKs define it.
 *
 * <p>Two kinds of trouble are told apart, as the SDKs tell them apart. A line whose structure cannot be read (a
 * property before any section, a line that is neither a section, a property, a comment nor blank, a section header
 * without its {@code ]}) is an error, reported with the file's path and the line number. A well-formed section or
 * property that the SDKs skip (a config-file section without the {@code profile} prefix, a name with characters
 * the SDKs do not allow) is skipped here too, so riffle accepts every file the SDKs accept.
 *
 * <p>Messages never quote a line: the line that failed to parse may be the one holding a secret.
 *
 * <p>The rules, line by line:
 * <ul>
 *   <li>blank lines are skipped; so are lines whose first non-blank character is {@code #} or {@code ;};</li>
 *   <li>a line starting with {@code [} is a section header; after its {@code ]} only a comment may follow;</li>
 *   <li>a line starting with a space or a tab continues the property above it: its text is appended to the value
 *       after a newline, as the SDKs do; under a property with an empty value ({@code s3 =}) such lines are
 *       sub-properties and must read {@code name = value};</li>
 *   <li>any other line is a property {@code name = value}; a {@code #} or {@code ;} preceded by white space starts
 *       a comment; name and value are trimmed; a later value replaces an earlier one.</li>
 * </ul>
 */
final class ProfileFileParser {

    /** The characters the AWS SDKs allow in profile and property names. */
    private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9_\\-/.%@]+");
    private static final String PROFILE_PREFIX = "profile";
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final Path path;
    private final ProfileFileKind kind;
    private final Map<String, Map<String, String>> profiles = new LinkedHashMap<>();
    private final List<ProfileFile.IgnoredSection> ignoredSections = new ArrayList<>();
    private int lineNumber;
    private boolean prefixedDefaultSeen;

    /** The properties of the section being read; null before the first header. Skipped sections get a spare map. */
    private Map<String, String> sectionProperties;
    /** The map holding the property being read, which indented lines continue; a spare one if it is skipped. */
    private Map<String, String> propertyHolder;
    /** The property indented lines continue; null right after a header. */
    private String propertyName;
    private boolean expectingSubProperties;

    private ProfileFileParser(Path path, ProfileFileKind kind) {
        this.path = path;
        this.kind = kind;
    }

    /**
     * The profiles of one file.
     *
     * @param path  where the lines came from, for messages
     * @throws CredentialsException naming the path and line of the first malformed line
     */
    static ProfileFile parse(Path path, ProfileFileKind kind, List<String> lines) {
        ProfileFileParser parser = new ProfileFileParser(path, kind);
        for (String line : lines) {
            parser.readLine(parser.lineNumber == 0 ? withoutByteOrderMark(line) : line);
        }
        return new ProfileFile(path, kind, parser.profiles, parser.ignoredSections);
    }

    private void readLine(String line) {
        lineNumber++;
        if (line.isBlank() || isComment(line.strip())) {
            return;
        }
        if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
            readContinuation(line.strip());
        } else if (line.charAt(0) == '[') {
            readSectionHeader(line);
        } else {
            readProperty(line);
        }
    }

    private void readSectionHeader(String line) {
        int close = line.indexOf(']');
        if (close < 0) {
            throw malformed("the section header has no closing ']'");
        }
        String after = line.substring(close + 1).strip();
        if (!after.isEmpty() && !isComment(after)) {
            throw malformed("unexpected text after the section header's ']' (only a # or ; comment may follow)");
        }
        String header = line.substring(1, close).strip();
        if (header.isEmpty()) {
            throw malformed("the section header '[]' has no name");
        }
        sectionProperties = kind == ProfileFileKind.CONFIG ? configSection(header) : credentialsSection(header);
        propertyName = null;
    }

    /** Config files: {@code [default]} or {@code [profile NAME]}, where {@code [profile default]} wins. */
    private Map<String, String> configSection(String header) {
        if (header.equals("default")) {
            return prefixedDefaultSeen
                    ? ignore("default", "[profile default] in the same file takes precedence over [default]")
                    : profile("default");
        }
        String name = withoutProfilePrefix(header);
        if (name == null) {
            return ignore(header, "in the config file a named profile's header is [profile " + header + "]");
        }
        if (name.equals("default") && !prefixedDefaultSeen) {
            prefixedDefaultSeen = true;
            profiles.remove("default"); // what an earlier [default] said no longer counts
        }
        return profile(name);
    }

    /** Credentials files: {@code [NAME]}; the SDKs skip a {@code profile} prefix here. */
    private Map<String, String> credentialsSection(String header) {
        String name = withoutProfilePrefix(header);
        if (name != null && !name.isEmpty()) {
            return ignore(name, "the credentials file does not use the 'profile' prefix: write [" + name + "]");
        }
        return profile(header);
    }

    private Map<String, String> profile(String name) {
        if (name.isEmpty()) {
            return ignore(name, "the header has no profile name after 'profile'");
        }
        if (!VALID_NAME.matcher(name).matches()) {
            return ignore(name, "a profile name may contain only letters, digits and - / . % @ _");
        }
        return profiles.computeIfAbsent(name, n -> new LinkedHashMap<>());
    }

    private Map<String, String> ignore(String intendedName, String reason) {
        ignoredSections.add(new ProfileFile.IgnoredSection(lineNumber, intendedName, reason));
        return new HashMap<>(); // still parsed, so that a malformed line is reported wherever it is
    }

    private void readProperty(String line) {
        if (sectionProperties == null) {
            throw malformed("a property before any [section] header");
        }
        String content = withoutTrailingComment(line).strip();
        int equals = content.indexOf('=');
        if (equals < 0) {
            throw malformed("expected 'name = value', a [section] header, a comment or a blank line");
        }
        String name = content.substring(0, equals).strip();
        if (name.isEmpty()) {
            throw malformed("the property has no name before '='");
        }
        String value = content.substring(equals + 1).strip();
        // The SDKs skip a property whose name has characters they do not allow; so does riffle.
        propertyHolder = VALID_NAME.matcher(name).matches() ? sectionProperties : new HashMap<>();
        propertyHolder.put(name, value);
        propertyName = name;
        expectingSubProperties = value.isEmpty();
    }

    private void readContinuation(String text) {
        if (sectionProperties == null) {
            throw malformed("an indented line before any [section] header");
        }
        if (propertyName == null) {
            throw malformed("an indented line continues no property"
                    + " (section headers and property names start at the beginning of their line)");
        }
        if (expectingSubProperties && !isSubProperty(text)) {
            throw malformed("expected an indented 'name = value' sub-property under '" + propertyName + " ='");
        }
        propertyHolder.merge(propertyName, text, (value, more) -> value + "\n" + more);
    }

    private static boolean isSubProperty(String text) {
        int equals = text.indexOf('=');
        return equals > 0 && !text.substring(0, equals).isBlank();
    }

    /** The name after a {@code profile} prefix and white space, or null if {@code header} has no such prefix. */
    private static String withoutProfilePrefix(String header) {
        if (!header.startsWith(PROFILE_PREFIX)) {
            return null;
        }
        String rest = header.substring(PROFILE_PREFIX.length());
        if (rest.isEmpty()) {
            return "";
        }
        return rest.charAt(0) == ' ' || rest.charAt(0) == '\t' ? rest.strip() : null;
    }

    /** A property's comment starts at a {@code #} or {@code ;} preceded by white space, so {@code a#b} is a value. */
    private static String withoutTrailingComment(String line) {
        for (int i = 1; i < line.length(); i++) {
            char c = line.charAt(i);
            char before = line.charAt(i - 1);
            if ((c == '#' || c == ';') && (before == ' ' || before == '\t')) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static boolean isComment(String strippedLine) {
        return strippedLine.startsWith("#") || strippedLine.startsWith(";");
    }

    /** Editors on Windows may start a UTF-8 file with a byte-order mark; it is not part of the first line. */
    private static String withoutByteOrderMark(String firstLine) {
        return !firstLine.isEmpty() && firstLine.charAt(0) == BYTE_ORDER_MARK ? firstLine.substring(1) : firstLine;
    }

    private CredentialsException malformed(String problem) {
        return new CredentialsException("Malformed AWS " + kind.displayName() + " file " + path + ", line "
                + lineNumber + ": " + problem);
    }
}
