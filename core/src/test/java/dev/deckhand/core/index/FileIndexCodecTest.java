package dev.deckhand.core.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileIndexCodecTest {
  private static final Instant T = Instant.parse("2020-01-22T06:22:18.123456789Z");

  private static String encode(FileIndex index, ZoneId zone) {
    return new String(new FileIndexCodec(zone).encode(index), StandardCharsets.UTF_8);
  }

  @Test
  void writesCompactJsonWithGoFieldNames() {
    FileIndex index =
        FileIndex.builder()
            .put(
                "views/index.html",
                new IndexEntry(2310, Instant.parse("2020-01-22T06:20:02.51234Z")))
            .put("package.json", new IndexEntry(1191, T))
            .put("views", new IndexEntry(4096, Instant.parse("2020-01-22T06:20:02.5Z")))
            .build();
    assertThat(encode(index, ZoneId.of("Asia/Kolkata")))
        .isEqualTo(
            "{\"kind\":\"FileIndex\",\"apiVersion\":\"v1\",\"Files\":{"
                + "\"package.json\":{\"Size\":1191,\"LastModifiedDate\":\"2020-01-22T11:52:18.123456789+05:30\"},"
                + "\"views\":{\"Size\":4096,\"LastModifiedDate\":\"2020-01-22T11:50:02.5+05:30\"},"
                + "\"views/index.html\":{\"Size\":2310,\"LastModifiedDate\":\"2020-01-22T11:50:02.51234+05:30\"}}}");
  }

  @Test
  void emptyIndexIsAnEmptyFilesObject() {
    assertThat(encode(FileIndex.empty(), ZoneOffset.UTC))
        .isEqualTo("{\"kind\":\"FileIndex\",\"apiVersion\":\"v1\",\"Files\":{}}");
  }

  @Test
  void escapesStringsLikeGoEncodingJson() {
    String name = "a<b>&\"q\"\\\n\r\t\u0001\u001f\u2028\u2029é中😀\u007f";
    FileIndex index = FileIndex.builder().put(name, new IndexEntry(1, T)).build();
    assertThat(encode(index, ZoneOffset.UTC))
        .contains(
            "\"a\\u003cb\\u003e\\u0026\\\"q\\\"\\\\\\n\\r\\t\\u0001\\u001f\\u2028\\u2029é中😀\u007f\":");
  }

  @Test
  void replacesLoneSurrogatesWithReplacementCharacterAsGoDoesInvalidUtf8() {
    FileIndex index = FileIndex.builder().put("x\ud800y", new IndexEntry(1, T)).build();
    assertThat(encode(index, ZoneOffset.UTC)).contains("\"x\\ufffdy\"");
  }

  @Test
  void sortsKeysByCodePointLikeGoNotByUtf16() {
    // U+FF21 sorts before U+1F600 in UTF-8, after it in UTF-16; '.' sorts before '/'.
    FileIndex index =
        FileIndex.builder()
            .put("😀", new IndexEntry(1, T))
            .put("\uFF21", new IndexEntry(1, T))
            .put("a/b", new IndexEntry(1, T))
            .put("a.txt", new IndexEntry(1, T))
            .put("a", new IndexEntry(1, T))
            .put("B", new IndexEntry(1, T))
            .build();
    assertThat(index.entries().keySet()).containsExactly("B", "a", "a.txt", "a/b", "\uFF21", "😀");
    String json = encode(index, ZoneOffset.UTC);
    assertThat(json.indexOf("\uFF21")).isLessThan(json.indexOf("😀"));
  }

  @Test
  void laterDuplicateKeyWinsAsInAGoMap() {
    FileIndex index =
        FileIndex.builder().put("a", new IndexEntry(1, T)).put("a", new IndexEntry(2, T)).build();
    assertThat(index.size()).isEqualTo(1);
    assertThat(index.get("a").size()).isEqualTo(2);
  }

  @Test
  void readsOdoV11Fixture() throws IOException {
    FileIndex index = new FileIndexCodec().decode(resource("odo-v1.1-index.json"));
    assertThat(index.entries().keySet())
        .containsExactly("README.md", "src", "src/Main.java", "src/util", "src/util/Strings.java");
    assertThat(index.get("README.md")).isEqualTo(new IndexEntry(6, T));
    assertThat(index.get("src/util/Strings.java").modified())
        .isEqualTo(Instant.parse("2020-01-01T07:59:59.000000001Z"));
    assertThat(index.isDirectory("src/util")).isTrue();
    assertThat(index.isDirectory("src/Main.java")).isFalse();
  }

  @Test
  void readsWindowsKeysAndCaseInsensitiveFieldsToTheSameIndex() throws IOException {
    FileIndexCodec codec = new FileIndexCodec();
    assertThat(codec.decode(resource("odo-windows-lowercase-index.json")))
        .isEqualTo(codec.decode(resource("odo-v1.1-index.json")));
  }

  @Test
  void reEncodingAnOdoFileInItsZoneGivesTheSameBytes() throws IOException {
    // The fixture mixes zones; a single-zone file must round-trip byte for byte.
    byte[] odo =
        ("{\"kind\":\"FileIndex\",\"apiVersion\":\"v1\",\"Files\":{"
                + "\"a\":{\"Size\":4096,\"LastModifiedDate\":\"2020-01-22T11:50:02+05:30\"},"
                + "\"a/x\\u0026y\":{\"Size\":7,\"LastModifiedDate\":\"2020-01-22T11:52:18.1234+05:30\"}}}")
            .getBytes(StandardCharsets.UTF_8);
    FileIndexCodec codec = new FileIndexCodec(ZoneId.of("Asia/Kolkata"));
    assertThat(codec.encode(codec.decode(odo))).isEqualTo(odo);
  }

  @Test
  void rejectsCorruptFilesWithCorruptIndexException() {
    FileIndexCodec codec = new FileIndexCodec();
    for (String bad :
        new String[] {
          "",
          "{",
          "[]",
          "{\"Files\":{\"a\":{\"Size\":\"x\"}}}",
          "{\"Files\":{\"a\":{\"LastModifiedDate\":\"yesterday\"}}}",
          "{\"Files\":[]}",
          "{\"Files\":{}} {}",
          "\u0000\u0001garbage"
        }) {
      assertThatThrownBy(() -> codec.decode(bad.getBytes(StandardCharsets.UTF_8)))
          .as(bad)
          .isInstanceOf(CorruptIndexException.class);
    }
  }

  @Test
  void dropsKeysThatCouldEscapeTheComponentDirectory() throws IOException {
    String json =
        "{\"Files\":{"
            + "\"../../etc/passwd\":{\"Size\":1,\"LastModifiedDate\":\"2020-01-22T06:22:18Z\"},"
            + "\"/etc/hosts\":{\"Size\":1,\"LastModifiedDate\":\"2020-01-22T06:22:18Z\"},"
            + "\"C:\\\\x\":{\"Size\":1,\"LastModifiedDate\":\"2020-01-22T06:22:18Z\"},"
            + "\"a/./b\":{\"Size\":1,\"LastModifiedDate\":\"2020-01-22T06:22:18Z\"},"
            + "\"a//b\":{\"Size\":1,\"LastModifiedDate\":\"2020-01-22T06:22:18Z\"},"
            + "\"ok/..x\":{\"Size\":1,\"LastModifiedDate\":\"2020-01-22T06:22:18Z\"}}}";
    FileIndex index = new FileIndexCodec().decode(json.getBytes(StandardCharsets.UTF_8));
    // This index has '/' keys, so it was not written on Windows: "C:\\x" is a name here.
    assertThat(index.entries().keySet()).containsExactly("C:\\x", "ok/..x");
  }

  @Test
  void dropsDriveLetterKeysOfAnIndexWrittenOnWindows() throws IOException {
    String json =
        "{\"Files\":{"
            + "\"C:\":{\"Size\":1,\"LastModifiedDate\":\"2020-01-22T06:22:18Z\"},"
            + "\"C:\\\\x\":{\"Size\":1,\"LastModifiedDate\":\"2020-01-22T06:22:18Z\"},"
            + "\"src\":{\"Size\":1,\"LastModifiedDate\":\"2020-01-22T06:22:18Z\"},"
            + "\"src\\\\a.js\":{\"Size\":1,\"LastModifiedDate\":\"2020-01-22T06:22:18Z\"}}}";
    FileIndex index = new FileIndexCodec().decode(json.getBytes(StandardCharsets.UTF_8));
    assertThat(index.entries().keySet()).containsExactly("src", "src/a.js");
  }

  @Test
  void aBackslashIsPartOfTheNameUnlessTheIndexWasWrittenOnWindows() throws IOException {
    FileIndexCodec codec = new FileIndexCodec();
    // Written on Linux: subdirectories give '/' keys, so '\\' is a character of a name.
    FileIndex linux =
        FileIndex.builder()
            .put("back\\slash.txt", new IndexEntry(1, T))
            .put("src", new IndexEntry(4096, T))
            .put("src/a\\b", new IndexEntry(1, T))
            .build();
    assertThat(codec.decode(codec.encode(linux)).entries().keySet())
        .containsExactly("back\\slash.txt", "src", "src/a\\b");
    // A flat Linux folder has no '/' at all, but the text before a name's '\\' is no entry.
    FileIndex flat =
        FileIndex.builder()
            .put("a\\b", new IndexEntry(1, T))
            .put("x\\y\\z", new IndexEntry(1, T))
            .put("y", new IndexEntry(1, T))
            .build();
    assertThat(codec.decode(codec.encode(flat)).entries().keySet())
        .containsExactly("a\\b", "x\\y\\z", "y");
    // odo on Windows lists every directory it walks, so each '\\' key's parent is a key.
    assertThat(FileIndexCodec.writtenOnWindows(List.of("src", "src\\util", "src\\util\\S.java")))
        .isTrue();
    assertThat(FileIndexCodec.writtenOnWindows(List.of("src", "src\\util\\S.java"))).isFalse();
  }

  @Test
  void nullFilesIsAnEmptyIndex() throws IOException {
    assertThat(
            new FileIndexCodec()
                .decode("{\"kind\":\"FileIndex\",\"Files\":null}".getBytes(StandardCharsets.UTF_8))
                .size())
        .isZero();
  }

  static byte[] resource(String name) throws IOException {
    try (InputStream in = FileIndexCodecTest.class.getResourceAsStream("/index/" + name)) {
      return in.readAllBytes();
    }
  }
}
