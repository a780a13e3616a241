package dev.deckhand.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ComponentNameGeneratorTest {
  private final ComponentNameGenerator generator = new ComponentNameGenerator(new Random(7));

  @Test
  void followsOdoShape() {
    assertThat(generator.generate("nodejs", "nodejs-ex")).matches("nodejs-nodejs-ex-[a-z]{4}");
  }

  @Test
  void cutsFolderPrefixAtTwelveAndNormalises() {
    assertThat(generator.generate("openshift/java:8", "My Very_Long.Project Name"))
        .matches("java-my-very-long-[a-z]{4}");
  }

  @Test
  void folderWithNoUsableCharacters() {
    assertThat(generator.generate("nodejs", "日本語")).matches("nodejs-[a-z]{4}");
  }
}
