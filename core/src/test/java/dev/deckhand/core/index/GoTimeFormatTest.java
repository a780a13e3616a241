package dev.deckhand.core.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class GoTimeFormatTest {
  private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

  @Test
  void formatsLikeGoRfc3339NanoTrimmingTrailingZeros() {
    Instant t = Instant.parse("2020-01-22T06:22:18.123456789Z");
    assertThat(GoTimeFormat.format(t, KOLKATA)).isEqualTo("2020-01-22T11:52:18.123456789+05:30");
    assertThat(GoTimeFormat.format(Instant.parse("2020-01-22T06:20:02.500Z"), KOLKATA))
        .isEqualTo("2020-01-22T11:50:02.5+05:30");
    assertThat(GoTimeFormat.format(Instant.parse("2020-01-22T06:20:02.512340Z"), KOLKATA))
        .isEqualTo("2020-01-22T11:50:02.51234+05:30");
    assertThat(GoTimeFormat.format(Instant.parse("2020-01-22T06:20:02.000000001Z"), KOLKATA))
        .isEqualTo("2020-01-22T11:50:02.000000001+05:30");
  }

  @Test
  void omitsTheFractionWhenNanosAreZeroAndWritesZForUtc() {
    assertThat(GoTimeFormat.format(Instant.parse("2020-01-22T06:20:02Z"), ZoneOffset.UTC))
        .isEqualTo("2020-01-22T06:20:02Z");
  }

  @Test
  void writesNegativeOffsetsAndCrossesTheDateLine() {
    Instant t = Instant.parse("2020-01-01T07:59:59.1Z");
    assertThat(GoTimeFormat.format(t, ZoneId.of("America/Los_Angeles")))
        .isEqualTo("2019-12-31T23:59:59.1-08:00");
  }

  @Test
  void parsesEveryRfc3339VariantGoAccepts() {
    Instant t = Instant.parse("2020-01-22T06:22:18.123456789Z");
    assertThat(GoTimeFormat.parse("2020-01-22T11:52:18.123456789+05:30")).isEqualTo(t);
    assertThat(GoTimeFormat.parse("2020-01-22T06:22:18.123456789Z")).isEqualTo(t);
    assertThat(GoTimeFormat.parse("2020-01-22t06:22:18.123456789z")).isEqualTo(t);
    assertThat(GoTimeFormat.parse("2020-01-21T22:22:18.123456789-08:00")).isEqualTo(t);
    assertThat(GoTimeFormat.parse("2020-01-22T06:22:18Z"))
        .isEqualTo(Instant.parse("2020-01-22T06:22:18Z"));
    assertThat(GoTimeFormat.parse("2020-01-22T06:22:18.5Z"))
        .isEqualTo(Instant.parse("2020-01-22T06:22:18.5Z"));
  }

  @Test
  void roundTripsThroughFormat() {
    Instant t = Instant.ofEpochSecond(1_579_674_138L, 120_000_000);
    assertThat(GoTimeFormat.parse(GoTimeFormat.format(t, KOLKATA))).isEqualTo(t);
  }

  @Test
  void rejectsWhatIsNotRfc3339() {
    for (String bad :
        new String[] {
          "",
          "2020-01-22",
          "2020-01-22 06:22:18Z",
          "2020-01-22T06:22:18",
          "2020-01-22T06:22:18.Z",
          "2020-13-22T06:22:18Z",
          "2020-01-22T06:22:18+0530",
          "2020-01-22T06:22:18Zjunk"
        }) {
      assertThatThrownBy(() -> GoTimeFormat.parse(bad))
          .as(bad)
          .isInstanceOf(DateTimeException.class);
    }
  }
}
