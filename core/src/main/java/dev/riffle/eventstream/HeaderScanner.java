package dev.riffle.eventstream;

import static dev.riffle.eventstream.EventStreamConstants.MAX_HEADER_VALUE_LENGTH;
import static dev.riffle.eventstream.EventStreamConstants.VALUE_LENGTH_PREFIX;

import dev.riffle.eventstream.EventStreamException.Reason;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Validates the structure of one headers block and records where each header starts, so that
 * {@link MessageView} can read any header in O(1) later without parsing again.
 *
 * <p>Rules, per header, in wire order: the name is 1..255 bytes and ends inside the block; the name is UTF-8; the
 * type byte is inside the block and is one of 0..9; a length prefix and the value end inside the block; a string
 * or byte-array value is at most 32,767 bytes (spec grammar); a string is UTF-8; the name has not appeared before
 * (spec: "a header name MUST appear only once"); there are at most {@code maxHeaderCount} headers.
 *
 * <p>Duplicate detection compares names pairwise for the first few headers, which is all real messages have,
 * and switches to a reusable hash table above that, so a block of a thousand tiny headers costs linear time.
 */
final class HeaderScanner {

    private static final int PAIRWISE_LIMIT = 16;

    private final int maxHeaderCount;
    /** Open-addressing table of header index + 1 (0 = empty), used only above {@link #PAIRWISE_LIMIT}. */
    private int[] table = new int[0];

    HeaderScanner(int maxHeaderCount) {
        this.maxHeaderCount = maxHeaderCount;
    }

    /**
     * Scans {@code b[from, to)} into {@code view}.
     *
     * @param streamBase stream offset of absolute index 0 of {@code b}, for error offsets
     */
    void scan(ByteBuffer b, int from, int to, MessageView view, long streamBase) {
        // One pass over the block: if no byte has its high bit set, every name and string in it is ASCII and so
        // valid UTF-8, and the per-field checks can be skipped. Transcribe's headers are all like that.
        boolean ascii = Utf8.isAscii(b, from, to);
        int p = from;
        while (p < to) {
            int index = view.headerCount();
            if (index == maxHeaderCount) {
                throw EventStreamException.of(Reason.LIMIT_EXCEEDED, streamBase + p,
                        "more than " + maxHeaderCount + " headers in one message");
            }
            int nameLength = b.get(p) & 0xFF;
            int nameEnd = p + 1 + nameLength;
            if (nameLength == 0) {
                throw EventStreamException.of(Reason.HEADER_NAME_LENGTH, streamBase + p, "header name is empty");
            }
            if (nameEnd > to) {
                throw EventStreamException.of(Reason.HEADER_NAME_LENGTH, streamBase + p,
                        "header name of " + nameLength + " bytes runs past the headers block");
            }
            if (!ascii) {
                checkUtf8(b, p + 1, nameEnd, streamBase, "header name");
            }
            p = scanValue(b, nameEnd, to, streamBase, ascii);
            view.addHeader(nameEnd - nameLength - 1);
            checkUnique(b, view, index, streamBase);
        }
    }

    /** Checks the type byte and value at {@code typeIndex}; returns the index just past the value. */
    private static int scanValue(ByteBuffer b, int typeIndex, int to, long streamBase, boolean ascii) {
        if (typeIndex >= to) {
            throw EventStreamException.of(Reason.VALUE_OVERRUNS_BLOCK, streamBase + typeIndex,
                    "headers block ends before the type byte");
        }
        int wire = b.get(typeIndex) & 0xFF;
        HeaderType type = HeaderType.fromWireId(wire);
        if (type == null) {
            throw EventStreamException.of(Reason.UNKNOWN_HEADER_TYPE, streamBase + typeIndex,
                    "header type " + wire + " is not one of 0..9");
        }
        int v = typeIndex + 1;
        if (!type.isVariableLength()) {
            int end = v + type.fixedValueLength();
            if (end > to) {
                throw EventStreamException.of(Reason.VALUE_OVERRUNS_BLOCK, streamBase + v,
                        type + " value of " + type.fixedValueLength() + " bytes runs past the headers block");
            }
            return end;
        }
        if (v + VALUE_LENGTH_PREFIX > to) {
            throw EventStreamException.of(Reason.VALUE_OVERRUNS_BLOCK, streamBase + v,
                    type + " length prefix runs past the headers block");
        }
        int length = Bytes.getUnsignedShort(b, v);
        if (length > MAX_HEADER_VALUE_LENGTH) {
            throw EventStreamException.of(Reason.LIMIT_EXCEEDED, streamBase + v,
                    type + " value of " + length + " bytes exceeds " + MAX_HEADER_VALUE_LENGTH);
        }
        int end = v + VALUE_LENGTH_PREFIX + length;
        if (end > to) {
            throw EventStreamException.of(Reason.VALUE_OVERRUNS_BLOCK, streamBase + v,
                    type + " value of " + length + " bytes runs past the headers block");
        }
        if (type == HeaderType.STRING && !ascii) {
            checkUtf8(b, v + VALUE_LENGTH_PREFIX, end, streamBase, "string value");
        }
        return end;
    }

