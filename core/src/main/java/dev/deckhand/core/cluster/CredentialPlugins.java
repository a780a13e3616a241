package dev.deckhand.core.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The exec credential plugin of a kubeconfig user ({@code user.exec.command}, e.g. {@code
 * kubectl-oidc-login}). fabric8 runs it while building the client; a plugin that is not installed
 * made it log ~45 lines of warnings and then carry on without credentials, so a missing one is
 * reported before that, by name.
 */
final class CredentialPlugins {
  private CredentialPlugins() {}

  /**
   * @throws IllegalArgumentException naming the plugin and the user when the plugin is not found
   */
  static void requireInstalled(ClusterContext context, Map<String, String> env) {
    if (context.userName() == null || context.userFile() == null) {
      return;
    }
    MergedKubeconfig.Entry user =
        MergedKubeconfig.read(List.of(context.userFile())).users.get(context.userName());
    JsonNode body = user == null ? null : user.body("user");
    String command = body == null ? null : KubeconfigYaml.text(body.get("exec"), "command");
    if (command == null || command.isBlank()) {
      return;
    }
    if (!installed(command.strip(), user.file(), env)) {
      throw new IllegalArgumentException(
          "credential plugin '"
              + command.strip()
              + "' in kubeconfig user '"
              + context.userName()
              + "' was not found; install it, or log in with a token (deckhand login)");
    }
  }

  /**
   * As kubectl looks a plugin up: a path with a separator is relative to the kubeconfig's folder, a
   * bare name is searched on {@code PATH}.
   */
  static boolean installed(String command, Path kubeconfig, Map<String, String> env) {
    try {
      if (command.contains("/") || command.contains(File.separator)) {
        Path path = Path.of(command);
        if (!path.isAbsolute()) {
          path = kubeconfig.toAbsolutePath().getParent().resolve(path);
        }
        return Files.isRegularFile(path) && Files.isExecutable(path);
      }
      String searchPath = env.getOrDefault("PATH", "");
      for (String dir : searchPath.split(File.pathSeparator)) {
        if (dir.isBlank()) {
          continue;
        }
        Path candidate = Path.of(dir).resolve(command);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return true;
        }
      }
      return false;
    } catch (InvalidPathException e) {
      return false;
    }
  }
}
