package dev.deckhand.sandbox.api;

import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.ConfigBuilder;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Adds the sandbox's cluster, user and context to a user's kubeconfig, replacing entries of the
 * same name and keeping everything else; only on request ({@code deckhand sandbox
 * --merge-kubeconfig}), and the current context is left alone unless asked.
 */
public final class KubeconfigMerge {
  private KubeconfigMerge() {}

  public static void merge(Path sandboxKubeconfig, Path userKubeconfig, boolean useContext)
      throws IOException {
    Config sandbox = read(sandboxKubeconfig);
    Config user =
        Files.exists(userKubeconfig)
            ? read(userKubeconfig)
            : new ConfigBuilder().withApiVersion("v1").withKind("Config").build();
    Config merged =
        new ConfigBuilder(user)
            .withClusters(replace(user.getClusters(), sandbox.getClusters(), NamedCluster::getName))
            .withUsers(replace(user.getUsers(), sandbox.getUsers(), NamedAuthInfo::getName))
            .withContexts(replace(user.getContexts(), sandbox.getContexts(), NamedContext::getName))
            .withCurrentContext(
                useContext || user.getCurrentContext() == null || user.getCurrentContext().isEmpty()
                    ? SandboxApiServer.CONTEXT
                    : user.getCurrentContext())
            .build();
    Path dir = userKubeconfig.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".kubeconfig", ".tmp");
    Files.writeString(tmp, Serialization.asYaml(merged), StandardCharsets.UTF_8);
    Files.move(
        tmp, userKubeconfig, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static Config read(Path file) throws IOException {
    return Serialization.unmarshal(Files.readString(file, StandardCharsets.UTF_8), Config.class);
  }

  private static <T> List<T> replace(List<T> existing, List<T> added, Function<T, String> name) {
    List<T> out = new ArrayList<>();
    List<String> addedNames = added.stream().map(name).toList();
    for (T e : existing) {
      if (!addedNames.contains(name.apply(e))) {
        out.add(e);
      }
    }
    out.addAll(added);
    return out;
  }
}
