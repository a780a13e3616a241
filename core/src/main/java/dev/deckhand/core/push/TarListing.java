package dev.deckhand.core.push;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What the container's sync printed on stdout: GNU tar's verbose listing with {@code
 * --quoting-style=escape} (one name per line; newline, backslash and, in a C locale, every
 * non-ASCII byte escaped) and the script's own marker lines. A marker starts with a control byte
 * tar always escapes, so no file name can pass for one.
 */
record TarListing(List<String> names, List<String> markers, List<String> undecodable) {
  /** Starts every marker line the sync script prints; tar prints it as {@code \001}. */
  static final char MARK = '\u0001';

  static TarListing parse(byte[] stdout) {
    List<String> names = new ArrayList<>();
    List<String> markers = new ArrayList<>();
    List<String> undecodable = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= stdout.length; i++) {
      if (i == stdout.length || stdout[i] == '\n') {
        if (i > start) {
          if (stdout[start] == MARK) {
            markers.add(new String(stdout, start + 1, i - start - 1, StandardCharsets.UTF_8));
          } else {
            byte[] raw = unescape(stdout, start, i);
            String name = decode(raw);
            if (name == null) {
              undecodable.add(new String(raw, StandardCharsets.UTF_8));
            } else {
              names.add(stripSlash(name));
            }
          }
        }
        start = i + 1;
      }
    }
    return new TarListing(names, markers, undecodable);
  }

  boolean has(String marker) {
    return markers.contains(marker);
  }

  /** C-style escapes back to the bytes of the name: {@code \ooo}, {@code \n} and friends. */
  static byte[] unescape(byte[] b, int from, int to) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
    for (int i = from; i < to; i++) {
      byte c = b[i];
      if (c != '\\' || i + 1 == to) {
        out.write(c);
        continue;
      }
      byte e = b[++i];
      if (e >= '0' && e <= '7') {
        int v = 0;
        int digits = 0;
        while (digits < 3 && i < to && b[i] >= '0' && b[i] <= '7') {
          v = v * 8 + (b[i++] - '0');
          digits++;
        }
        i--;
        out.write(v);
        continue;
      }
      out.write(
          switch (e) {
            case 'a' -> 7;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'v' -> 11;
            default -> e; // \\, \", \', \?, and an escaped space
          });
    }
    return out.toByteArray();
  }

  private static String decode(byte[] raw) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(raw))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
