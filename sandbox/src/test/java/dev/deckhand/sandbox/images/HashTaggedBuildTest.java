package dev.deckhand.sandbox.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two checkouts with different scripts build the same image name: each build keeps its own
 * content-hash tag (so neither sandbox runs the other's scripts), and {@code :latest} follows the
 * most recent build for people using podman by hand.
 */
class HashTaggedBuildTest {
  private final Podman podman = new Podman();
  private final ImageRef image =
      new ImageRef(
          "localhost/deckhand-test/hash-tagged-" + Long.toString(ProcessHandle.current().pid(), 36),
          "latest");
  private final List<ImageRef> made = new java.util.ArrayList<>();

  /** A one-file image whose content is {@code script}. */
  private record ScriptRecipe(ImageRef image, String script) implements ImageRecipe {
    @Override
    public String contentHash() {
      return new ContentHash().add("script", script).hex();
    }

    @Override
    public void stage(Rootfs rootfs) throws IOException {
      rootfs.file("/assemble", script, "rwxr-xr-x");
    }

    @Override
    public List<String> changes() {
      return List.of();
    }
  }

  @AfterEach
  void removeTestImages() {
    List<String> names = new java.util.ArrayList<>(List.of("rmi", image.toString()));
    made.forEach(r -> names.add(r.toString()));
    podman.run(names);
  }

  @Test
  void buildsOfDifferentContentCoexistUnderTheirHashTags() {
    assumeThat(podman.isInstalled()).as("podman is needed").isTrue();
    ImageBuilder builder = new ImageBuilder(podman);

    BuildResult a = builder.ensure(new ScriptRecipe(image, "cp -R /src /dst"), false);
    made.add(a.pinned());
    BuildResult b = builder.ensure(new ScriptRecipe(image, "cp -Rf /src /dst"), false);
    made.add(b.pinned());

    assertThat(a.built()).isTrue();
    assertThat(b.built()).isTrue();
    assertThat(a.image()).isEqualTo(image);
    assertThat(a.pinned().repository()).isEqualTo(image.repository());
    assertThat(a.pinned().tag()).matches("[0-9a-f]{12}");
    assertThat(b.pinned()).isNotEqualTo(a.pinned());
    String idA = podman.imageId(a.pinned()).orElseThrow();
    String idB = podman.imageId(b.pinned()).orElseThrow();
    assertThat(idA).as("A's build survives B's").isNotEqualTo(idB);
    assertThat(podman.imageId(image)).as("latest follows the most recent build").contains(idB);

    BuildResult again = builder.ensure(new ScriptRecipe(image, "cp -R /src /dst"), false);
    assertThat(again.built()).as("A's content is already built").isFalse();
    assertThat(again.pinned()).isEqualTo(a.pinned());
    assertThat(podman.imageId(a.pinned())).contains(idA);
    assertThat(podman.imageId(b.pinned())).contains(idB);
    assertThat(podman.imageId(image)).contains(idA);
    assertThat(SandboxImages.pins(List.of(again)))
        .containsExactly(java.util.Map.entry(image.toString(), a.pinned().toString()));
  }
}
