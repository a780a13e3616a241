package dev.deckhand.app.gui;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;

/** Writes a JavaFX image as an RGB PNG without AWT (which must not load before JavaFX's GTK). */
final class PngWriter {
  private PngWriter() {}

  static void write(Image image, Path file) throws IOException {
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    int[] argb = new int[w * h];
    image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    try (DeflaterOutputStream z = new DeflaterOutputStream(raw)) {
      byte[] row = new byte[1 + w * 3];
      for (int y = 0; y < h; y++) {
        row[0] = 0; // filter: none
        for (int x = 0; x < w; x++) {
          int p = argb[y * w + x];
          row[1 + x * 3] = (byte) (p >> 16);
          row[2 + x * 3] = (byte) (p >> 8);
          row[3 + x * 3] = (byte) p;
        }
        z.write(row);
      }
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
      ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
      DataOutputStream d = new DataOutputStream(ihdr);
      d.writeInt(w);
      d.writeInt(h);
      d.write(new byte[] {8, 2, 0, 0, 0}); // 8-bit RGB, no interlace
      chunk(out, "IHDR", ihdr.toByteArray());
      chunk(out, "IDAT", raw.toByteArray());
      chunk(out, "IEND", new byte[0]);
    }
  }

  private static void chunk(OutputStream out, String type, byte[] data) throws IOException {
    DataOutputStream d = new DataOutputStream(out);
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    d.writeInt(data.length);
    d.write(t);
    d.write(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    d.writeInt((int) crc.getValue());
  }
}
