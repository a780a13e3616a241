package dev.deckhand.core.config;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The text of a YAML file, or why it is not text: YAML is UTF-8, and a file that is binary or saved
 * in another encoding is named with the line and column of the first byte that cannot be read.
 */
public final class YamlText {
  private YamlText() {}

  public static String decode(Path file, byte[] bytes) throws ConfigException {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw notText(
            file, bytes, i, "contains binary data (a NUL byte in column %d); it must be YAML text");
      }
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int at = in.position();
      throw notText(
          file,
          bytes,
          at,
          String.format("is not UTF-8 text (byte 0x%02X", bytes[at] & 0xff)
              + " in column %d): binary, or saved in another encoding; save it as UTF-8");
    }
    decoder.flush(out);
    out.flip();
    String text = out.toString();
    // A byte-order mark is legal UTF-8 but not part of the YAML.
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** {@code problem} has a {@code %d} for the column. */
  private static ConfigException notText(Path file, byte[] bytes, int at, String problem) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < at; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new ConfigException(file, line, null, String.format(problem, at - lineStart + 1));
  }
}