    private static void checkUtf8(ByteBuffer b, int from, int to, long streamBase, String what) {
        int bad = Utf8.firstInvalid(b, from, to);
        if (bad >= 0) {
            throw EventStreamException.of(Reason.INVALID_UTF8, streamBase + bad, what + " is not valid UTF-8");
        }
    }

    private void checkUnique(ByteBuffer b, MessageView view, int index, long streamBase) {
        int duplicateOf = index < PAIRWISE_LIMIT ? findPairwise(b, view, index) : findHashed(b, view, index);
        if (duplicateOf >= 0) {
            int p = view.headerPosition(index);
            throw EventStreamException.of(Reason.DUPLICATE_HEADER, streamBase + p,
                    "header '" + printable(view.headerName(index)) + "' appears again (first as header " + duplicateOf
                            + ")");
        }
    }

    /**
     * {@code name} with each control character written as a backslash, {@code u} and four hex digits: the name is
     * the peer's, and an error message ends up on a terminal or in a log, where an escape sequence would act rather
     * than show.
     */
    static String printable(String name) {
        StringBuilder out = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean control = Character.isISOControl(c);
            if (control && out == null) {
                out = new StringBuilder(name.length() + 16).append(name, 0, i);
            }
            if (out != null) {
                if (control) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? name : out.toString();
    }

    private static int findPairwise(ByteBuffer b, MessageView view, int index) {
        int p = view.headerPosition(index);
        for (int j = 0; j < index; j++) {
            if (sameName(b, view.headerPosition(j), p)) {
                return j;
            }
        }
        return -1;
    }

    private int findHashed(ByteBuffer b, MessageView view, int index) {
        if (index == PAIRWISE_LIMIT) {
            int size = Integer.highestOneBit(Math.max(64, maxHeaderCount * 2 - 1)) << 1;
            if (table.length != size) {
                table = new int[size];
            } else {
                Arrays.fill(table, 0);
            }
            for (int j = 0; j < PAIRWISE_LIMIT; j++) {
                insert(b, view, j); // the first 16 were checked pairwise, so no duplicates among them
            }
        }
        return insert(b, view, index);
    }

    /** Inserts header {@code index}; returns the index of an earlier header with the same name, or -1. */
    private int insert(ByteBuffer b, MessageView view, int index) {
        int p = view.headerPosition(index);
        int mask = table.length - 1;
        int slot = nameHash(b, p) & mask;
        while (table[slot] != 0) {
            int other = table[slot] - 1;
            if (sameName(b, view.headerPosition(other), p)) {
                return other;
            }
            slot = (slot + 1) & mask;
        }
        table[slot] = index + 1;
        return -1;
    }

    private static int nameHash(ByteBuffer b, int p) {
        int length = b.get(p) & 0xFF;
        int h = length;
        for (int i = p + 1, end = p + 1 + length; i < end; i++) {
            h = 31 * h + b.get(i);
        }
        return h ^ (h >>> 16);
    }

    /** Whether the names at {@code p} and {@code q} (length byte, then bytes) are equal; eight bytes per step. */
    private static boolean sameName(ByteBuffer b, int p, int q) {
        int length = b.get(p) & 0xFF;
        if (length != (b.get(q) & 0xFF)) {
            return false;
        }
        int i = 1;
        for (; i + Long.BYTES <= length + 1; i += Long.BYTES) {
            if (b.getLong(p + i) != b.getLong(q + i)) {
                return false;
            }
        }
        for (; i <= length; i++) {
            if (b.get(p + i) != b.get(q + i)) {
                return false;
            }
        }
        return true;
    }
}
