package dev.deckhand.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TypeDetectorTest {
  @TempDir Path dir;

  private final ComponentCatalog catalog = ComponentCatalog.builtIn();

  @Test
  void packageJsonMeansNodejs() throws Exception {
    Files.writeString(dir.resolve("package.json"), "{}");
    assertThat(TypeDetector.detect(dir, catalog)).contains("nodejs");
  }

  @Test
  void pomMeansJava() throws Exception {
    Files.writeString(dir.resolve("pom.xml"), "<project/>");
    assertThat(TypeDetector.detect(dir, catalog)).contains("java");
  }

  @Test
  void gradleMeansJava() throws Exception {
    Files.writeString(dir.resolve("build.gradle"), "");
    assertThat(TypeDetector.detect(dir, catalog)).contains("java");
  }

  @Test
  void nothingKnown() throws Exception {
    Files.writeString(dir.resolve("README.md"), "");
    assertThat(TypeDetector.detect(dir, catalog)).isEmpty();
    assertThat(TypeDetector.detect(dir.resolve("missing"), catalog)).isEmpty();
  }

  @Test
  void onlyTopLevelCounts() throws Exception {
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/package.json"), "{}");
    assertThat(TypeDetector.detect(dir, catalog)).isEmpty();
  }
}
