package dev.deckhand.core.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TarListingTest {
  private static byte[] bytes(String... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String p : parts) {
      out.writeBytes(p.getBytes(StandardCharsets.ISO_8859_1));
    }
    return out.toByteArray();
  }

  @Test
  void escapedNamesDecodeToTheirExactUtf8() {
    // What GNU tar 1.34 printed in the builder image (C locale) for these names.
    byte[] out =
        bytes(
            "caf\\303\\251.txt\n",
            "\\360\\237\\230\\200\n",
            "new\\nline\n",
            "tab\\there\n",
            "back\\\\slash\n",
            "q'uo\"te\n",
            "-dash\n",
            "sp ace\n",
            "dir/\n");

    TarListing l = TarListing.parse(out);

    assertThat(l.names())
        .containsExactly(
            "café.txt",
            "😀",
            "new\nline",
            "tab\there",
            "back\\slash",
            "q'uo\"te",
            "-dash",
            "sp ace",
            "dir");
    assertThat(l.markers()).isEmpty();
    assertThat(l.undecodable()).isEmpty();
  }

  @Test
  void rawUtf8FromAUtf8LocaleDecodesTheSame() {
    byte[] out = "café/naïve.txt\n".getBytes(StandardCharsets.UTF_8);

    assertThat(TarListing.parse(out).names()).containsExactly("café/naïve.txt");
  }

  @Test
  void onlyTheScriptsOwnLinesAreMarkers() {
    // A file named like the marker is listed by tar as a plain line; only \001 starts a marker.
    byte[] out =
        bytes("\u0001DECKHAND-SYNC-OK\n".replace("\u0001", "x"), "\u0001DECKHAND-SYNC-OK\n");
    TarListing l = TarListing.parse(bytes("DECKHAND-SYNC-OK\n"));

    assertThat(l.has("DECKHAND-SYNC-OK")).isFalse();
    assertThat(l.names()).containsExactly("DECKHAND-SYNC-OK");
    assertThat(TarListing.parse(out).has("DECKHAND-SYNC-OK")).isTrue();
    assertThat(TarListing.parse(bytes("\\001DECKHAND-SYNC-OK\n")).names())
        .containsExactly("\u0001DECKHAND-SYNC-OK");
  }

  @Test
  void bytesThatAreNotUtf8AreReportedNotGuessed() {
    TarListing l = TarListing.parse(bytes("bad\\377name\n", "good\n"));

    assertThat(l.names()).containsExactly("good");
    assertThat(l.undecodable()).hasSize(1);
  }

  @Test
  void shortOctalEscapesAndATrailingBackslashAreKept() {
    assertThat(TarListing.parse(bytes("a\\0b\n")).names()).containsExactly("a\u0000b");
    assertThat(TarListing.parse(bytes("a\\1234\n")).names()).containsExactly("aS4");
    assertThat(TarListing.parse(bytes("end\\\n")).names()).containsExactly("end\\");
  }
}
