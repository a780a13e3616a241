package dev.deckhand.core.index;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes {@code .odo/odo-file-index.json} exactly as odo 1.x's Go {@code encoding/json}
 * does, so either tool can pick up the other's index without a full re-push.
 */
public final class FileIndexCodec {
  // 100k one-off path keys would flood Jackson's symbol table and the JVM's intern pool.
  private static final JsonFactory JSON =
      JsonFactory.builder()
          .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
          .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
          .build();
  private static final byte[] HEAD =
      "{\"kind\":\"FileIndex\",\"apiVersion\":\"v1\",\"Files\":{".getBytes(StandardCharsets.UTF_8);
  private static final byte[] SIZE = "\":{\"Size\":".getBytes(StandardCharsets.UTF_8);
  private static final byte[] MODIFIED =
      ",\"LastModifiedDate\":\"".getBytes(StandardCharsets.UTF_8);
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  // What Go's decoder leaves in a field it never saw.
  private static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

  private final ZoneId zone;

  /** Uses the local zone, as odo's {@code time.Time} values carry {@code time.Local}. */
  public FileIndexCodec() {
    this(ZoneId.systemDefault());
  }

  public FileIndexCodec(ZoneId zone) {
    this.zone = zone;
  }

  public byte[] encode(FileIndex index) {
    ZoneRules rules = zone.getRules();
    Bytes out = new Bytes(64 + index.size() * 96);
    out.write(HEAD);
    StringBuilder time = new StringBuilder(40);
    for (int i = 0; i < index.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write('"');
      writeEscaped(out, index.pathAt(i));
      out.write(SIZE);
      IndexEntry e = index.entryAt(i);
      out.writeAscii(Long.toString(e.size()));
      out.write(MODIFIED);
      time.setLength(0);
      GoTimeFormat.appendTo(time, e.modified(), rules);
      out.writeAscii(time);
      out.write('"');
      out.write('}');
    }
    out.write('}');
    out.write('}');
    return out.toArray();
  }

