package dev.deckhand.core.index;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

/**
 * Go's {@code time.RFC3339Nano}, by hand: it runs once per index entry, and {@code
 * DateTimeFormatter} is several times slower and cannot trim trailing fraction zeros the way Go
 * does.
 */
public final class GoTimeFormat {
  private static final int SECONDS_PER_DAY = 86_400;

  private GoTimeFormat() {}

  public static String format(Instant instant, ZoneId zone) {
    StringBuilder sb = new StringBuilder(35);
    appendTo(sb, instant, zone.getRules());
    return sb.toString();
  }

  static void appendTo(StringBuilder sb, Instant instant, ZoneRules rules) {
    ZoneOffset offset = rules.getOffset(instant);
    long local = instant.getEpochSecond() + offset.getTotalSeconds();
    long days = Math.floorDiv(local, SECONDS_PER_DAY);
    int secOfDay = (int) Math.floorMod(local, SECONDS_PER_DAY);
    LocalDate date = LocalDate.ofEpochDay(days);
    pad(sb, date.getYear(), 4);
    sb.append('-');
    pad(sb, date.getMonthValue(), 2);
    sb.append('-');
    pad(sb, date.getDayOfMonth(), 2);
    sb.append('T');
    pad(sb, secOfDay / 3600, 2);
    sb.append(':');
    pad(sb, secOfDay / 60 % 60, 2);
    sb.append(':');
    pad(sb, secOfDay % 60, 2);
    int nanos = instant.getNano();
    if (nanos != 0) {
      int digits = 9;
      while (nanos % 10 == 0) {
        nanos /= 10;
        digits--;
      }
      sb.append('.');
      pad(sb, nanos, digits);
    }
    int total = offset.getTotalSeconds();
    if (total == 0) {
      sb.append('Z');
    } else {
      sb.append(total < 0 ? '-' : '+');
      int abs = Math.abs(total) / 60;
      pad(sb, abs / 60, 2);
      sb.append(':');
      pad(sb, abs % 60, 2);
    }
  }

  private static void pad(StringBuilder sb, int value, int width) {
    String s = Integer.toString(value);
    for (int i = s.length(); i < width; i++) {
      sb.append('0');
    }
    sb.append(s);
  }

  /**
   * Parses what Go's {@code time.Parse(time.RFC3339Nano, …)} accepts: any fraction length (or
   * none), {@code Z}/{@code z} or a numeric offset.
   */
  public static Instant parse(CharSequence s) {
    try {
      return parseStrict(s);
    } catch (RuntimeException e) {
      throw new DateTimeException("not an RFC 3339 time: \"" + s + "\"", e);
    }
  }

  private static Instant parseStrict(CharSequence s) {
    int year = digits(s, 0, 4);
    expect(s, 4, '-');
    int month = digits(s, 5, 2);
    expect(s, 7, '-');
    int day = digits(s, 8, 2);
    char t = s.charAt(10);
    if (t != 'T' && t != 't') {
      throw new DateTimeException("missing T");
    }
    int hour = digits(s, 11, 2);
    expect(s, 13, ':');
    int minute = digits(s, 14, 2);
    expect(s, 16, ':');
    int second = digits(s, 17, 2);
    int i = 19;
    int nanos = 0;
    if (i < s.length() && s.charAt(i) == '.') {
      i++;
      int start = i;
      while (i < s.length() && Character.isDigit(s.charAt(i))) {
        if (i - start < 9) {
          nanos = nanos * 10 + (s.charAt(i) - '0');
        }
        i++;
      }
      int n = i - start;
      if (n == 0) {
        throw new DateTimeException("empty fraction");
      }
      for (int k = n; k < 9; k++) {
        nanos *= 10;
      }
    }
    int offsetSeconds;
    char z = s.charAt(i);
    if (z == 'Z' || z == 'z') {
      offsetSeconds = 0;
      i++;
    } else if (z == '+' || z == '-') {
      int oh = digits(s, i + 1, 2);
      expect(s, i + 3, ':');
      int om = digits(s, i + 4, 2);
      if (oh > 23 || om > 59) {
        throw new DateTimeException("bad offset");
      }
      offsetSeconds = (oh * 3600 + om * 60) * (z == '-' ? -1 : 1);
      i += 6;
    } else {
      throw new DateTimeException("missing offset");
    }
    if (i != s.length()) {
      throw new DateTimeException("trailing characters");
    }
    if (hour > 23 || minute > 59 || second > 59) {
      throw new DateTimeException("bad time of day");
    }
    long epochDay = LocalDate.of(year, month, day).toEpochDay();
    long epochSecond =
        epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second - offsetSeconds;
    return Instant.ofEpochSecond(epochSecond, nanos);
  }

  private static int digits(CharSequence s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw new DateTimeException("digit expected at " + i);
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static void expect(CharSequence s, int at, char c) {
    if (s.charAt(at) != c) {
      throw new DateTimeException("'" + c + "' expected at " + at);
    }
  }
}
