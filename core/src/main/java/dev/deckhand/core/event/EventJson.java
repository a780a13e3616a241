package dev.deckhand.core.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON-lines form of events ({@code deckhand push -o json}): one object per event with {@code
 * type}, {@code stage} and {@code time} first. The README documents the schema for editors.
 */
public final class EventJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EventJson() {}

  public static String line(PushEvent event) {
    try {
      return JSON.writeValueAsString(fields(event));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, Object> fields(PushEvent event) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (event instanceof PushEvent.StageStarted e) {
      head(m, "stage-started", e.stage(), e);
      container(m, e.container());
    } else if (event instanceof PushEvent.StageProgress e) {
      head(m, "stage-progress", e.stage(), e);
      m.put("files", e.files());
      m.put("totalFiles", e.totalFiles());
      m.put("bytes", e.bytes());
      m.put("totalBytes", e.totalBytes());
    } else if (event instanceof PushEvent.StageCompleted e) {
      head(m, "stage-completed", e.stage(), e);
      container(m, e.container());
      m.put("durationMs", e.duration().toMillis());
      m.put("message", e.message());
    } else if (event instanceof PushEvent.StageFailed e) {
      head(m, "stage-failed", e.stage(), e);
      container(m, e.container());
      m.put("reason", e.reason());
      m.put("logTail", e.logTail());
    } else if (event instanceof PushEvent.AssembleFailed e) {
      m.put("type", "assemble-failed");
      m.put("stage", Stage.ASSEMBLE.id());
      m.put("time", e.time().toString());
      m.put("exitCode", e.exitCode());
      m.put("appState", e.appState().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      m.put("supervisorStatus", e.supervisorStatus());
    } else if (event instanceof PushEvent.AppChecked e) {
      m.put("type", "app-checked");
      m.put("stage", Stage.READY.id());
      m.put("time", e.time().toString());
      m.put("appState", e.appState().id());
      m.put("url", e.url());
      m.put("supervisorStatus", e.supervisorStatus());
      m.put("message", e.message());
    } else if (event instanceof PushEvent.Hold e) {
      head(m, "hold", e.stage(), e);
      container(m, e.container());
      m.put("reason", e.reason());
    } else if (event instanceof PushEvent.LogLine e) {
      head(m, "log", e.stage(), e);
      m.put("stream", e.stream().name().toLowerCase(Locale.ROOT));
      m.put("text", e.text());
    } else if (event instanceof PushEvent.PushFinished e) {
      m.put("type", "push-finished");
      m.put("stage", null);
      m.put("time", e.time().toString());
      m.put("success", e.success());
      m.put("durationMs", e.duration().toMillis());
      m.put("summary", e.summary());
      m.put("url", e.url());
      m.put("filesSent", e.filesSent());
      m.put("bytesSent", e.bytesSent());
      m.put("execs", e.execs());
      m.put("appState", e.appState() == null ? null : e.appState().id());
    }
    return m;
  }

  private static void head(Map<String, Object> m, String type, Stage stage, PushEvent e) {
    m.put("type", type);
    m.put("stage", stage.id());
    m.put("time", e.time().toString());
  }

  private static void container(Map<String, Object> m, String container) {
    if (container != null) {
      m.put("container", container);
    }
  }
}