  // Go's encodeState.string with escapeHTML=true, which is what json.Marshal uses.
  private static void writeEscaped(Bytes out, String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&') {
          out.write(c);
        } else if (c == '"' || c == '\\') {
          out.write('\\');
          out.write(c);
        } else if (c == '\n') {
          out.write('\\');
          out.write('n');
        } else if (c == '\r') {
          out.write('\\');
          out.write('r');
        } else if (c == '\t') {
          out.write('\\');
          out.write('t');
        } else {
          unicodeEscape(out, c);
        }
      } else if (c == '\u2028' || c == '\u2029') {
        unicodeEscape(out, c);
      } else if (c < 0x800) {
        out.write(0xC0 | (c >> 6));
        out.write(0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c)
          && i + 1 < n
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        out.write(0xF0 | (cp >> 18));
        out.write(0x80 | ((cp >> 12) & 0x3F));
        out.write(0x80 | ((cp >> 6) & 0x3F));
        out.write(0x80 | (cp & 0x3F));
      } else if (Character.isSurrogate(c)) {
        // Go replaces invalid UTF-8 with U+FFFD; a lone surrogate is our equivalent.
        unicodeEscape(out, '\ufffd');
      } else {
        out.write(0xE0 | (c >> 12));
        out.write(0x80 | ((c >> 6) & 0x3F));
        out.write(0x80 | (c & 0x3F));
      }
    }
  }

  private static void unicodeEscape(Bytes out, char c) {
    out.write('\\');
    out.write('u');
    out.write(HEX[(c >> 12) & 0xF]);
    out.write(HEX[(c >> 8) & 0xF]);
    out.write(HEX[(c >> 4) & 0xF]);
    out.write(HEX[c & 0xF]);
  }

  /** An index as read, with the header fields a reader may want to question. */
  public record Decoded(FileIndex index, String kind, String apiVersion) {}

  /**
   * Accepts everything Go's decoder would accept from odo: case-insensitive field names, unknown
   * fields, {@code \}-separated keys of an index written on Windows (see {@link #writtenOnWindows})
   * and any RFC 3339 offset.
   */
  public FileIndex decode(byte[] json) throws CorruptIndexException {
    return read(json).index();
  }

  /** Like {@link #decode}, with {@code kind} and {@code apiVersion} (null when absent). */
  public Decoded read(byte[] json) throws CorruptIndexException {
    if (isBlank(json)) {
      throw new CorruptIndexException("the file is empty", null);
    }
    try (JsonParser p = JSON.createParser(json)) {
      RawEntries raw = new RawEntries(Math.max(16, json.length / 80));
      String kind = null;
      String apiVersion = null;
      expect(p.nextToken(), JsonToken.START_OBJECT, p);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (field.equalsIgnoreCase("Files") && value == JsonToken.START_OBJECT) {
          readFiles(p, raw);
        } else if (field.equalsIgnoreCase("Files") && value != JsonToken.VALUE_NULL) {
          throw corrupt("\"Files\" is " + describe(value) + ", not a map of paths", p);
        } else if (field.equalsIgnoreCase("kind") && value == JsonToken.VALUE_STRING) {
          kind = p.getText();
        } else if (field.equalsIgnoreCase("apiVersion") && value == JsonToken.VALUE_STRING) {
          apiVersion = p.getText();
        } else {
          p.skipChildren();
        }
      }
      expect(p.currentToken(), JsonToken.END_OBJECT, p);
      if (p.nextToken() != null) {
        throw new CorruptIndexException("more data follows the index", null);
      }
      return new Decoded(raw.build(), kind, apiVersion);
    } catch (CorruptIndexException e) {
      throw e;
    } catch (JsonEOFException e) {
      throw new CorruptIndexException("it ends early" + where(e.getLocation()), e);
    } catch (StreamReadException e) {
      throw new CorruptIndexException("not valid JSON" + where(e.getLocation()), e);
    } catch (IOException e) {
      throw new CorruptIndexException("not valid JSON", e);
    }
  }

  private static void readFiles(JsonParser p, RawEntries raw) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonToken t = p.nextToken();
      if (t == JsonToken.VALUE_NULL) {
        // Go decodes null into a zero FileData.
        raw.add(key, new IndexEntry(0, GO_ZERO_TIME));
        continue;
      }
      expect(t, JsonToken.START_OBJECT, p);
      long size = 0;
      Instant modified = GO_ZERO_TIME;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken v = p.nextToken();
        if (field.equalsIgnoreCase("Size")) {
          if (v != JsonToken.VALUE_NUMBER_INT) {
            throw corrupt(
                "the Size of \"" + shorten(key) + "\" is " + describe(v) + ", not a whole number",
                p);
          }
          size = p.getLongValue();
        } else if (field.equalsIgnoreCase("LastModifiedDate")) {
          if (v != JsonToken.VALUE_STRING) {
            throw corrupt(
                "the LastModifiedDate of \""
                    + shorten(key)
                    + "\" is "
                    + describe(v)
                    + ", not a time",
                p);
          }
          try {
            modified = GoTimeFormat.parse(p.getText());
          } catch (DateTimeException e) {
            throw corrupt(
                "the LastModifiedDate of \""
                    + shorten(key)
                    + "\" is \""
                    + shorten(p.getText())
                    + "\", not a time",
                p);
          }
        } else {
          p.skipChildren();
        }
      }
      raw.add(key, new IndexEntry(size, modified));
    }
  }

  private static boolean isBlank(byte[] json) {
    for (byte b : json) {
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  /** Keys as written; whether {@code \\} separates them is known only once all are read. */
  private static final class RawEntries {
    private final List<String> keys;
    private final List<IndexEntry> entries;
    private boolean anySlash;
    private boolean anyBackslash;

    RawEntries(int expected) {
      keys = new ArrayList<>(expected);
      entries = new ArrayList<>(expected);
    }

    void add(String key, IndexEntry entry) {
      anySlash |= key.indexOf('/') >= 0;
      anyBackslash |= key.indexOf('\\') >= 0;
      keys.add(key);
      entries.add(entry);
    }

    FileIndex build() {
      boolean windows = !anySlash && anyBackslash && writtenOnWindows(keys);
      FileIndex.Builder builder = FileIndex.builder(keys.size());
      for (int i = 0; i < keys.size(); i++) {
        String key = windows ? keys.get(i).replace('\\', '/') : keys.get(i);
        if (isSafeRelativePath(key, windows)) {
          builder.put(key, entries.get(i));
        }
      }
      return builder.build();
    }
  }

  /**
   * Whether {@code \\} is the separator in keys that have no {@code /}. odo 1.0.0 and 1.2.6 on
   * Windows wrote paths with the OS separator, and odo lists every directory it walks, so there the
   * text before a key's last {@code \\} is always a key too. On Linux {@code \\} is an ordinary
   * character of a name: an index with any subdirectory has {@code /} keys, and in a flat one the
   * text before a name's {@code \\} is not also an entry (unless a file or empty directory of
   * exactly that name sits beside it, the one case this reads wrongly).
   */
  static boolean writtenOnWindows(List<String> keys) {
    Set<String> all = new HashSet<>(keys);
    for (String key : keys) {
      int sep = key.lastIndexOf('\\');
      if (sep >= 0 && !all.contains(key.substring(0, sep))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Keys come from a file anyone could have edited, and deleted keys become {@code rm -rf}
   * arguments in the container: a key that is absolute or climbs out with {@code ..} is dropped,
   * and so is a drive-letter path in an index written on Windows.
   */
  static boolean isSafeRelativePath(String key, boolean windows) {
    if (key.isEmpty() || key.startsWith("/") || key.endsWith("/") || key.indexOf('\0') >= 0) {
      return false;
    }
    if (windows && key.length() > 1 && key.charAt(1) == ':') {
      return false; // C:/… from a Windows index
    }
    for (String segment : key.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    return true;
  }

  private static void expect(JsonToken actual, JsonToken expected, JsonParser p)
      throws CorruptIndexException {
    if (actual != expected) {
      throw corrupt(
          actual == null
              ? "it ends early"
              : "expected " + describe(expected) + ", found " + describe(actual),
          p);
    }
  }

  private static CorruptIndexException corrupt(String problem, JsonParser p) {
    return new CorruptIndexException(problem + where(p.currentTokenLocation()), null);
  }

  private static String where(JsonLocation at) {
    return at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
  }

  private static String shorten(String text) {
    String one = text.replaceAll("\\p{Cntrl}", "?");
    return one.length() <= 60 ? one : one.substring(0, 60) + "…";
  }

  /** A JSON token as a person reading the file would name it. */
  private static String describe(JsonToken token) {
    if (token == null) {
      return "the end of the file";
    }
    return switch (token) {
      case START_OBJECT -> "an object {…}";
      case END_OBJECT -> "the end of an object";
      case START_ARRAY -> "a list […]";
      case END_ARRAY -> "the end of a list";
      case FIELD_NAME -> "a name";
      case VALUE_STRING -> "text";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "true/false";
      case VALUE_NULL -> "null";
      default -> "something else";
    };
  }

  /** A byte buffer without ByteArrayOutputStream's synchronisation. */
  private static final class Bytes {
    private byte[] buf;
    private int len;

    Bytes(int capacity) {
      buf = new byte[capacity];
    }

    void write(int b) {
      if (len == buf.length) {
        buf = Arrays.copyOf(buf, buf.length * 2);
      }
      buf[len++] = (byte) b;
    }

    void write(byte[] bytes) {
      ensure(bytes.length);
      System.arraycopy(bytes, 0, buf, len, bytes.length);
      len += bytes.length;
    }

    void writeAscii(CharSequence s) {
      int n = s.length();
      ensure(n);
      for (int i = 0; i < n; i++) {
        buf[len++] = (byte) s.charAt(i);
      }
    }

    private void ensure(int extra) {
      if (len + extra > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
      }
    }

    byte[] toArray() {
      return Arrays.copyOf(buf, len);
    }
  }
}
