package dev.deckhand.core.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Line numbers of the fields of a YAML document, keyed by dotted path ({@code
 * ComponentSettings.Ports[1]}), so that semantic errors found after parsing can still point at a
 * line.
 */
final class YamlLocations {
  private final Map<String, Integer> lines;

  private YamlLocations(Map<String, Integer> lines) {
    this.lines = lines;
  }

  static YamlLocations of(String yaml) {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser p = new YAMLFactory().createParser(yaml)) {
      JsonToken token;
      while ((token = p.nextToken()) != null) {
        if (token == JsonToken.FIELD_NAME || token.isScalarValue() || token.isStructStart()) {
          String path = dotted(p.getParsingContext().pathAsPointer().toString());
          lines.putIfAbsent(path, p.currentTokenLocation().getLineNr());
        }
      }
    } catch (IOException e) {
      // The caller reports syntax errors from its own parse; a partial map is still useful.
    }
    return new YamlLocations(lines);
  }

  /** The line of a field, or of the closest enclosing field that has one; 0 when unknown. */
  int lineOf(String dottedPath) {
    String path = dottedPath;
    while (!path.isEmpty()) {
      Integer line = lines.get(path);
      if (line != null) {
        return line;
      }
      int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
      path = cut < 0 ? "" : path.substring(0, cut);
    }
    return 0;
  }

  /** JSON pointer {@code /ComponentSettings/Ports/1} to {@code ComponentSettings.Ports[1]}. */
  private static String dotted(String pointer) {
    StringBuilder sb = new StringBuilder();
    for (String part : pointer.split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      String name = part.replace("~1", "/").replace("~0", "~");
      if (name.chars().allMatch(Character::isDigit)) {
        sb.append('[').append(name).append(']');
      } else {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(name);
      }
    }
    return sb.toString();
  }
}
