package dev.deckhand.core.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where a problem in a YAML document is, and how to say it to the person editing the file.
 *
 * <p>An instance knows the line numbers of a document's fields, keyed by dotted path ({@code
 * ComponentSettings.Ports[1]}), so that semantic errors found after parsing can still point at a
 * line. The static helpers turn Jackson's exceptions into the same dotted paths and plain messages.
 */
public final class YamlDiagnostics {
  private final Map<String, Integer> lines;

  private YamlDiagnostics(Map<String, Integer> lines) {
    this.lines = lines;
  }

  /** The line numbers of {@code yaml}; a syntax error leaves a partial (still useful) map. */
  public static YamlDiagnostics of(String yaml) {
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
    return new YamlDiagnostics(lines);
  }

  /** The line of a field, or of the closest enclosing field that has one; 0 when unknown. */
  public int lineOf(String dottedPath) {
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

  /** The line Jackson reports for {@code e}; 0 when it has none. */
  public static int errorLine(JsonProcessingException e) {
    return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
  }

  /** The dotted path ({@code types[1].s2i}) of the field a mapping error is about. */
  public static String fieldPath(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  /**
   * The problem as a YAML editor sees it when Jackson's message is missing or is about the shape
   * (Jackson names Java types; a person editing YAML needs the expected YAML shape instead); null
   * when the message is about something else.
   */
  public static String shapeProblem(String jacksonMessage) {
    if (jacksonMessage == null) {
      return "has the wrong shape";
    }
    if (jacksonMessage.contains("java.util.ArrayList")
        || jacksonMessage.contains("from Object value")) {
      return "has the wrong shape (expected a list)";
    }
    return null;
  }

  /** The first line of a (possibly multi-line) message. */
  public static String firstLine(String message) {
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
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
