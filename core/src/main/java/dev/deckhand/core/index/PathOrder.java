package dev.deckhand.core.index;

import java.util.Comparator;

/**
 * Go sorts map keys by their UTF-8 bytes, which is code point order. Java's {@code compareTo}
 * orders UTF-16 units, which puts supplementary characters (emoji) before U+E000..U+FFFF; this
 * comparator fixes that so our file is byte-identical to odo's.
 */
final class PathOrder {
  static final Comparator<String> CODE_POINT = PathOrder::compare;

  private PathOrder() {}

  static int compare(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        if (x >= 0xD800 && y >= 0xD800) {
          return fixup(x) - fixup(y);
        }
        return x - y;
      }
    }
    return a.length() - b.length();
  }

  // Moves surrogates above U+E000..U+FFFF, where their code points belong.
  private static int fixup(char c) {
    return c >= 0xE000 ? c - 0x800 : c + 0x2000;
  }
}
